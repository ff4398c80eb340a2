import type { z } from 'zod';
import { TEXT } from './xml-tree.ts';

/** A field as the message carries it: its text, or null for `xsi:nil="true"`. Typing comes later. */
export type RawFieldValue = string | null;

/** Salesforce API names: `Subject`, `Expedite__c`, `ns__Field__c`. Also keeps `__proto__` and friends out. */
export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/**
 * The `sf:*` children of an `sObject` as name → text. Outbound Messages carry the object's own
 * fields only, each once, so a repeated or nested field is a malformed message, reported with its
 * name (never its value).
 */
export function readSObjectFields(
  sObject: Record<string, unknown>,
  context: z.RefinementCtx,
): Record<string, RawFieldValue> {
  const fields: [string, RawFieldValue][] = [];
  for (const [name, value] of Object.entries(sObject)) {
    if (name.startsWith('@_')) continue;
    if (name === TEXT) {
      context.addIssue({ code: 'custom', message: 'text outside any field' });
      continue;
    }
    if (!FIELD_NAME.test(name)) {
      context.addIssue({ code: 'custom', path: [name], message: 'not a Salesforce field name' });
      continue;
    }
    const read = readValue(value);
    if (typeof read === 'object' && read !== null) context.addIssue({ code: 'custom', path: [name], ...read });
    else fields.push([name, read]);
  }
  return Object.fromEntries(fields);
}

function readValue(value: unknown): RawFieldValue | { message: string } {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return { message: 'the field appears more than once' };
  if (value === null || typeof value !== 'object') return { message: 'not a field value' };
  const element = value as Record<string, unknown>;
  if (element['@_nil'] === 'true') return null;
  if (Object.keys(element).some((key) => key !== TEXT && !key.startsWith('@_'))) {
    return { message: 'a field holds elements; Outbound Message fields are plain values' };
  }
  const text = element[TEXT];
  return typeof text === 'string' ? text : '';
}
