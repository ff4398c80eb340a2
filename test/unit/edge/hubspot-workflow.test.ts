/** A workflow "Send a webhook" action: how it is authenticated, and the one CrmEvent its body becomes. */
import { describe, expect, it } from 'vitest';
import { fromIso } from '../../../lib/core/time/instant.ts';
import {
  authenticateWorkflow,
  canAuthenticateWorkflows,
  readWorkflowPayload,
  type HubSpotSignedRequest,
  type WorkflowAuthOptions,
} from '../../../lib/crm/hubspot/webhooks/index.ts';
import { NOW } from './support/edge-harness.ts';
import { API_KEY, CLIENT_SECRET, HOST, TICKETS_PATH, TICKET_PROPERTIES, v3 } from './support/hubspot-requests.ts';

const read = (body: unknown, deliveredAt = NOW - 1_000, kind: 'case' | 'order' = 'case') =>
  readWorkflowPayload(Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8'), {
    kind,
    receivedAt: NOW,
    deliveredAt,
  });

const eventOf = (body: unknown, deliveredAt?: number) => {
  const result = read(body, deliveredAt);
  if (!result.ok) throw new Error(result.rejection.message);
  return result.value.event;
};

describe('the body', () => {
  it('becomes one partial event of the route’s kind, timed by the record’s modification', () => {
    const event = eventOf(TICKET_PROPERTIES);
    expect(event).toEqual({
      id: expect.stringMatching(/^hubspot:workflow:65059681032:[0-9a-f]{64}$/),
      crm: 'hubspot',
      kind: 'case',
      recordId: '65059681032',
      change: 'updated',
      occurredAt: fromIso('2026-12-02T06:59:58.000Z'),
      receivedAt: NOW,
      fields: {
        hs_object_id: '65059681032',
        subject: 'Parcel arrived damaged',
        hs_pipeline_stage: '1',
        hs_ticket_priority: 'HIGH',
        hubspot_owner_id: '109',
        hs_lastmodifieddate: '2026-12-02T06:59:58.000Z',
      },
      complete: false,
    });
  });

  it('takes the record id from objectId, keeping it out of the fields', () => {
    const event = eventOf({ objectId: 41234567, hs_order_status: 'shipped' });
    expect(event).toMatchObject({ recordId: '41234567', fields: { hs_order_status: 'shipped' } });
  });

  it('gives the same id to a retried delivery of the same body, whenever it is delivered', () => {
    expect(eventOf(TICKET_PROPERTIES, NOW - 1_000).id).toBe(eventOf(TICKET_PROPERTIES, NOW - 3_600_000).id);
  });

  it('gives different ids to different bodies, and to the same body of another kind', () => {
    const changed = TICKET_PROPERTIES.replace('"1"', '"4"');
    expect(eventOf(changed).id).not.toBe(eventOf(TICKET_PROPERTIES).id);
    const asOrder = read(TICKET_PROPERTIES, NOW, 'order');
    expect(asOrder.ok && asOrder.value.event.id).not.toBe(eventOf(TICKET_PROPERTIES).id);
  });

  it('without a modification time, tells deliveries apart by when they were made, and is timed by that', () => {
    const body = { hs_object_id: '42', hs_pipeline_stage: '4' };
    expect(eventOf(body, NOW - 1_000).id).not.toBe(eventOf(body, NOW - 2_000).id);
    expect(eventOf(body, NOW - 1_000).occurredAt).toBe(NOW - 1_000);
  });

  it.each([
    ['unix milliseconds', { hs_lastmodifieddate: 1796194798000 }, 1796194798000],
    ['unix milliseconds as text', { hs_lastmodifieddate: '1796194798000' }, 1796194798000],
    ['ISO-8601 with an offset', { hs_lastmodifieddate: '2026-12-02T08:59:58+02:00' }, fromIso('2026-12-02T06:59:58Z')],
    ['a contact’s lastmodifieddate', { lastmodifieddate: '1796194798000' }, 1796194798000],
  ])('reads the modification time from %s', (_what, properties, expected) => {
    expect(eventOf({ hs_object_id: '42', ...properties }).occurredAt).toBe(expected);
  });

  it('falls back to the delivery time when the modification time is not a time', () => {
    expect(eventOf({ hs_object_id: '42', hs_lastmodifieddate: 'yesterday' }, NOW - 5).occurredAt).toBe(NOW - 5);
  });

  it('keeps plain values under property names, and leaves out the rest', () => {
    // As text: an object literal's `__proto__` would set a prototype, JSON's is a plain key.
    const event = eventOf(
      '{"hs_object_id":"42","amount":129.5,"expedite":true,"hs_closed_date":null,' +
        '"associations":{"contacts":[1]},"tags":["a"],"Ticket name":"x","__proto__":"y","constructor":{"a":1}}',
    );
    expect(event.fields).toEqual({ hs_object_id: '42', amount: 129.5, expedite: true, hs_closed_date: null });
  });

  it('hands back the portal it names, for the edge to check', () => {
    const result = read({ hs_object_id: '42', portalId: 62515 });
    expect(result.ok && result.value.portalId).toBe('62515');
    expect(result.ok && 'portalId' in result.value.event.fields).toBe(false);
  });

  it.each([
    ['a list', [{ hs_object_id: '42' }], /expected a JSON object/],
    ['no record id', { subject: 'x' }, /objectId or hs_object_id/],
    ['a record id that is not one', { hs_object_id: 'abc' }, /hs_object_id/],
    ['two different record ids', { objectId: 1, hs_object_id: '2' }, /different records/],
    ['a portal id that is not one', { hs_object_id: '42', portalId: 'acme' }, /portalId/],
  ])('refuses %s as an invalid payload', (_what, body, message) => {
    const result = read(body);
    expect(result.ok || result.rejection).toMatchObject({
      code: 'invalid_payload',
      message: expect.stringMatching(message),
    });
  });

  it('calls what is not JSON malformed', () => {
    const result = read('{"hs_object_id": ');
    expect(result.ok || result.rejection.code).toBe('malformed_json');
  });
});

