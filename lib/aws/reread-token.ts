import { CrmError } from '../core/ports/crm.ts';

/**
 * A token renewal without an OAuth app: the secret is read again (bypassing the cache) and its token
 * taken if an admin or a rotation has put a newer one there; the same token again is `refused`.
 */
export function rereadToken(
  first: string,
  reread: () => Promise<{ readonly accessToken: string }>,
  refused: { readonly code: string; readonly message: string },
): () => Promise<string> {
  let current = first;
  return async () => {
    const { accessToken } = await reread();
    if (accessToken === current) throw new CrmError(refused.code, refused.message, false);
    current = accessToken;
    return accessToken;
  };
}
