import type { Settings } from '../config/settings.ts';
import type { CrmPort } from '../ports/crm.ts';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * E-mail addresses for `notify`-style names: a target's email, `owner` (the record's owner, when a
 * person with an address), or a literal address. Names without an address are skipped; duplicates
 * are sent once.
 */
export async function resolveRecipients(
  names: readonly string[],
  context: { readonly settings: Settings; readonly crm: CrmPort; readonly ownerId: string | undefined },
): Promise<string[]> {
  const addresses: string[] = [];
  for (const name of names) {
    let address: string | undefined;
    if (name === 'owner') address = context.ownerId ? (await context.crm.owner(context.ownerId))?.email : undefined;
    else if (EMAIL.test(name)) address = name;
    else address = context.settings.targets[name]?.email;
    if (address && !addresses.includes(address.toLowerCase())) addresses.push(address.toLowerCase());
  }
  return addresses;
}
