/**
 * The follow-up workflow's steps (workflows/follow-up.asl.json): Plan reads the case, the ledger and
 * the call task, and decides; Act makes the call task or sends the reminder, idempotently.
 */
import type { Settings } from '../config/settings.ts';
import type { CaseState } from '../cases/case-state.ts';
import type { RecordRef } from '../model/crm-event.ts';
import type { Clock } from '../ports/clock.ts';
import type { CrmPort } from '../ports/crm.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { Store } from '../ports/store.ts';
import { resolveRecipients } from '../notify/recipients.ts';
import { caseFollowUpRecord } from './case-record.ts';
import { orderFollowUpRecord } from './order-record.ts';
import type { OrderState } from '../orders/order-state.ts';
import { claimContactCall } from './contact-calls.ts';
import type { CallAction, FollowUpAction, FollowUpDecision, FollowUpInput, RemindAction } from './decision.ts';
import { followUpKey } from './actions.ts';
import { planFollowUp } from './plan.ts';
import type { FollowUpProgress, FollowUpRecord } from './record-facts.ts';

export interface FollowUpDeps {
  readonly settings: Settings;
  readonly store: Store;
  readonly clock: Clock;
  readonly crm: (ref: RecordRef) => CrmPort;
  readonly mailer: Mailer;
}

export async function followUpPlanStep(deps: FollowUpDeps, input: FollowUpInput): Promise<FollowUpDecision> {
  const record = await followUpRecord(deps, input);
  if (!record) return { kind: 'done', reason: 'the record is not known' };
  return planFollowUp(record, input, deps.settings, await progress(deps, input), deps.clock.now());
}

export async function followUpActStep(deps: FollowUpDeps, action: FollowUpAction): Promise<void> {
  if (await deps.store.getAction(action.key)) return;
  const result = action.type === 'call' ? await call(deps, action) : await remind(deps, action);
  const at = deps.clock.now();
  await deps.store.recordAction({ key: action.key, ref: action.ref, result, at });
  const summary =
    action.type === 'remind'
      ? 'reminded: the follow-up call is still open'
      : result['suppressed']
        ? `no follow-up call: ${result['suppressed']}`
        : 'follow-up call task created';
  await deps.store.appendAudit(action.ref, {
    at,
    type: 'action',
    summary,
    detail: { key: action.key, workflow: 'follow-up', action: action.type, ...result },
  });
}

async function followUpRecord(deps: FollowUpDeps, input: FollowUpInput): Promise<FollowUpRecord | undefined> {
  if (input.ref.kind === 'case') {
    const stored = await deps.store.getRecord<CaseState>(input.ref);
    return stored && caseFollowUpRecord(stored.data, input.occurrence);
  }
  if (input.ref.kind === 'order') {
    const stored = await deps.store.getRecord<OrderState>(input.ref);
    return stored && orderFollowUpRecord(stored.data, input.occurrence);
  }
  return undefined;
}

async function progress(deps: FollowUpDeps, input: FollowUpInput): Promise<FollowUpProgress> {
  const made = await deps.store.getAction(followUpKey(input, 'call'));
  const reminded = (await deps.store.getAction(followUpKey(input, 'remind'))) !== undefined;
  if (!made) return { reminded };
  const suppressed = made.result['suppressed'];
  if (suppressed) return { call: { suppressed }, reminded };
  const taskId = made.result['task'] ?? '';
  const task = await deps.crm(input.ref).task(taskId);
  // A task someone deleted counts as done: nobody is left to remind about it.
  return { call: { taskId, status: task?.status ?? 'completed' }, reminded };
}

async function call(deps: FollowUpDeps, action: CallAction): Promise<Record<string, string>> {
  const crm = deps.crm(action.ref);
  if (action.contactId) {
    const contact = await crm.contact(action.contactId);
    const policy = deps.settings.followUp.find((candidate) => candidate.name === action.policy);
    if (contact?.optedOutOfCalls && policy?.skipIfOptedOut !== false)
      return { suppressed: 'the contact opted out of calls' };
    if (action.contactedSince !== undefined) {
      const ref = { crm: action.ref.crm, kind: 'contact', id: action.contactId } as const;
      const claimed = await claimContactCall(deps.store, ref, {
        key: action.key,
        at: action.dueAt,
        since: action.contactedSince,
      });
      if (!claimed) return { suppressed: 'the contact got a follow-up call recently' };
    }
  }
  const task = await crm.createTask({
    actionKey: action.key,
    type: 'call',
    subject: action.subject,
    description: action.description,
    ownerId: action.ownerId,
    priority: 'normal',
    dueAt: action.dueAt,
    relatedTo: action.ref,
    ...(action.contactId ? { contactId: action.contactId } : {}),
  });
  return { task: task.id, owner: action.ownerId };
}

async function remind(deps: FollowUpDeps, action: RemindAction): Promise<Record<string, string>> {
  const crm = deps.crm(action.ref);
  const note = await crm.addNote({ actionKey: `${action.key}:note`, relatedTo: action.ref, body: action.note });
  const result: Record<string, string> = { note: note.id };
  const recipients = await resolveRecipients(action.recipients, {
    settings: deps.settings,
    crm,
    ownerId: action.ownerId,
  });
  for (const [i, to] of recipients.entries()) {
    const sent = await deps.mailer.send({ actionKey: `${action.key}:email:${i + 1}`, to: [to], ...action.email });
    result[`email${i + 1}`] = sent.messageId;
  }
  return result;
}
