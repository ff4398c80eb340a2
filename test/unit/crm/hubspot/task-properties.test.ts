import { describe, expect, it } from 'vitest';
import type { NewTask } from '../../../../lib/core/ports/crm.ts';
import { newTaskProperties, taskState } from '../../../../lib/crm/hubspot/task-properties.ts';

const task: NewTask = {
  actionKey: 'escalation:hubspot:9001:task:1',
  type: 'todo',
  subject: 'x'.repeat(300),
  description: 'Tier 1 reached.',
  ownerId: '102',
  priority: 'high',
  dueAt: Date.parse('2026-11-30T10:00:00+02:00'),
  relatedTo: { crm: 'hubspot', kind: 'case', id: '9001' },
};

describe('HubSpot task properties', () => {
  it('writes a to-do as HubSpot wants it, the subject shortened to fit', () => {
    const properties = newTaskProperties(task);
    expect(properties).toMatchObject({
      hs_task_body: 'Tier 1 reached.\n\ncrmflow action: escalation:hubspot:9001:task:1',
      hs_task_type: 'TODO',
      hs_task_status: 'NOT_STARTED',
      hs_task_priority: 'HIGH',
      hs_timestamp: '2026-11-30T08:00:00.000Z',
      hubspot_owner_id: '102',
    });
    expect(properties.hs_task_subject).toHaveLength(255);
    expect(properties.hs_task_subject?.endsWith('…')).toBe(true);
    expect(newTaskProperties({ ...task, type: 'call', priority: 'normal' })).toMatchObject({
      hs_task_type: 'CALL',
      hs_task_priority: 'MEDIUM',
    });
  });

  it('reads a task back: COMPLETED is completed, CALL a call', () => {
    expect(
      taskState('1', { hs_task_status: 'COMPLETED', hs_task_type: 'CALL', hubspot_owner_id: '101' }, 5, '9001'),
    ).toEqual({
      id: '1',
      status: 'completed',
      ownerId: '101',
      type: 'call',
      createdAt: 5,
      relatedTo: '9001',
    });
    expect(taskState('2', { hs_task_status: 'WAITING', hs_task_type: 'EMAIL' }, 6, undefined)).toEqual({
      id: '2',
      status: 'open',
      ownerId: '',
      type: 'todo',
      createdAt: 6,
    });
  });
});
