/**
 * What escalating and warning do, worked out in full (DESIGN §6b): owner, note, task and e-mail
 * texts. The step that carries them out only talks to the CRM and the mailer.
 */
import { DateTime } from 'luxon';
import type { EscalationPolicy, EscalationTier, Settings } from '../config/settings.ts';
import type { CaseState } from '../cases/case-state.ts';
import { isUserId } from '../model/owners.ts';
import { describeCase } from '../cases/describe.ts';
import { formatDuration, HOUR_MS } from '../time/duration.ts';
import type { Instant } from '../time/instant.ts';
import { slaElapsed } from '../time/sla-clock.ts';
import { tierDueAt } from '../time/moments.ts';
import type { EscalateAction, WarnAction } from './decision.ts';

interface ActionContext {
  readonly state: CaseState;
  readonly policy: EscalationPolicy;
  readonly tier: EscalationTier;
  readonly cycle: number;
}

export function actionKey(state: CaseState, step: string, cycle: number): string {
  return `escalation:${state.ref.crm}:${state.ref.id}:${step}:${cycle}`;
}

export function escalateAction({
  state,
  policy,
  tier,
  cycle,
  settings,
  now,
}: ActionContext & { readonly settings: Settings; readonly now: Instant }): EscalateAction {
  const { ref, snapshot } = state;
  const targetOwnerId = settings.targets[tier.assignTo]?.[ref.crm];
  if (!targetOwnerId) {
    throw new Error(`target "${tier.assignTo}" has no ${ref.crm} id (validate the config)`);
  }
  const calendar = policy.calendar;
  const elapsed = slaElapsed(state.statusHistory, policy.pauseWhile, calendar, now);
  const next = policy.tiers[tier.number];
  const clock = { calendar, changes: state.statusHistory, pauseWhile: policy.pauseWhile, now };
  const nextDue = next ? tierDueAt(clock, next.after) : undefined;
  const dueAt = nextDue !== undefined && nextDue > now ? nextDue : calendar.addOpenTime(now, HOUR_MS);
  const what = describeCase(state);
  const paused = policy.pauseWhile.length ? ` Time spent ${policy.pauseWhile.join(' or ')} is not counted.` : '';
  const note =
    `Escalated to ${tier.assignTo} by crmflow: tier ${tier.number} of ${policy.tiers.length} of the ` +
    `"${policy.name}" policy. The case has been open ${words(elapsed)} of business time on the ` +
    `${calendar.name} calendar without being resolved (this tier is due after ${tier.afterText}).${paused}`;
  const targetIsUser = isUserId(ref.crm, targetOwnerId);
  return {
    type: 'escalate',
    key: actionKey(state, `tier${tier.number}`, cycle),
    ref,
    policy: policy.name,
    tier: tier.number,
    tierCount: policy.tiers.length,
    target: tier.assignTo,
    targetOwnerId,
    targetIsUser,
    ...(snapshot.ownerId ? { previousOwnerId: snapshot.ownerId } : {}),
    note,
    ...(targetIsUser
      ? {
          task: {
            subject: `Escalated: ${what}`,
            description:
              `${note}\n\nPlease pick this case up. ` +
              (next
                ? `The next tier (${next.assignTo}) is due ${when(dueAt, calendar.zone)}.`
                : `Due ${when(dueAt, calendar.zone)}.`),
            dueAt,
            ...(snapshot.contactId ? { contactId: snapshot.contactId } : {}),
          },
        }
      : {}),
    notify: tier.notify,
    email: {
      subject: `Escalated to ${tier.assignTo}: ${what}`,
      text:
        `${note}\n\nCase: ${what}\nPriority: ${snapshot.priority ?? 'none'}\nStatus: ${snapshot.status}\n` +
        `Now owned by: ${tier.assignTo}\n`,
    },
  };
}

export function warnAction({
  state,
  policy,
  tier,
  cycle,
  dueAt,
}: ActionContext & { readonly dueAt: Instant }): WarnAction {
  const what = describeCase(state);
  const at = when(dueAt, policy.calendar.zone);
  return {
    type: 'warn',
    key: actionKey(state, `warn${tier.number}`, cycle),
    ref: state.ref,
    policy: policy.name,
    tier: tier.number,
    dueAt,
    ...(state.snapshot.ownerId ? { ownerId: state.snapshot.ownerId } : {}),
    email: {
      subject: `Escalates ${at}: ${what}`,
      text:
        `Heads-up from crmflow: unless it is resolved first, this case escalates to ${tier.assignTo} ` +
        `(tier ${tier.number} of the "${policy.name}" policy) ${at}.\n\nCase: ${what}\n`,
    },
  };
}

/** `4h`, `1h 30m`: open time in words people read at a glance. */
function words(ms: number): string {
  return formatDuration({ days: 0, openMs: Math.round(ms / 60_000) * 60_000 }).replace(/(\d)([hm])(?=\d)/g, '$1$2 ');
}

function when(at: Instant, zone: string): string {
  return `at ${DateTime.fromMillis(at, { zone }).toFormat('ccc d LLL HH:mm')} (${zone})`;
}
