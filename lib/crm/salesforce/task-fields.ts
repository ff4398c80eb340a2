import { DateTime } from 'luxon';
import type { NativeFields } from '../../core/model/crm-event.ts';
import type { NewTask, TaskState } from '../../core/ports/crm.ts';
import { fromIso } from '../../core/time/instant.ts';
import { withActionKey } from '../shared/action-key.ts';

const SUBJECT_LENGTH = 255;
const DESCRIPTION_LENGTH = 32000;

/** The fields read back to describe a task. */
export const TASK_STATE_FIELDS = [
  'Id',
  'Status',
  'IsClosed',
  'OwnerId',
  'TaskSubtype',
  'Type',
  'CreatedDate',
  'WhatId',
  'WhoId',
];

/**
 * A crmflow task as Salesforce wants it. Calls are TaskSubtype and Type `Call` (the call icon and list
 * views); to-dos TaskSubtype `Task`. ActivityDate is a date in the org's zone, ReminderDateTime the
 * exact moment. Where `relatedTo` is a contact it is the Who, otherwise the What.
 */
export function newTaskFields(task: NewTask, timezone: string): Record<string, string | boolean> {
  const related: Record<string, string> =
    task.relatedTo.kind === 'contact' ? { WhoId: task.relatedTo.id } : { WhatId: task.relatedTo.id };
  const dueDate = DateTime.fromMillis(task.dueAt, { zone: timezone }).toISODate();
  if (!dueDate) throw new Error(`"${timezone}" is not an IANA time zone`);
  return {
    Subject: task.subject.length > SUBJECT_LENGTH ? `${task.subject.slice(0, SUBJECT_LENGTH - 1)}…` : task.subject,
    Description: withActionKey(task.description, task.actionKey, DESCRIPTION_LENGTH),
    OwnerId: task.ownerId,
    ...related,
    ...(task.contactId && task.relatedTo.kind !== 'contact' ? { WhoId: task.contactId } : {}),
    Priority: task.priority === 'high' ? 'High' : 'Normal',
    Status: 'Not Started',
    TaskSubtype: task.type === 'call' ? 'Call' : 'Task',
    ...(task.type === 'call' ? { Type: 'Call' } : {}),
    ActivityDate: dueDate,
    ReminderDateTime: new Date(task.dueAt).toISOString(),
    IsReminderSet: true,
  };
}

export function taskState(fields: NativeFields): TaskState {
  const related = fields.WhatId ?? fields.WhoId;
  return {
    id: String(fields.Id),
    status: fields.IsClosed === true || fields.Status === 'Completed' ? 'completed' : 'open',
    ownerId: String(fields.OwnerId ?? ''),
    type: fields.TaskSubtype === 'Call' || fields.Type === 'Call' ? 'call' : 'todo',
    createdAt: fromIso(String(fields.CreatedDate)),
    ...(typeof related === 'string' ? { relatedTo: related } : {}),
  };
}
