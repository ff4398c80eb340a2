import type { FieldValue } from '../../../core/model/crm-event.ts';

type Fields = Record<string, FieldValue>;

/** Auto-number fields and where their sequences start in a fresh org. */
export const AUTO_NUMBERS: Readonly<Record<string, { readonly field: string; readonly first: number }>> = {
  Case: { field: 'CaseNumber', first: 1001 },
  Order: { field: 'OrderNumber', first: 100 },
};

export const formatAutoNumber = (n: number): string => String(n).padStart(8, '0');

export interface RuleContext {
  readonly now: string;
  readonly closedCaseStatuses: readonly string[];
}

/**
 * Fields Salesforce derives on save: IsClosed from the status (and when it closed), compound names,
 * the activation time of orders. Runs on every insert and update, after the written values are merged.
 */
export function deriveFields(type: string, record: Fields, previous: Fields | undefined, context: RuleContext): void {
  switch (type) {
    case 'Case':
      closeWith(record, previous, context.closedCaseStatuses.includes(String(record.Status)), 'ClosedDate', context);
      break;
    case 'Task':
      closeWith(record, previous, record.Status === 'Completed', 'CompletedDateTime', context);
      break;
    case 'Contact':
    case 'User':
      record.Name = [record.FirstName, record.LastName].filter((part) => typeof part === 'string').join(' ') || null;
      break;
    case 'Order':
      if (record.Status === 'Activated' && !record.ActivatedDate) record.ActivatedDate = context.now;
      break;
  }
}

function closeWith(record: Fields, previous: Fields | undefined, closed: boolean, at: string, context: RuleContext) {
  record.IsClosed = closed;
  if (!closed) record[at] = null;
  else if (previous?.IsClosed !== true) record[at] = context.now;
}
