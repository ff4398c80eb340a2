import { afterEach, describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../lib/core/model/crm-event.ts';
import { CrmError } from '../../../lib/core/ports/crm.ts';
import { HubSpotCrm } from '../../../lib/crm/hubspot/index.ts';
import { listen } from '../../../lib/local/emulator/listen.ts';
import {
  SERVICE_UNAVAILABLE,
  rateLimited,
  type FaultHook,
  type FaultResponse,
} from '../../../lib/local/emulator/hubspot/index.ts';
import { MAIJA, adapterFor, startFixture } from './support/portal-fixture.ts';

const ticketRef = (id: string): RecordRef => ({ crm: 'hubspot', kind: 'case', id });

async function failure(call: Promise<unknown>): Promise<CrmError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof CrmError)) throw new Error(`expected a CrmError, got ${String(error)}`);
  return error;
}

/** Every failure becomes a CrmError that says whether a retry can help. */
describe('HubSpotCrm error classification', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });

  async function adapter(faults?: FaultHook, options: Partial<ConstructorParameters<typeof HubSpotCrm>[0]> = {}) {
    const fx = await startFixture(faults ? { faults } : {});
    const crm = adapterFor(fx, options);
    cleanup.push(
      () => fx.close(),
      () => crm.close(),
    );
    return { fx, crm };
  }

  const answers: [string, FaultResponse, string, boolean][] = [
    ['429 ten-secondly', rateLimited('TEN_SECONDLY_ROLLING'), 'RATE_LIMITS', true],
    ['429 daily', rateLimited('DAILY'), 'RATE_LIMITS', true],
    [
      '429 without a category',
      { status: 429, body: { status: 'error', message: 'slow down', errorType: 'RATE_LIMIT', policyName: 'SECONDLY' } },
      'RATE_LIMIT',
      true,
    ],
    ['503', SERVICE_UNAVAILABLE, 'SERVICE_UNAVAILABLE', true],
    ['503 with an empty body (which the client itself cannot parse)', { status: 503, body: '' }, 'HTTP_503', true],
    [
      '502 from a proxy (HTML)',
      { status: 502, body: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } },
      'HTTP_502',
      true,
    ],
    [
      '500',
      { status: 500, body: { status: 'error', message: 'oops', category: 'INTERNAL_ERROR' } },
      'INTERNAL_ERROR',
      true,
    ],
    [
      '403',
      { status: 403, body: { status: 'error', message: 'scopes', category: 'MISSING_SCOPES' } },
      'MISSING_SCOPES',
      false,
    ],
  ];

  for (const [what, answer, code, retryable] of answers) {
    it(`${what} → ${code}, ${retryable ? 'retryable' : 'permanent'}`, async () => {
      let calls = 0;
      const { crm } = await adapter(() => (calls++, answer));
      const error = await failure(crm.readRecord(ticketRef('9001')));
      expect({ code: error.code, retryable: error.retryable }).toEqual({ code, retryable });
      expect(calls).toBe(1); // the client's own retries are off: the workflow owns retries
    });
  }

  it('says which rate limit policy tripped', async () => {
    const { crm } = await adapter(() => rateLimited('TEN_SECONDLY_ROLLING'));
    const error = await failure(crm.owner('101'));
    expect(error.message).toBe(
      'HubSpot answered 429 RATE_LIMITS (TEN_SECONDLY_ROLLING): You have reached your ten_secondly_rolling limit.',
    );
  });

  it('never retries a create itself, even on 5xx (a duplicate risk the workflow handles)', async () => {
    let posts = 0;
    const { fx, crm } = await adapter((request) =>
      request.method === 'POST' && request.path === '/crm/v3/objects/tasks'
        ? (posts++, SERVICE_UNAVAILABLE)
        : undefined,
    );
    fx.emulator.portal.apply({ op: 'create', type: 'tickets', id: '9001', fields: {} });
    const error = await failure(
      crm.createTask({
        actionKey: 'k:1',
        type: 'call',
        subject: 'Call',
        description: '',
        ownerId: '101',
        priority: 'normal',
        dueAt: fx.clock.now(),
        relatedTo: ticketRef('9001'),
      }),
    );
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(posts).toBe(1);
  });

  it('404 is undefined for reads and permanent for writes; 400 and 401 are permanent', async () => {
    const { fx, crm } = await adapter();
    expect(await crm.readRecord(ticketRef('404404'))).toBeUndefined();
    expect(await failure(crm.updateRecord(ticketRef('404404'), { subject: 'x' }))).toMatchObject({
      code: 'OBJECT_NOT_FOUND',
      retryable: false,
    });
    fx.emulator.portal.apply({ op: 'create', type: 'tickets', id: '9001', fields: {} });
    expect(await failure(crm.updateRecord(ticketRef('9001'), { colour: 'red' }))).toMatchObject({
      code: 'VALIDATION_ERROR',
      retryable: false,
    });
    expect(await failure(crm.readRecord({ crm: 'salesforce', kind: 'case', id: '9001' }))).toMatchObject({
      code: 'WRONG_CRM',
      retryable: false,
    });
    const stranger = adapterFor(fx, { accessToken: 'expired' });
    cleanup.push(() => stranger.close());
    expect(await failure(stranger.owner('101'))).toMatchObject({ code: 'INVALID_AUTHENTICATION', retryable: false });
  });

  it('a request that gets no answer in time is a retryable TIMEOUT', async () => {
    const silent = await listen(() => undefined); // accepts, never answers
    cleanup.push(() => silent.close());
    const crm = new HubSpotCrm({ accessToken: 't', basePath: silent.url, timeoutMs: 100 });
    cleanup.push(() => crm.close());
    expect(await failure(crm.owner('101'))).toMatchObject({ code: 'TIMEOUT', retryable: true });
  });

  it('an unreachable HubSpot is a retryable NETWORK_ERROR', async () => {
    const gone = await listen(() => undefined);
    await gone.close();
    const crm = new HubSpotCrm({ accessToken: 't', basePath: gone.url });
    cleanup.push(() => crm.close());
    expect(await failure(crm.contact(MAIJA))).toMatchObject({
      code: 'NETWORK_ERROR',
      retryable: true,
      message: 'HubSpot could not be reached: ECONNREFUSED',
    });
  });
});
