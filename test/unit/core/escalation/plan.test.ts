import { describe, expect, it } from 'vitest';
import { applyCaseChange } from '../../../../lib/core/cases/apply-change.ts';
import type { CaseSnapshot, CaseState } from '../../../../lib/core/cases/case-state.ts';
import { validateConfig } from '../../../../lib/core/config/index.ts';
import { compileSettings } from '../../../../lib/core/config/settings.ts';
import { planEscalation, type EscalationProgress } from '../../../../lib/core/escalation/plan.ts';
import { fromIso, toIso } from '../../../../lib/core/time/instant.ts';

/** The policy of shared/scenarios/sf-escalation-with-pause.yaml, with a warning added where a test asks. */
function settings(extra: Record<string, unknown> = {}) {
  const result = validateConfig({
    calendars: {
      'support-fi': {
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
    crm: { salesforce: { orgId: '00D000000000001AAA' } },
    targets: {
      'senior-reps': { salesforce: '005000000000002AAA' },
      specialists: { salesforce: '005000000000003AAA' },
      supervisor: { salesforce: '005000000000009AAA', email: 'supervisor@example.com' },
      'reps-queue': { salesforce: '00G000000000001AAA' },
    },
    escalation: [
      {
        name: 'high-priority',
        when: { priority: ['urgent', 'high'] },
        calendar: 'support-fi',
        pauseWhile: ['waiting'],
        tiers: [
          { after: '1h', assignTo: 'senior-reps', notify: ['supervisor'] },
          { after: '4h', assignTo: 'specialists' },
          { after: '8h', assignTo: 'supervisor', notify: ['supervisor'] },
        ],
        ...extra,
      },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return compileSettings(result.config);
}

const ref = { crm: 'salesforce', kind: 'case', id: '500000000000001AAA' } as const;
const created = fromIso('2026-12-02T09:00:00+02:00'); // Wednesday
const none: EscalationProgress = { escalated: new Set(), warned: new Set() };

function snapshot(at: string, fields: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    status: 'new',
    priority: 'high',
    ownerId: '005000000000001AAA',
    subject: 'Invoice shows wrong VAT',
    number: '00001001',
    createdAt: created,
    modifiedAt: fromIso(at),
    ...fields,
  };
}

/** Applies changes in order, as the router would, returning the final state and the versions started. */
function story(changes: CaseSnapshot[], config = settings()) {
  let state: CaseState | undefined;
  const started: number[] = [];
  for (const change of changes) {
    const decision = applyCaseChange(ref, state, change, config);
    state = decision.state;
    if (decision.startEscalation && decision.startEscalation !== started.at(-1)) started.push(decision.startEscalation);
  }
  if (!state) throw new Error('no changes');
  return { state, started };
}

const at = (iso: string) => fromIso(iso);

describe('planning escalation on business time', () => {
  it('waits for the first tier one open hour after creation', () => {
    const { state, started } = story([snapshot('2026-12-02T09:00:00+02:00')]);
    expect(started).toEqual([1]);
    const decision = planEscalation(state, 1, settings(), none, created);
    expect(decision).toEqual({ kind: 'wait', until: '2026-12-02T08:00:00.000Z', reason: 'tier 1 (1h)' });
  });

  it('escalates to the senior reps at the first tier, with a task due at the next tier', () => {
    const { state } = story([snapshot('2026-12-02T09:00:00+02:00')]);
    const decision = planEscalation(state, 1, settings(), none, at('2026-12-02T10:00:00+02:00'));
    if (decision.kind !== 'act' || decision.action.type !== 'escalate') throw new Error(JSON.stringify(decision));
    const action = decision.action;
    expect(action.key).toBe('escalation:salesforce:500000000000001AAA:tier1:1');
    expect(action.targetOwnerId).toBe('005000000000002AAA');
    expect(action.notify).toEqual(['supervisor']);
    expect(action.task && toIso(action.task.dueAt)).toBe('2026-12-02T11:00:00.000Z'); // 13:00 Helsinki: tier 2
    expect(action.note).toContain('tier 1 of 3 of the "high-priority" policy');
    expect(action.note).toContain('open 1h of business time on the support-fi calendar');
  });

  it('makes no task when the tier assigns to a queue', () => {
    const config = settings({ tiers: [{ after: '1h', assignTo: 'reps-queue' }] });
    const { state } = story([snapshot('2026-12-02T09:00:00+02:00')], config);
    const decision = planEscalation(state, 1, config, none, at('2026-12-02T10:00:00+02:00'));
    expect(decision.kind === 'act' && decision.action.type === 'escalate' && decision.action.task).toBeUndefined();
  });

  it('pauses while the case waits on the customer and resumes from where it stood', () => {
    const { state, started } = story([
      snapshot('2026-12-02T09:00:00+02:00'),
      snapshot('2026-12-02T11:00:00+02:00', { status: 'waiting' }),
      snapshot('2026-12-03T09:00:00+02:00', { status: 'open' }),
    ]);
    // v1 at creation; v2 (paused) starts nothing; v3 when the clock runs again.
    expect(started).toEqual([1, 3]);
    const escalated: EscalationProgress = { escalated: new Set([1]), warned: new Set() };
    expect(planEscalation(state, 1, settings(), escalated, at('2026-12-03T09:00:00+02:00'))).toEqual({
      kind: 'done',
      reason: 'superseded by plan v3',
    });
    // 2 open hours on Wednesday, 2 more on Thursday morning: tier 2 at 11:00.
    expect(planEscalation(state, 3, settings(), escalated, at('2026-12-03T09:00:00+02:00'))).toEqual({
      kind: 'wait',
      until: '2026-12-03T09:00:00.000Z',
      reason: 'tier 2 (4h)',
    });
  });

  it('stops when paused, and when closed', () => {
    const paused = story([
      snapshot('2026-12-02T09:00:00+02:00'),
      snapshot('2026-12-02T09:30:00+02:00', { status: 'waiting' }),
    ]).state;
    expect(planEscalation(paused, 2, settings(), none, at('2026-12-02T09:30:00+02:00'))).toEqual({
      kind: 'done',
      reason: 'the SLA clock is paused (waiting)',
    });
    const closed = story([
      snapshot('2026-12-02T09:00:00+02:00'),
      snapshot('2026-12-02T09:30:00+02:00', { status: 'closed' }),
    ]);
    expect(closed.started).toEqual([1]);
    expect(
      planEscalation(closed.state, closed.state.escalation.version, settings(), none, at('2026-12-02T09:30:00+02:00')),
    ).toEqual({ kind: 'done', reason: 'the case is closed' });
  });

  it('rolls a Friday afternoon deadline over to Monday', () => {
    const friday = fromIso('2026-12-04T15:30:00+02:00');
    const { state } = story([{ ...snapshot('2026-12-04T15:30:00+02:00'), createdAt: friday }]);
    expect(planEscalation(state, 1, settings(), none, friday)).toMatchObject({
      kind: 'wait',
      until: toIso(fromIso('2026-12-07T08:30:00+02:00')),
    });
  });

  it('skips public holidays: Christmas Day and the weekend after it', () => {
    const eve = fromIso('2026-12-23T16:30:00+02:00'); // Wed; FI public holidays close the 25th, not the 24th.
    const { state } = story([{ ...snapshot('2026-12-23T16:30:00+02:00'), createdAt: eve }]);
    // 30 min on Wed, then Thu 24th is open (not a public holiday in FI), 30 min more → Thu 08:30.
    expect(planEscalation(state, 1, settings(), none, eve)).toMatchObject({
      until: toIso(fromIso('2026-12-24T08:30:00+02:00')),
    });
    const christmas = fromIso('2026-12-24T16:30:00+02:00');
    const late = story([{ ...snapshot('2026-12-24T16:30:00+02:00'), createdAt: christmas }]).state;
    // Thu 24th 16:30–17:00, Fri 25th and Sat 26th closed (holidays/weekend), Mon 28th 08:30.
    expect(planEscalation(late, 1, settings(), none, christmas)).toMatchObject({
      until: toIso(fromIso('2026-12-28T08:30:00+02:00')),
    });
  });

  it('fires tiers a late start has passed one after the other, at once (priority raised later)', () => {
    const { state, started } = story([
      snapshot('2026-12-02T09:00:00+02:00', { priority: 'medium' }),
      snapshot('2026-12-02T14:00:00+02:00', { priority: 'high' }),
    ]);
    expect(started).toEqual([2]);
    const now = at('2026-12-02T14:00:00+02:00');
    const first = planEscalation(state, 2, settings(), none, now);
    expect(first.kind === 'act' && first.action.tier).toBe(1);
    const second = planEscalation(state, 2, settings(), { escalated: new Set([1]), warned: new Set() }, now);
    expect(second.kind === 'act' && second.action.tier).toBe(2);
    const third = planEscalation(state, 2, settings(), { escalated: new Set([1, 2]), warned: new Set() }, now);
    expect(third).toEqual({ kind: 'wait', until: toIso(fromIso('2026-12-02T17:00:00+02:00')), reason: 'tier 3 (8h)' });
  });

  it('ends the plan when the priority drops to one no policy matches', () => {
    const { state, started } = story([
      snapshot('2026-12-02T09:00:00+02:00'),
      snapshot('2026-12-02T09:20:00+02:00', { priority: 'low' }),
    ]);
    expect(started).toEqual([1]);
    expect(state.escalation.version).toBe(2);
    expect(planEscalation(state, 1, settings(), none, at('2026-12-02T10:00:00+02:00'))).toMatchObject({ kind: 'done' });
    expect(planEscalation(state, 2, settings(), none, at('2026-12-02T10:00:00+02:00'))).toEqual({
      kind: 'done',
      reason: 'no escalation policy matches the case',
    });
  });

  it('starts a new cycle when a closed case is reopened, with new action keys', () => {
    const { state, started } = story([
      snapshot('2026-12-02T09:00:00+02:00'),
      snapshot('2026-12-02T09:30:00+02:00', { status: 'closed' }),
      snapshot('2026-12-02T13:00:00+02:00', { status: 'open' }),
    ]);
    expect(started).toEqual([1, 3]);
    expect(planEscalation(state, 3, settings(), none, at('2026-12-02T13:00:00+02:00'))).toEqual({
      kind: 'wait',
      until: toIso(fromIso('2026-12-02T14:00:00+02:00')),
      reason: 'tier 1 (1h)',
    });
    const decision = planEscalation(state, 3, settings(), none, at('2026-12-02T14:00:00+02:00'));
    expect(decision.kind === 'act' && decision.action.key).toBe('escalation:salesforce:500000000000001AAA:tier1:2');
  });

  it('warns the owner warnBefore ahead of each tier', () => {
    const config = settings({ warnBefore: '15m' });
    const { state } = story([snapshot('2026-12-02T09:00:00+02:00')], config);
    expect(planEscalation(state, 1, config, none, created)).toEqual({
      kind: 'wait',
      until: toIso(fromIso('2026-12-02T09:45:00+02:00')),
      reason: 'the warning before tier 1',
    });
    const warn = planEscalation(state, 1, config, none, at('2026-12-02T09:45:00+02:00'));
    if (warn.kind !== 'act' || warn.action.type !== 'warn') throw new Error(JSON.stringify(warn));
    expect(warn.action.key).toBe('escalation:salesforce:500000000000001AAA:warn1:1');
    expect(warn.action.ownerId).toBe('005000000000001AAA');
    expect(warn.action.email.subject).toBe(
      'Escalates at Wed 2 Dec 10:00 (Europe/Helsinki): case 00001001 — Invoice shows wrong VAT',
    );
    const warned = { escalated: new Set<number>(), warned: new Set([1]) };
    expect(planEscalation(state, 1, config, warned, at('2026-12-02T09:45:00+02:00'))).toMatchObject({
      kind: 'wait',
      until: toIso(fromIso('2026-12-02T10:00:00+02:00')),
    });
  });

  it('does not warn about a tier that is already due', () => {
    const config = settings({ warnBefore: '15m' });
    const { state } = story([snapshot('2026-12-02T09:00:00+02:00')], config);
    const decision = planEscalation(state, 1, config, none, at('2026-12-02T10:05:00+02:00'));
    expect(decision.kind === 'act' && decision.action.type).toBe('escalate');
  });

  it('ignores a duplicate or older snapshot, but merges a late status into the history', () => {
    const first = story([
      snapshot('2026-12-02T09:00:00+02:00'),
      snapshot('2026-12-02T12:00:00+02:00', { status: 'open' }),
    ]).state;
    const duplicate = applyCaseChange(
      ref,
      first,
      snapshot('2026-12-02T12:00:00+02:00', { status: 'open' }),
      settings(),
    );
    expect(duplicate.changed).toBe(false);
    // A pause at 10:00 that arrives after the 12:00 change still counts, and moves the plan.
    const late = applyCaseChange(ref, first, snapshot('2026-12-02T10:00:00+02:00', { status: 'waiting' }), settings());
    expect(late.changed).toBe(true);
    expect(late.state.snapshot.status).toBe('open');
    expect(late.state.statusHistory.map((point) => point.status)).toEqual(['new', 'waiting', 'open']);
    expect(late.startEscalation).toBe(first.escalation.version + 1);
  });

  it('takes the later arrival of two changes made in the same millisecond', () => {
    const first = story([snapshot('2026-12-02T09:00:00+02:00')]).state;
    const same = applyCaseChange(
      ref,
      first,
      snapshot('2026-12-02T09:00:00+02:00', { ownerId: '005000000000002AAA' }),
      settings(),
    );
    expect(same.changed).toBe(true);
    expect(same.state.snapshot.ownerId).toBe('005000000000002AAA');
    const again = applyCaseChange(
      ref,
      same.state,
      snapshot('2026-12-02T09:00:00+02:00', { ownerId: '005000000000002AAA' }),
      settings(),
    );
    expect(again.changed).toBe(false);
  });

  it('remembers the last owner who was a person', () => {
    const { state } = story([
      snapshot('2026-12-02T09:00:00+02:00'),
      snapshot('2026-12-02T10:00:00+02:00', { ownerId: '00G000000000001AAA' }),
    ]);
    expect(state.lastUserOwnerId).toBe('005000000000001AAA');
  });
});
