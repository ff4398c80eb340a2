import type { NewTask, TaskState } from '../../core/ports/crm.ts';
import type { Instant } from '../../core/time/instant.ts';
import { withActionKey } from './action-key.ts';

/** HubSpot's limit on a task body (and a note body). */
export const BODY_LENGTH = 65_536;
const SUBJECT_LENGTH = 255;

/** The properties read back to describe a task. */
export const TASK_STATE_PROPERTIES = ['hs_task_status', 'hs_task_type', 'hubspot_owner_id', 'hs_createdate'];

/**
 * A crmflow task as HubSpot wants it: a CALL or TODO task, due (`hs_timestamp`) at the due moment,
 * HIGH or MEDIUM priority, its body ending with the action key. Associations are the caller's.
 */
export function newTaskProperties(task: NewTask): Record<string, string> {
  return {
    hs_task_subject:
      task.subject.length > SUBJECT_LENGTH ? `${task.subject.slice(0, SUBJECT_LENGTH - 1)}…` : task.subject,
    hs_task_body: withActionKey(task.description, task.actionKey, BODY_LENGTH),
    hs_task_type: task.type === 'call' ? 'CALL' : 'TODO',
    hs_task_status: 'NOT_STARTED',
    hs_task_priority: task.priority === 'high' ? 'HIGH' : 'MEDIUM',
    hs_timestamp: new Date(task.dueAt).toISOString(),
    hubspot_owner_id: task.ownerId,
  };
}

/** A task read back: its properties, when HubSpot says it was created, and what it is related to. */
export function taskState(
  id: string,
  properties: Readonly<Record<string, string | null | undefined>>,
  createdAt: Instant,
  relatedTo: string | undefined,
): TaskState {
  return {
    id,
    status: properties.hs_task_status === 'COMPLETED' ? 'completed' : 'open',
    ownerId: properties.hubspot_owner_id ?? '',
    type: properties.hs_task_type === 'CALL' ? 'call' : 'todo',
    createdAt,
    ...(relatedTo === undefined ? {} : { relatedTo }),
  };
}
