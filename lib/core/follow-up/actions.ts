/** The follow-up call task and the reminder, in words an agent and a supervisor read (DESIGN §6b). */
import { DateTime } from 'luxon';
import type { FollowUpPolicy, Settings } from '../config/settings.ts';
import type { Instant } from '../time/instant.ts';
import type { CallAction, FollowUpInput, RemindAction } from './decision.ts';
import type { FollowUpRecord } from './record-facts.ts';

interface Context {
  readonly record: FollowUpRecord;
  readonly input: FollowUpInput;
  readonly policy: FollowUpPolicy;
  readonly dueAt: Instant;
}

export function followUpKey(input: FollowUpInput, step: 'call' | 'remind'): string {
  return `follow-up:${input.ref.crm}:${input.ref.id}:${step}:${input.occurrence}`;
}

export function callAction({
  record,
  input,
  policy,
  dueAt,
  ownerId,
}: Context & { readonly ownerId: string }): CallAction {
  const what = input.trigger === 'case.closed' ? 'closed' : 'delivered';
  const when = local(record.occurredAt ?? dueAt, policy.calendar.zone);
  return {
    type: 'call',
    key: followUpKey(input, 'call'),
    ref: record.ref,
    policy: policy.name,
    ownerId,
    dueAt,
    subject: `Follow-up call: ${record.title}`,
    description:
      `Please call the customer about ${record.title}, ${what} ${when}: check that all is well and ` +
      `whether anything is still open. Planned by crmflow's "${policy.name}" policy.`,
    ...(record.contactId ? { contactId: record.contactId } : {}),
    ...(policy.contactedWithin ? { contactedSince: policy.calendar.subtract(dueAt, policy.contactedWithin) } : {}),
  };
}

export function remindAction({
  record,
  input,
  policy,
  settings,
  taskId,
  ownerId,
  dueAt,
}: Context & { readonly settings: Settings; readonly taskId: string; readonly ownerId: string }): RemindAction {
  const to = policy.remindTo ? [policy.remindTo] : [];
  const due = local(dueAt, policy.calendar.zone);
  const text =
    `The follow-up call about ${record.title} was due ${due} and is still open. ` +
    `crmflow's "${policy.name}" policy reminds you after ${describe(policy)}.`;
  return {
    type: 'remind',
    key: followUpKey(input, 'remind'),
    ref: record.ref,
    policy: policy.name,
    taskId,
    recipients: to.filter((name) => name === 'owner' || settings.targets[name]?.email || name.includes('@')),
    ownerId,
    note: `Reminder sent: ${text}`,
    email: { subject: `Follow-up call still open: ${record.title}`, text: `${text}\n\nTask: ${taskId}\n` },
  };
}

function describe(policy: FollowUpPolicy): string {
  const days = policy.remindAfter?.days ?? 0;
  const hours = Math.round((policy.remindAfter?.openMs ?? 0) / 3_600_000);
  return [
    days ? `${days} business day${days === 1 ? '' : 's'}` : '',
    hours ? `${hours} open hour${hours === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

function local(at: Instant, zone: string): string {
  return `on ${DateTime.fromMillis(at, { zone }).toFormat("ccc d LLL 'at' HH:mm")} (${zone})`;
}
