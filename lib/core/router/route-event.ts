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
import { applyOrderChange } from '../orders/apply-order-change.ts';
import type { OrderSnapshot, OrderState } from '../orders/order-state.ts';
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
  readonly mapCase: (crm: CrmName, fields: NativeFields) => Mapped<CaseSnapshot>;
  /** Native order fields → canonical values. */
  readonly mapOrder: (crm: CrmName, fields: NativeFields) => Mapped<OrderSnapshot>;
}

/** A snapshot as a mapping gives it: the CRM may leave out its times (the event's time stands in). */
export type Mapped<T extends { createdAt: Instant; modifiedAt: Instant }> = Omit<T, 'createdAt' | 'modifiedAt'> & {
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
  const outcome =
    event.kind === 'case'
      ? await routeCase(deps, ref, event)
      : event.kind === 'order'
        ? await routeOrder(deps, ref, event)
        : 'ignored';
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
  const fields = await recordFields(deps, ref, event);
  if (!fields) return 'gone';
  const snapshot = withTimes(deps.mapCase(ref.crm, fields), event);
  const decision = await saveDecision(deps, ref, (stored: CaseState | undefined) =>
    applyCaseChange(ref, stored, snapshot, deps.settings),
  );
  if (decision.startEscalation !== undefined) {
    const version = decision.startEscalation;
    await startOnce(deps.workflows, 'escalation', executionName('escalation', ref, version), { ref, version });
  }
  if (decision.startFollowUp !== undefined) await startFollowUp(deps, ref, 'case.closed', decision.startFollowUp);
  return decision.changed ? 'applied' : 'unchanged';
}

async function routeOrder(deps: RouterDeps, ref: RecordRef, event: CrmEvent): Promise<RouteOutcome> {
  const fields = await recordFields(deps, ref, event);
  if (!fields) return 'gone';
  const snapshot = withTimes(deps.mapOrder(ref.crm, fields), event);
  const decision = await saveDecision(deps, ref, (stored: OrderState | undefined) =>
    applyOrderChange(ref, stored, snapshot, deps.settings),
  );
  if (decision.startExpedite !== undefined) {
    const version = decision.startExpedite;
    await startOnce(deps.workflows, 'expedite', executionName('expedite', ref, version), { ref, version });
  }
  if (decision.startFollowUp !== undefined) await startFollowUp(deps, ref, 'order.delivered', decision.startFollowUp);
  return decision.changed ? 'applied' : 'unchanged';
}

/** A partial event (one HubSpot property) is not the record: read the whole of it first. */
async function recordFields(deps: RouterDeps, ref: RecordRef, event: CrmEvent): Promise<NativeFields | undefined> {
  return event.complete ? event.fields : deps.crm(ref.crm).readRecord(ref);
}

function withTimes<T extends { createdAt: Instant; modifiedAt: Instant }>(mapped: Mapped<T>, event: CrmEvent): T {
  const modifiedAt = mapped.modifiedAt ?? event.occurredAt;
  return { ...withoutUndefined(mapped), createdAt: mapped.createdAt ?? modifiedAt, modifiedAt } as T;
}

/** Read, decide, save if changed — again from the read when another writer got there first. */
async function saveDecision<S, D extends { readonly state: S; readonly changed: boolean }>(
  deps: RouterDeps,
  ref: RecordRef,
  decide: (stored: S | undefined) => D,
): Promise<D> {
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    const stored = await deps.store.getRecord<S>(ref);
    const decision = decide(stored?.data);
    if (!decision.changed || (await deps.store.saveRecord(ref, decision.state, stored?.version ?? 0))) return decision;
  }
  throw new Error(`could not save ${ref.crm} ${ref.kind} ${ref.id}: ${SAVE_ATTEMPTS} concurrent writers in a row`);
}

async function startFollowUp(
  deps: RouterDeps,
  ref: RecordRef,
  trigger: 'case.closed' | 'order.delivered',
  occurrence: number,
) {
  if (!followUpPolicy(deps.settings, trigger)) return;
  const name = `follow-up-${ref.crm}-${ref.id}-${trigger === 'case.closed' ? 'c' : 'd'}${occurrence}`;
  await startOnce(deps.workflows, 'follow-up', name, { ref, trigger, occurrence });
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
