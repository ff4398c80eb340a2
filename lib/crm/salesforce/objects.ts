import type { RecordKind } from '../../core/model/crm-event.ts';

/** The Salesforce object behind each canonical record kind. */
export const SOBJECT_OF_KIND: Readonly<Record<RecordKind, string>> = {
  case: 'Case',
  order: 'Order',
  task: 'Task',
  contact: 'Contact',
};

/** Key prefixes: an id says which object it belongs to. */
export const KEY_PREFIX = { user: '005', queue: '00G' } as const;