const BODY = Buffer.from(TICKET_PROPERTIES, 'utf8');
const URI = `https://${HOST}${TICKETS_PATH}`;

function request(headers: Record<string, string>): HubSpotSignedRequest {
  return { method: 'POST', uri: URI, headers, rawBody: BODY };
}

const signedHeaders = (secret = CLIENT_SECRET) => ({
  'x-hubspot-request-timestamp': String(NOW),
  'x-hubspot-signature-v3': v3(secret, 'POST', URI, BODY, String(NOW)),
});

const apiKeyHeaders = (value: string = API_KEY.value) => ({ 'x-crmflow-key': value });

const authOf = (headers: Record<string, string>, options: Partial<WorkflowAuthOptions> = {}) => {
  const result = authenticateWorkflow(request(headers), {
    clientSecret: CLIENT_SECRET,
    apiKey: API_KEY,
    now: NOW,
    ...options,
  });
  return result.ok ? result.value.method : result.rejection.code;
};

describe('authenticating a workflow action', () => {
  it('accepts a v3 signature made with the client secret', () => {
    expect(authOf(signedHeaders())).toBe('signature');
  });

  it('accepts the API key in the header the admin named, whatever its case', () => {
    expect(authOf(apiKeyHeaders())).toBe('api_key');
    expect(authOf(apiKeyHeaders(), { apiKey: { header: 'x-CRMFLOW-key', value: API_KEY.value } })).toBe('api_key');
  });

  it('refuses a wrong, short or longer API key', () => {
    for (const value of [`${API_KEY.value.slice(0, -1)}X`, 'k', `${API_KEY.value}x`]) {
      expect(authOf(apiKeyHeaders(value))).toBe('bad_api_key');
    }
  });

  it('refuses a wrong signature, even beside the right API key', () => {
    expect(authOf({ ...signedHeaders('guess-guess-guess-guess-guess-guess'), ...apiKeyHeaders() })).toBe(
      'bad_signature',
    );
  });

  it('judges the API key when the deployment has no client secret to check a signature with', () => {
    expect(authOf({ ...signedHeaders(), ...apiKeyHeaders() }, { clientSecret: undefined })).toBe('api_key');
    expect(authOf(signedHeaders(), { clientSecret: undefined })).toBe('missing_signature');
  });

  it('refuses a request carrying neither, saying what to send', () => {
    const result = authenticateWorkflow(request({}), { clientSecret: CLIENT_SECRET, apiKey: API_KEY, now: NOW });
    expect(result.ok || result.rejection).toEqual({
      code: 'missing_signature',
      message:
        'send X-HubSpot-Signature-v3 with X-HubSpot-Request-Timestamp, or the API key header set up for workflow webhooks',
    });
  });

  it('ignores an API key configured too short or under a header name HTTP cannot carry', () => {
    expect(authOf(apiKeyHeaders('short-key'), { apiKey: { header: API_KEY.header, value: 'short-key' } })).toBe(
      'missing_signature',
    );
    expect(canAuthenticateWorkflows({ apiKey: { header: 'X Key', value: API_KEY.value } })).toBe(false);
    expect(canAuthenticateWorkflows({ clientSecret: 'too-short' })).toBe(false);
    expect(canAuthenticateWorkflows({ apiKey: API_KEY })).toBe(true);
    expect(canAuthenticateWorkflows({ clientSecret: CLIENT_SECRET })).toBe(true);
  });
});
