/**
 * The expedite workflow's steps (workflows/expedite.asl.json): Plan reads the order and the ledger
 * and decides; Act asks fulfilment to expedite, or handles a missed ship-by deadline — each part
 * idempotent, then recorded in the ledger.
 */
import type { Settings } from '../config/settings.ts';
import type { CrmName } from '../model/canonical.ts';
import type { RecordRef } from '../model/crm-event.ts';
import type { OrderState } from '../orders/order-state.ts';
import type { Clock } from '../ports/clock.ts';
import type { CrmPort } from '../ports/crm.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { Store } from '../ports/store.ts';
import type { EmailTemplates } from '../ports/templates.ts';
import type { DelayAction, ExpediteAction, ExpediteDecision, ExpediteInput, RequestAction } from './decision.ts';
import { expediteKeys, planExpedite } from './plan.ts';

export interface ExpediteDeps {
  readonly settings: Settings;
  readonly store: Store;
  readonly clock: Clock;
  readonly crm: (ref: RecordRef) => CrmPort;
  readonly mailer: Mailer;
  readonly templates: EmailTemplates;
  /** The native field of the order's expedite flag in each CRM (config mapping). */
  readonly expediteField: (crm: CrmName) => string;
}

export async function expeditePlanStep(deps: ExpediteDeps, input: ExpediteInput): Promise<ExpediteDecision> {
  const stored = await deps.store.getRecord<OrderState>(input.ref);
  if (!stored) return { kind: 'done', reason: 'the order is not known' };
  const keys = expediteKeys(stored.data);
  const progress = {
    requested: (await deps.store.getAction(keys.request)) !== undefined,
    delayed: (await deps.store.getAction(keys.delay)) !== undefined,
  };
  return planExpedite(stored.data, input.version, deps.settings, progress, deps.clock.now());
}

export async function expediteActStep(deps: ExpediteDeps, action: ExpediteAction): Promise<void> {
  if (await deps.store.getAction(action.key)) return;
  const result = action.type === 'request' ? await request(deps, action) : await delay(deps, action);
  const at = deps.clock.now();
  await deps.store.recordAction({ key: action.key, ref: action.ref, result, at });
  const summary =
    action.type === 'request'
      ? `expedite requested from ${action.target}`
      : `not shipped by its deadline: delay handled`;
  await deps.store.appendAudit(action.ref, {
    at,
    type: 'action',
    summary,
    detail: { key: action.key, workflow: 'expedite', action: action.type, ...result },
  });
}

async function request(deps: ExpediteDeps, action: RequestAction): Promise<Record<string, string>> {
  const crm = deps.crm(action.ref);
  const customer = action.contactId ? await crm.contact(action.contactId) : undefined;
  const { order, promise, shipBy } = action.words;
  const task = await crm.createTask({
    actionKey: `${action.key}:task`,
    type: 'todo',
    subject: `Expedite ${order}${promise ? `, promised for ${promise}` : ''}`,
    description: `Please ship ${order}${customer ? ` for ${customer.name}` : ''} by ${shipBy}. Planned by crmflow's "${action.policy}" policy.`,
    ownerId: action.targetOwnerId,
    priority: 'high',
    dueAt: action.shipByAt,
    relatedTo: action.ref,
    ...(action.contactId ? { contactId: action.contactId } : {}),
  });
  const result: Record<string, string> = { task: task.id };
  const address = deps.settings.targets[action.target]?.email;
  if (address) {
    const data = {
      ...action.words,
      customer: customer?.name ?? 'the customer',
      reason: action.setExpediteFlag ? 'at risk of missing its promised date' : 'flagged for expediting',
      policy: action.policy,
    };
    const sent = await deps.mailer.send({
      actionKey: `${action.key}:email`,
      to: [address],
      ...deps.templates.render('expedite-request', data),
    });
    result['email'] = sent.messageId;
  }
  const note = await crm.addNote({
    actionKey: `${action.key}:note`,
    relatedTo: action.ref,
    body: `crmflow asked ${action.target} to expedite ${order}: ship by ${shipBy}${promise ? ` (promised for ${promise})` : ''}.`,
  });
  result['note'] = note.id;
  if (action.setExpediteFlag) {
    await crm.updateRecord(action.ref, { [deps.expediteField(action.ref.crm)]: true });
    result['flag'] = 'set';
  }
  return result;
}

async function delay(deps: ExpediteDeps, action: DelayAction): Promise<Record<string, string>> {
  const crm = deps.crm(action.ref);
  const customer = action.contactId ? await crm.contact(action.contactId) : undefined;
  const { order, promise, shipBy } = action.words;
  const result: Record<string, string> = {};
  const notifyCustomer = action.notifyCustomer && customer?.email !== undefined;
  if (action.targetOwnerId) {
    const task = await crm.createTask({
      actionKey: `${action.key}:task`,
      type: 'todo',
      subject: `Not shipped by its deadline: ${order}`,
      description: `${order} was due to ship by ${shipBy} and has not shipped${promise ? `; it was promised for ${promise}` : ''}. ${notifyCustomer ? 'The customer has been sent a delay notice.' : 'The customer has not been told yet.'}`,
      ownerId: action.targetOwnerId,
      priority: 'high',
      dueAt: deps.clock.now(),
      relatedTo: action.ref,
      ...(action.contactId ? { contactId: action.contactId } : {}),
    });
    result['task'] = task.id;
  }
  const address = action.target ? deps.settings.targets[action.target]?.email : undefined;
  const data = {
    ...action.words,
    customer: customer?.name ?? 'the customer',
    customerFirstName: firstName(customer?.name),
    customerNotified: notifyCustomer,
    policy: action.policy,
  };
  if (address) {
    const sent = await deps.mailer.send({
      actionKey: `${action.key}:email`,
      to: [address],
      ...deps.templates.render('delay-escalation', data),
    });
    result['email'] = sent.messageId;
  }
  if (notifyCustomer && customer?.email) {
    const sent = await deps.mailer.send({
      actionKey: `${action.key}:customer`,
      to: [customer.email],
      ...deps.templates.render('delay-notice', data),
    });
    result['customer'] = sent.messageId;
  }
  const note = await crm.addNote({
    actionKey: `${action.key}:note`,
    relatedTo: action.ref,
    body: `${order} was not shipped by its deadline (${shipBy}).${notifyCustomer ? ' crmflow sent the customer a delay notice.' : ''}`,
  });
  result['note'] = note.id;
  return result;
}

function firstName(name: string | undefined): string {
  return name?.split(/\s+/)[0] || 'customer';
}
