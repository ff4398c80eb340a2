/** A webhooks API batch → CrmEvents: which events crmflow follows, what it reads from them, what it refuses. */
import { describe, expect, it } from 'vitest';
import {
  followedChange,
  foreignPortal,
  readWebhookBatch,
  webhookBatchEvents,
} from '../../../lib/crm/hubspot/webhooks/index.ts';
import { NOW } from './support/edge-harness.ts';
import { OTHER_PORTAL_ID, PORTAL_ID, THREE_EVENTS, hubspotEvent } from './support/hubspot-requests.ts';

const read = (json: unknown) =>
  readWebhookBatch(Buffer.from(typeof json === 'string' ? json : JSON.stringify(json), 'utf8'));

const eventsOf = (json: unknown) => {
  const batch = read(json);
  if (!batch.ok) throw new Error(batch.rejection.message);
  return webhookBatchEvents(batch.value, NOW);
};

describe('a batch', () => {
  it('becomes partial HubSpot events, in order, with ids prefixed and numbers read as strings', () => {
    expect(eventsOf(THREE_EVENTS)).toEqual([
      {
        id: 'hubspot:101',
        crm: 'hubspot',
        kind: 'case',
        recordId: '65059681032',
        change: 'created',
        occurredAt: NOW - 2_000,
        receivedAt: NOW,
        fields: {},
        complete: false,
      },
      expect.objectContaining({
        id: 'hubspot:102',
        kind: 'case',
        change: 'updated',
        fields: { hs_pipeline_stage: '4' },
      }),
      expect.objectContaining({ id: 'hubspot:103', kind: 'order', recordId: '41234567', change: 'created' }),
    ]);
  });

  it("reads HubSpot's own documentation example (a v1-era contact.creation)", () => {
    // The body of "v1 request validation", developers.hubspot.com/docs/faq/v1-request-validation.
    const body =
      '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]';
    expect(eventsOf(body)).toEqual([
      expect.objectContaining({
        id: 'hubspot:1',
        kind: 'contact',
        recordId: '123',
        change: 'created',
        occurredAt: 1564113600000,
      }),
    ]);
  });

  it('accepts ids sent as strings of digits, and keys HubSpot may add', () => {
    const event = hubspotEvent({
      eventId: '7',
      objectId: '42',
      portalId: PORTAL_ID,
      sourceId: 'userId:1',
      isSensitive: false,
    });
    expect(eventsOf([event])).toEqual([expect.objectContaining({ id: 'hubspot:7', recordId: '42' })]);
  });

  it('reads a property change without a value as a cleared property', () => {
    expect(eventsOf([hubspotEvent({ propertyValue: undefined })])[0]?.fields).toEqual({ hs_pipeline_stage: null });
  });

  it('holds 1 to 100 events', () => {
    const hundred = Array.from({ length: 100 }, (_, index) => hubspotEvent({ eventId: index + 1 }));
    expect(eventsOf(hundred)).toHaveLength(100);
  });
});

describe('which events crmflow follows', () => {
  it.each([
    ['ticket.creation', undefined, 'case', 'created'],
    ['ticket.propertyChange', undefined, 'case', 'updated'],
    ['ticket.deletion', undefined, 'case', 'deleted'],
    ['contact.creation', undefined, 'contact', 'created'],
    ['contact.propertyChange', undefined, 'contact', 'updated'],
    ['contact.deletion', undefined, 'contact', 'deleted'],
    ['object.creation', '0-5', 'case', 'created'],
    ['object.propertyChange', '0-27', 'task', 'updated'],
    ['object.deletion', '0-123', 'order', 'deleted'],
    ['object.propertyChange', '0-1', 'contact', 'updated'],
  ])('%s (%s) is a %s %s', (subscriptionType, objectTypeId, kind, change) => {
    expect(followedChange(subscriptionType, objectTypeId)).toEqual({ kind, change });
  });

  it.each([
    ['deal.creation', undefined],
    ['company.propertyChange', undefined],
    ['object.creation', '0-3'],
    ['object.creation', '2-1234567'],
    ['object.creation', undefined],
    ['ticket.merge', undefined],
    ['contact.restore', undefined],
    ['contact.associationChange', undefined],
    ['contact.privacyDeletion', undefined],
    ['ticket.creation.extra', undefined],
    ['ticket', undefined],
    ['constructor.creation', undefined],
    ['ticket.constructor', undefined],
    ['object.creation', 'toString'],
  ])('skips %s (%s)', (subscriptionType, objectTypeId) => {
    expect(followedChange(subscriptionType, objectTypeId)).toBeUndefined();
  });

  it('skips the events it does not follow, keeping the others of the batch', () => {
    const batch = [
      hubspotEvent({ eventId: 1, subscriptionType: 'deal.propertyChange', propertyName: 'amount' }),
      hubspotEvent({ eventId: 2 }),
    ];
    expect(eventsOf(batch).map((event) => event.id)).toEqual(['hubspot:2']);
  });
});

