/**
 * The router (DESIGN §1): the only writer of record state. Dedupes on the source event id, merges
 * the change into the stored state (newer wins; a late status still lands in the history), and
 * starts the plan that should be running. Every step is idempotent, so a redelivered event — after
 * a crash anywhere in here — ends in the same state with the same executions.
 */
import type { Settings } from '../config/settings.ts';
import { applyCaseChange } from '../cases/apply-change.ts';
import { followUpPolicy } from '../follow-up/plan.ts';
import type { CaseSnapshot, CaseState } from '../cases/case-state.ts';
import type { CrmName } from '../model/canonical.ts';
import type { CrmEvent, NativeFields, RecordRef } from '../model/crm-event.ts';
import type { Clock } from '../ports/clock.ts';
import type { CrmPort } from '../ports/crm.ts';
import type { Store } from '../ports/store.ts';
import type { WorkflowStarter } from '../ports/workflows.ts';
import { toIso, type Instant } from '../time/instant.ts';

export interface RouterDeps {
  readonly settings: Settings;
  readonly store: Store;
  readonly clock: Clock;
  readonly crm: (crm: CrmName) => CrmPort;
  readonly workflows: WorkflowStarter;
  /** Native case fields → canonical values (lib/crm/<crm>/mapping.ts); times may be missing. */
  readonly mapCase: (crm: CrmName, fields: NativeFields) => MappedCase;
}

export type MappedCase = Omit<CaseSnapshot, 'createdAt' | 'modifiedAt'> & {
  readonly createdAt?: Instant | undefined;
  readonly modifiedAt?: Instant | undefined;
};

export type RouteOutcome = 'duplicate' | 'applied' | 'unchanged' | 'ignored' | 'gone';

/** How long an event id is remembered: longer than Salesforce retries (24 h) and HubSpot's (3 days). */
const DEDUPE_SECONDS = 7 * 24 * 3600;
const SAVE_ATTEMPTS = 8;

export async function routeEvent(deps: RouterDeps, event: CrmEvent): Promise<RouteOutcome> {
  const now = deps.clock.now();
  if (await deps.store.hasSeenEvent(event.id, now)) return 'duplicate';
  const ref: RecordRef = { crm: event.crm, kind: event.kind, id: event.recordId };
  const outcome = event.kind === 'case' ? await routeCase(deps, ref, event) : 'ignored';
  await deps.store.appendAudit(ref, {
    at: now,
    type: 'event',
    summary: `${event.kind} ${event.change} (${outcome})`,
    detail: { eventId: event.id, occurredAt: toIso(event.occurredAt) },
  });
  await deps.store.markEventSeen(event.id, now, DEDUPE_SECONDS);
  return outcome;
}

async function routeCase(deps: RouterDeps, ref: RecordRef, event: CrmEvent): Promise<RouteOutcome> {
  // A partial event (one HubSpot property) is not the record: read the whole of it first.
  const fields = event.complete ? event.fields : await deps.crm(ref.crm).readRecord(ref);
  if (!fields) return 'gone';
  const mapped = deps.mapCase(ref.crm, fields);
  const modifiedAt = mapped.modifiedAt ?? event.occurredAt;
  const snapshot: CaseSnapshot = { ...withoutUndefined(mapped), createdAt: mapped.createdAt ?? modifiedAt, modifiedAt };
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    const stored = await deps.store.getRecord<CaseState>(ref);
    const decision = applyCaseChange(ref, stored?.data, snapshot, deps.settings);
    if (decision.changed && !(await deps.store.saveRecord(ref, decision.state, stored?.version ?? 0))) continue;
    if (decision.startEscalation !== undefined) {
      const version = decision.startEscalation;
      await startOnce(deps.workflows, 'escalation', executionName('escalation', ref, version), { ref, version });
    }
    if (decision.startFollowUp !== undefined && followUpPolicy(deps.settings, 'case.closed')) {
      const occurrence = decision.startFollowUp;
      const name = `follow-up-${ref.crm}-${ref.id}-c${occurrence}`;
      await startOnce(deps.workflows, 'follow-up', name, { ref, trigger: 'case.closed', occurrence });
    }
    return decision.changed ? 'applied' : 'unchanged';
  }
  throw new Error(`could not save ${ref.crm} ${ref.kind} ${ref.id}: ${SAVE_ATTEMPTS} concurrent writers in a row`);
}

/**
 * Starts a plan version unless it already ran: its name says which plan it is, so an execution that
 * exists under it — running or finished — is the same plan.
 */
async function startOnce(workflows: WorkflowStarter, workflow: string, name: string, input: Record<string, unknown>) {
  try {
    await workflows.start(workflow, name, input);
  } catch (error) {
    if ((error as Error).name !== 'ExecutionAlreadyExists') throw error;
  }
}

/** `<workflow>-<crm>-<recordId>-v<planVersion>` (DESIGN §1): a duplicate start is a no-op. */
export function executionName(workflow: string, ref: RecordRef, version: number): string {
  return `${workflow}-${ref.crm}-${ref.id}-v${version}`;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
