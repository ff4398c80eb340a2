import type { Instant } from '../../../core/time/instant.ts';
import { hsDateTime } from './datetime.ts';
import type { ObjectType } from './object-types.ts';

type Props = Record<string, string | null>;

export interface RuleContext {
  readonly id: string;
  readonly now: Instant;
  /** Ticket stages whose tickets are closed (the default pipeline's "Closed" is `4`). */
  readonly closedStages: readonly string[];
}

/**
 * Properties HubSpot derives on save: the ticket number, when a ticket closed, when a task was
 * completed. Runs on every create and update, after the written values are merged.
 */
export function deriveProperties(type: ObjectType, props: Props, context: RuleContext): void {
  switch (type) {
    case 'tickets':
      props.hs_ticket_id = context.id;
      stampWhen(props, context.closedStages.includes(String(props.hs_pipeline_stage)), 'closed_date', context.now);
      break;
    case 'tasks':
      stampWhen(props, props.hs_task_status === 'COMPLETED', 'hs_task_completion_date', context.now);
      break;
    default:
      break;
  }
}

/**
 * Sets `at` when the condition becomes true, keeps it while it holds (or what a seed gave), clears
 * it when it stops: `props` is the previous values with this write's merged over them.
 */
function stampWhen(props: Props, holds: boolean, at: string, now: Instant): void {
  if (!holds) props[at] = null;
  else if (!props[at]) props[at] = hsDateTime(now);
}
