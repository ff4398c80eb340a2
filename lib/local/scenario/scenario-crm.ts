import type { RecordKind } from '../../core/model/crm-event.ts';
import type { Scenario, ScenarioEvent } from './schema.ts';
import type { NoteOutput, TaskOutput } from './output.ts';

/**
 * A scenario's view of one emulated CRM: seed it, make people's changes in it (each fires the CRM's
 * webhooks), and read back what it holds, in the output's canonical shape.
 */
export interface ScenarioCrm {
  seed(records: Scenario['records']): void;
  apply(event: ScenarioEvent): void;
  tasks(): TaskOutput[];
  notes(): NoteOutput[];
  /** Cases and orders with their native fields, by id. */
  records(): { readonly kind: RecordKind; readonly id: string; readonly fields: Record<string, unknown> }[];
}
