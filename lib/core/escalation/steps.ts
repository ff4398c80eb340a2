/**
 * The escalation workflow's steps (workflows/escalation.asl.json): Plan reads the truth and decides;
 * Act carries an action out through the ports, each part idempotent, then records it in the ledger.
 */
import type { Settings } from '../config/settings.ts';
import type { CaseState } from '../cases/case-state.ts';
import type { Clock } from '../ports/clock.ts';
import type { CrmPort } from '../ports/crm.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { Store } from '../ports/store.ts';
import type { RecordRef } from '../model/crm-event.ts';
import { matchEscalationPolicy } from './match-policy.ts';
import { actionKey } from './actions.ts';
import { cycleNumber, planEscalation } from './plan.ts';
import type { EscalateAction, EscalationDecision, EscalationInput, WarnAction } from './decision.ts';
import { resolveRecipients } from '../notify/recipients.ts';

export interface EscalationDeps {
  readonly settings: Settings;
  readonly store: Store;
  readonly clock: Clock;
  readonly crm: (ref: RecordRef) => CrmPort;
  readonly mailer: Mailer;
}

export async function escalationPlanStep(deps: EscalationDeps, input: EscalationInput): Promise<EscalationDecision> {
  const stored = await deps.store.getRecord<CaseState>(input.ref);
  if (!stored) return { kind: 'done', reason: 'the case is not known' };
  const state = stored.data;
  const policy = matchEscalationPolicy(deps.settings, state.snapshot);
  const escalated = new Set<number>();
  const warned = new Set<number>();
  if (policy) {
    const cycle = cycleNumber(state);
    for (const tier of policy.tiers) {
      if (await deps.store.getAction(actionKey(state, `tier${tier.number}`, cycle))) escalated.add(tier.number);
      else if (policy.warnBefore && (await deps.store.getAction(actionKey(state, `warn${tier.number}`, cycle)))) {
        warned.add(tier.number);
      }
      if (!escalated.has(tier.number)) break;
    }
  }
  return planEscalation(state, input.version, deps.settings, { escalated, warned }, deps.clock.now());
}

export async function escalationActStep(deps: EscalationDeps, action: EscalateAction | WarnAction): Promise<void> {
  if (await deps.store.getAction(action.key)) return;
  const result = action.type === 'escalate' ? await escalate(deps, action) : await warn(deps, action);
  const at = deps.clock.now();
  await deps.store.recordAction({ key: action.key, ref: action.ref, result, at });
  await deps.store.appendAudit(action.ref, {
    at,
    type: 'action',
    summary:
      action.type === 'escalate'
        ? `escalated to ${action.target} (tier ${action.tier})`
        : `warned before tier ${action.tier}`,
    detail: { key: action.key, workflow: 'escalation', action: action.type, tier: action.tier, ...result },
  });
}

async function escalate(deps: EscalationDeps, action: EscalateAction): Promise<Record<string, string>> {
  const crm = deps.crm(action.ref);
  await crm.assignOwner(action.ref, action.targetOwnerId);
  await crm.markEscalated(action.ref);
  const note = await crm.addNote({ actionKey: `${action.key}:note`, relatedTo: action.ref, body: action.note });
  const result: Record<string, string> = { owner: action.targetOwnerId, note: note.id };
  if (action.task) {
    const task = await crm.createTask({
      actionKey: `${action.key}:task`,
      type: 'todo',
      subject: action.task.subject,
      description: action.task.description,
      ownerId: action.targetOwnerId,
      priority: 'high',
      dueAt: action.task.dueAt,
      relatedTo: action.ref,
      ...(action.task.contactId ? { contactId: action.task.contactId } : {}),
    });
    result['task'] = task.id;
  }
  const recipients = await resolveRecipients(action.notify, {
    settings: deps.settings,
    crm,
    ownerId: action.previousOwnerId,
  });
  for (const [i, to] of recipients.entries()) {
    const sent = await deps.mailer.send({ actionKey: `${action.key}:email:${i + 1}`, to: [to], ...action.email });
    result[`email${i + 1}`] = sent.messageId;
  }
  return result;
}

async function warn(deps: EscalationDeps, action: WarnAction): Promise<Record<string, string>> {
  const crm = deps.crm(action.ref);
  const recipients = await resolveRecipients(['owner'], { settings: deps.settings, crm, ownerId: action.ownerId });
  const result: Record<string, string> = {};
  for (const [i, to] of recipients.entries()) {
    const sent = await deps.mailer.send({ actionKey: `${action.key}:email:${i + 1}`, to: [to], ...action.email });
    result[`email${i + 1}`] = sent.messageId;
  }
  return result;
}
