import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../../lib/core/config/index.ts';
import { compileSettings } from '../../../../lib/core/config/settings.ts';
import { expediteKeys, planExpedite } from '../../../../lib/core/expedite/plan.ts';
import { applyOrderChange } from '../../../../lib/core/orders/apply-order-change.ts';
import type { OrderSnapshot, OrderState } from '../../../../lib/core/orders/order-state.ts';
import { fromIso, toIso } from '../../../../lib/core/time/instant.ts';

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
  crm: { salesforce: { orgId: '00D000000000001AAA' } },
  targets: {
    fulfilment: { salesforce: '005000000000007AAA', email: 'f@example.com' },
    supervisor: { salesforce: '005000000000009AAA', email: 's@example.com' },
  },
  expedite: [
    {
      name: 'flagged',
      when: { expedite: true },
      calendar: 'fi',
      shipBy: '4h',
      assignTo: 'fulfilment',
      escalateTo: 'supervisor',
      notifyCustomerOnDelay: true,
    },
    { name: 'at-risk', when: { atRisk: true }, calendar: 'fi', checkBefore: '2d', assignTo: 'fulfilment' },
  ],
  followUp: [
    {
      name: 'delivered',
      on: 'order.delivered',
      calendar: 'fi',
      after: '1d',
      assignTo: 'owner',
      fallback: 'supervisor',
    },
  ],
});
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const settings = compileSettings(result.config);
const ref = { crm: 'salesforce', kind: 'order', id: '801000000000001AAA' } as const;
const monday = fromIso('2026-12-07T09:00:00+02:00');
const order = (fields: Partial<OrderSnapshot> = {}, at = monday): OrderSnapshot => ({
  cancelled: false,
  expedite: true,
  promisedAt: '2026-12-09',
  number: '00000101',
  contactId: '003X',
  ownerId: '005000000000001AAA',
  createdAt: monday,
  modifiedAt: at,
  ...fields,
});
const state = (snapshot: OrderSnapshot, previous?: OrderState) => applyOrderChange(ref, previous, snapshot, settings);

describe('planning an order expedite', () => {
  it('asks fulfilment at once for a flagged order, due at the ship-by deadline (promise minus shipBy)', () => {
    const { state: s, startExpedite } = state(order());
    expect(startExpedite).toBe(1);
    const decision = planExpedite(s, 1, settings, { requested: false, delayed: false }, monday);
    if (decision.kind !== 'act' || decision.action.type !== 'request') throw new Error(JSON.stringify(decision));
    // Wed 9 Dec closes 17:00; four open hours earlier: 13:00.
    expect(toIso(decision.action.shipByAt)).toBe(toIso(fromIso('2026-12-09T13:00:00+02:00')));
    expect(decision.action).toMatchObject({
      targetOwnerId: '005000000000007AAA',
      setExpediteFlag: false,
      key: expediteKeys(s).request,
    });
    expect(decision.action.words).toEqual({
      order: 'order 00000101',
      promise: 'Wednesday 9 December 2026',
      shipBy: 'Wednesday 9 December 2026 at 13:00',
      calendar: 'fi',
    });
  });

  it('then waits for the ship-by deadline and handles the delay if it has not shipped', () => {
    const { state: s } = state(order());
    expect(planExpedite(s, 1, settings, { requested: true, delayed: false }, monday)).toEqual({
      kind: 'wait',
      until: toIso(fromIso('2026-12-09T13:00:00+02:00')),
      reason: 'the ship-by deadline',
    });
    const delay = planExpedite(
      s,
      1,
      settings,
      { requested: true, delayed: false },
      fromIso('2026-12-09T13:00:00+02:00'),
    );
    expect(delay.kind === 'act' && delay.action).toMatchObject({
      type: 'delay',
      targetOwnerId: '005000000000009AAA',
      notifyCustomer: true,
      key: expediteKeys(s).delay,
    });
    expect(
      planExpedite(s, 1, settings, { requested: true, delayed: true }, fromIso('2026-12-09T13:00:00+02:00')).kind,
    ).toBe('done');
  });

  it('watches an unflagged promised order from its checkpoint, and asks to set the flag', () => {
    const { state: s } = state(order({ expedite: false, promisedAt: '2026-12-11' }));
    expect(planExpedite(s, 1, settings, { requested: false, delayed: false }, monday)).toEqual({
      kind: 'wait',
      until: toIso(fromIso('2026-12-09T16:00:00+02:00')),
      reason: 'the at-risk checkpoint',
    });
    const decision = planExpedite(
      s,
      1,
      settings,
      { requested: false, delayed: false },
      fromIso('2026-12-09T16:00:00+02:00'),
    );
    expect(decision.kind === 'act' && decision.action.type === 'request' && decision.action.setExpediteFlag).toBe(true);
  });

  it('re-plans when the promise moves, with new keys; ends when shipped or cancelled', () => {
    const first = state(order());
    const moved = state(order({ promisedAt: '2026-12-14' }, monday + 3600_000), first.state);
    expect(moved.startExpedite).toBe(2);
    expect(expediteKeys(moved.state).request).not.toBe(expediteKeys(first.state).request);
    expect(planExpedite(moved.state, 1, settings, { requested: true, delayed: false }, monday)).toEqual({
      kind: 'done',
      reason: 'superseded by plan v2',
    });
    const shipped = state(order({ shippedAt: '2026-12-08' }, monday + 7200_000), moved.state);
    expect(shipped.startExpedite).toBeUndefined();
    expect(
      planExpedite(
        shipped.state,
        shipped.state.expedite.version,
        settings,
        { requested: true, delayed: false },
        monday,
      ),
    ).toEqual({ kind: 'done', reason: 'the order has shipped' });
    const cancelled = state(order({ cancelled: true, status: 'Cancelled' }, monday + 7200_000), moved.state);
    expect(
      planExpedite(
        cancelled.state,
        cancelled.state.expedite.version,
        settings,
        { requested: true, delayed: false },
        monday,
      ),
    ).toEqual({ kind: 'done', reason: 'the order was cancelled' });
  });

  it('starts the follow-up of a delivery, once per delivery', () => {
    const delivered = state(
      order({ shippedAt: '2026-12-08', deliveredAt: '2026-12-09' }, monday + 7200_000),
      state(order()).state,
    );
    expect(delivered.startFollowUp).toBe(1);
    expect(delivered.state.deliveries).toEqual([{ at: monday + 7200_000, ownerId: '005000000000001AAA' }]);
    const again = state(
      order({ shippedAt: '2026-12-08', deliveredAt: '2026-12-09', number: '101' }, monday + 9000_000),
      delivered.state,
    );
    expect(again.state.deliveries).toHaveLength(1);
  });
});