describe('the portal', () => {
  it('is foreign when any event names another portal', () => {
    const batch = read([hubspotEvent(), hubspotEvent({ eventId: 2, portalId: Number(OTHER_PORTAL_ID) })]);
    expect(batch.ok && foreignPortal(batch.value, PORTAL_ID)).toBe(OTHER_PORTAL_ID);
  });

  it('is ours when every event names it, as a number or as digits', () => {
    const batch = read([hubspotEvent(), hubspotEvent({ eventId: 2, portalId: PORTAL_ID })]);
    expect(batch.ok && foreignPortal(batch.value, PORTAL_ID)).toBeUndefined();
  });
});

describe('what is refused', () => {
  it.each(['', '[', '[{"eventId": 1,]', 'null x', '\u0000'])('%j is malformed JSON', (json) => {
    const result = read(json);
    expect(result.ok || result.rejection.code).toBe('malformed_json');
  });

  it('calls bytes that are not UTF-8 malformed JSON', () => {
    const result = readWebhookBatch(Buffer.from([0x5b, 0xff, 0x5d]));
    expect(result.ok || result.rejection.code).toBe('malformed_json');
  });

  it.each([
    ['an object instead of the array', { events: [hubspotEvent()] }, /expected a JSON array/],
    ['an empty batch', [], /at least one event/],
    ['101 events', Array.from({ length: 101 }, () => hubspotEvent()), /at most 100/],
    ['an event that is not an object', [hubspotEvent(), 'ticket.creation'], /\[1\]/],
    ['an event without eventId', [{ ...hubspotEvent(), eventId: undefined }], /\[0\]\.eventId/],
    ['an eventId past 2^53', [hubspotEvent({ eventId: 2 ** 53 })], /\[0\]\.eventId/],
    ['a negative objectId', [hubspotEvent({ objectId: -1 })], /\[0\]\.objectId/],
    ['an objectId that is not digits', [hubspotEvent({ objectId: '12a' })], /\[0\]\.objectId/],
    ['occurredAt as a date string', [hubspotEvent({ occurredAt: '2026-12-02T07:00:00Z' })], /\[0\]\.occurredAt/],
    ['a property name that is not one', [hubspotEvent({ propertyName: '__proto__' })], /propertyName/],
    ['a nested property value', [hubspotEvent({ propertyValue: { value: '4' } })], /propertyValue/],
    ['a malformed objectTypeId', [hubspotEvent({ objectTypeId: 'tickets' })], /objectTypeId/],
    ['an empty subscriptionType', [hubspotEvent({ subscriptionType: '' })], /subscriptionType/],
  ])('refuses %s as an invalid payload', (_what, json, message) => {
    const result = read(json);
    expect(result.ok || result.rejection).toMatchObject({
      code: 'invalid_payload',
      message: expect.stringMatching(message),
    });
  });

  it('never quotes payload values in its messages', () => {
    const result = read([
      hubspotEvent({ objectId: 'jane.doe@example.com', propertyValue: { secret: 'private-value' } }),
    ]);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/jane\.doe|private-value/);
  });
});
