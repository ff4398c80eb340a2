import type { SfRecord } from '../org.ts';
import type { FieldDef, ObjectDef } from '../schema.ts';
import { apiBase } from './types.ts';

export const recordUrl = (version: string, type: string, id: string): string =>
  `${apiBase(version)}/sobjects/${type}/${id}`;

/** A record as the API answers it: `attributes` first, then the fields asked for (null when empty). */
export function viewRecord(
  def: ObjectDef,
  record: SfRecord,
  version: string,
  fields: readonly FieldDef[] = def.fields,
): Record<string, unknown> {
  const view: Record<string, unknown> = {
    attributes: { type: def.name, url: recordUrl(version, def.name, String(record.Id)) },
  };
  for (const f of fields) view[f.name] = record[f.name] ?? null;
  return view;
}
