import type { FieldValue } from '../../core/model/crm-event.ts';
import { actionKeyOf as plainActionKeyOf } from '../shared/action-key.ts';

/** The same trailer as on Salesforce (DESIGN §6b): text, a blank line, `crmflow action: <key>`. */
export { withActionKey } from '../shared/action-key.ts';

/**
 * The action key on the last line of a task body or note, or undefined when crmflow did not write
 * it. HubSpot keeps these as rich text: once an agent edits one in HubSpot it comes back as HTML
 * (`<p>…</p><p>crmflow action: …</p>`), so markup is turned back into lines first.
 */
export function actionKeyOf(text: FieldValue | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  return plainActionKeyOf(/<[a-z!/]/i.test(text) ? htmlToText(text) : text);
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity: string, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      const key = name.toLowerCase();
      return Object.hasOwn(ENTITIES, key) ? (ENTITIES[key] ?? entity) : entity;
    });
}
