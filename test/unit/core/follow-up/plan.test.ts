import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../../lib/core/config/index.ts';
import { compileSettings } from '../../../../lib/core/config/settings.ts';
import type { FollowUpInput } from '../../../../lib/core/follow-up/decision.ts';
import { callOwner, planFollowUp } from '../../../../lib/core/follow-up/plan.ts';
import type { FollowUpRecord } from '../../../../lib/core/follow-up/record-facts.ts';
import { fromIso, toIso } from '../../../../lib/core/time/instant.ts';

function settings(policy: Record<string, unknown> = {}) {
  const result = validateConfig({
    calendars: {
      fi: {
        timezone: 'Europe/Helsinki',
        hours: {
          mon: ['08:00-17:00'],
          tue: ['08:00-17:00'],
          wed: ['08:00-17:00'],
          thu: ['08:00-17:00'],
          fri: ['08:00-16:00'],
        },
        holidays: { country: 'FI' },
      },
    },
    crm: { hubspot: { portalId: '1234567' } },
    targets: { supervisor: { hubspot: '109', email: 'supervisor@example.com' } },
    followUp: [
      {
        name: 'after-close',
        on: 'case.closed',
        calendar: 'fi',
        after: '2d',
        at: '10:00',
        assignTo: 'owner',
        fallback: 'supervisor',
        remindAfter: '1d',
        remindTo: 'supervisor',
        ...policy,
      },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return compileSettings(result.config);
}

const ref = { crm: 'hubspot', kind: 'case', id: '9001' } as const;
const input: FollowUpInput = { ref, trigger: 'case.closed', occurrence: 1 };
const closedMonday: FollowUpRecord = {
  ref,
  title: 'case 9001 — Router keeps rebooting',
  occurredAt: fromIso('2026-11-30T11:00:00+02:00'),
  reopened: false,
  ownerAtClose: '101',
  contactId: '501',
};
const at = (iso: string) => fromIso(iso);

describe('planning a follow-up call', () => {
  it('waits until two business days later at 10:00', () => {
    expect(planFollowUp(closedMonday, input, settings(), { reminded: false }, at('2026-11-30T11:00:00+02:00'))).toEqual(
      {
        kind: 'wait',
        until: toIso(at('2026-12-02T10:00:00+02:00')),
        reason: 'the follow-up call is due',
      },
    );
  });

  it('makes a call task for the owner at close, due then, with the contact', () => {
    const decision = planFollowUp(
      closedMonday,
      input,
      settings(),
      { reminded: false },
      at('2026-12-02T10:00:00+02:00'),
    );
    if (decision.kind !== 'act' || decision.action.type !== 'call') throw new Error(JSON.stringify(decision));
    expect(decision.action).toMatchObject({
      key: 'follow-up:hubspot:9001:call:1',
      ownerId: '101',
      contactId: '501',
      subject: 'Follow-up call: case 9001 — Router keeps rebooting',
    });
    expect(toIso(decision.action.dueAt)).toBe(toIso(at('2026-12-02T10:00:00+02:00')));
  });

  it('says when an earlier call stops counting (contactedWithin measured back from the due moment)', () => {
    const decision = planFollowUp(
      closedMonday,
      input,
      settings({ skipIf: { contactedWithin: '14d' } }),
      { reminded: false },
      at('2026-12-02T10:00:00+02:00'),
    );
    // 14 business days before Wed 2 Dec 10:00, skipping two weekends → Thu 12 Nov 10:00.
    expect(
      decision.kind === 'act' && decision.action.type === 'call' && toIso(decision.action.contactedSince ?? 0),
    ).toBe(toIso(at('2026-11-12T10:00:00+02:00')));
  });

  it('suppresses the call of a reopened case, unless the policy says otherwise', () => {
    const reopened = { ...closedMonday, reopened: true };
    expect(planFollowUp(reopened, input, settings(), { reminded: false }, at('2026-11-30T12:00:00+02:00'))).toEqual({
      kind: 'done',
      reason: 'reopened: no follow-up call',
    });
    expect(
      planFollowUp(
        reopened,
        input,
        settings({ skipIf: { reopened: false } }),
        { reminded: false },
        at('2026-11-30T12:00:00+02:00'),
      ).kind,
    ).toBe('wait');
  });

  it('reminds the supervisor a business day after the due moment if the call is still open', () => {
    const open = { call: { taskId: 't1', status: 'open' as const }, reminded: false };
    expect(planFollowUp(closedMonday, input, settings(), open, at('2026-12-02T10:00:00+02:00'))).toMatchObject({
      kind: 'wait',
      until: toIso(at('2026-12-03T10:00:00+02:00')),
    });
    const decision = planFollowUp(closedMonday, input, settings(), open, at('2026-12-03T10:00:00+02:00'));
    expect(decision.kind === 'act' && decision.action.type === 'remind' && decision.action.recipients).toEqual([
      'supervisor',
    ]);
    const completed = { call: { taskId: 't1', status: 'completed' as const }, reminded: false };
    expect(planFollowUp(closedMonday, input, settings(), completed, at('2026-12-03T10:00:00+02:00'))).toEqual({
      kind: 'done',
      reason: 'the call was completed',
    });
  });

  it('ends when the call was suppressed at the due moment', () => {
    expect(
      planFollowUp(
        closedMonday,
        input,
        settings(),
        { call: { suppressed: 'the contact opted out of calls' }, reminded: false },
        at('2026-12-02T10:00:00+02:00'),
      ),
    ).toEqual({ kind: 'done', reason: 'the contact opted out of calls' });
  });

  it('falls back from the owner at close, to the last person, to the fallback target', () => {
    const policy = settings().followUp[0];
    if (!policy) throw new Error('no policy');
    expect(callOwner(closedMonday, policy, settings())).toBe('101');
    const salesforce = { ...closedMonday, ref: { ...ref, crm: 'salesforce' as const } };
    const sfSettings = settings();
    expect(
      callOwner(
        { ...salesforce, ownerAtClose: '00G000000000001AAA', lastUserOwnerId: '005000000000002AAA' },
        policy,
        sfSettings,
      ),
    ).toBe('005000000000002AAA');
    const { ownerAtClose: _, ...nobody } = closedMonday;
    expect(callOwner(nobody, policy, settings())).toBe('109');
    expect(
      planFollowUp(
        nobody,
        input,
        settings({ fallback: undefined }),
        { reminded: false },
        at('2026-12-02T10:00:00+02:00'),
      ),
    ).toMatchObject({ kind: 'done' });
  });
});
