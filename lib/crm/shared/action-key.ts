import type { FieldValue } from '../../core/model/crm-event.ts';

/**
 * DESIGN §6b: every task's description (every note's body) ends with the action key, so a person can
 * trace it back and crmflow can find what an earlier, crashed attempt already made.
 */
const PREFIX = 'crmflow action: ';

/** `text`, a blank line, then `crmflow action: <key>`; text is shortened (never the key) to fit `maxLength`. */
export function withActionKey(text: string, key: string, maxLength = Infinity): string {
  const line = `${PREFIX}${key}`;
  const body = text.trimEnd();
  if (body === '') return line;
  const room = maxLength - line.length - 2;
  const fitted = body.length <= room ? body : `${body.slice(0, Math.max(0, room - 1)).trimEnd()}…`;
  return `${fitted}\n\n${line}`;
}

/** The action key on the last line, or undefined when crmflow did not write this text. */
export function actionKeyOf(text: FieldValue | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  const last = text.trimEnd().split(/\r?\n/).pop()?.trim() ?? '';
  return last.startsWith(PREFIX) ? last.slice(PREFIX.length).trim() : undefined;
}
