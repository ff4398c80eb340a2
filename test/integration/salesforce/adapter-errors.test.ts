import { afterEach, describe, expect, it } from 'vitest';
import type { RecordRef } from '../../../lib/core/model/crm-event.ts';
import { CrmError } from '../../../lib/core/ports/crm.ts';
import { SalesforceCrm } from '../../../lib/crm/salesforce/index.ts';
import { listen } from '../../../lib/local/emulator/listen.ts';
import type { FaultHook, FaultResponse } from '../../../lib/local/emulator/salesforce/index.ts';
import { adapterFor, startFixture, type Fixture } from './support/org-fixture.ts';

const caseRef = (id: string): RecordRef => ({ crm: 'salesforce', kind: 'case', id });

async function failure(call: Promise<unknown>): Promise<CrmError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof CrmError)) throw new Error(`expected a CrmError, got ${String(error)}`);
  return error;
}

/** Every failure becomes a CrmError that says whether a retry can help. */
describe('SalesforceCrm error classification', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0)) await close();
  });

  async function org(faults?: FaultHook): Promise<Fixture> {
    const fx = await startFixture(faults ? { faults } : {});
    cleanup.push(() => fx.close());
    return fx;
  }

  const answers: [string, FaultResponse, string, boolean][] = [
    [
      '503 SERVER_UNAVAILABLE',
      { status: 503, body: [{ message: 'down', errorCode: 'SERVER_UNAVAILABLE' }] },
      'SERVER_UNAVAILABLE',
      true,
    ],
    ['503 with no body', { status: 503, body: '' }, 'HTTP_503', true],
    ['500', { status: 500, body: [{ message: 'oops', errorCode: 'UNKNOWN_EXCEPTION' }] }, 'UNKNOWN_EXCEPTION', true],
    [
      '502 from a proxy',
      { status: 502, body: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } },
      'HTTP_502',
      true,
    ],
    ['504', { status: 504, body: '' }, 'HTTP_504', true],
    [
      '429',
      { status: 429, body: [{ message: 'slow down', errorCode: 'TOO_MANY_REQUESTS' }] },
      'TOO_MANY_REQUESTS',
      true,
    ],
    [
      '403 REQUEST_LIMIT_EXCEEDED',
      { status: 403, body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }] },
      'REQUEST_LIMIT_EXCEEDED',
      true,
    ],
    [
      '400 UNABLE_TO_LOCK_ROW',
      { status: 400, body: [{ message: 'unable to obtain exclusive access', errorCode: 'UNABLE_TO_LOCK_ROW' }] },
      'UNABLE_TO_LOCK_ROW',
      true,
    ],
    [
      '403 INSUFFICIENT_ACCESS',
      { status: 403, body: [{ message: 'no', errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' }] },
      'INSUFFICIENT_ACCESS_OR_READONLY',
      false,
    ],
  ];

  for (const [what, answer, code, retryable] of answers) {
    it(`${what} → ${code}, ${retryable ? 'retryable' : 'permanent'}`, async () => {
      let calls = 0;
      const fx = await org(() => (calls++, answer));
      const error = await failure(adapterFor(fx).readRecord(caseRef('500000000000001AAA')));
      expect({ code: error.code, retryable: error.retryable }).toEqual({ code, retryable });
      expect(calls).toBe(1); // jsforce's own GET retries are off: the workflow owns retries
    });
  }

  it('404 NOT_FOUND and INVALID_FIELD are permanent', async () => {
    const fx = await org();
    const crm = adapterFor(fx);
    expect(await failure(crm.updateRecord(caseRef('500000000000099AAA'), { Subject: 'x' }))).toMatchObject({
      code: 'NOT_FOUND',
      retryable: false,
    });
    const caseId = fx.emulator.org.apply({ op: 'create', type: 'Case', fields: {} }).Id as string;
    expect(await failure(crm.updateRecord(caseRef(caseId), { Colour: 'red' }))).toMatchObject({
      code: 'INVALID_FIELD',
      retryable: false,
    });
    expect(await failure(crm.readRecord({ crm: 'hubspot', kind: 'case', id: '1' }))).toMatchObject({
      code: 'WRONG_CRM',
      retryable: false,
    });
  });

  it('a request that gets no answer in time is a retryable TIMEOUT', async () => {
    const silent = await listen(() => undefined); // accepts, never answers
    cleanup.push(() => silent.close());
    const crm = new SalesforceCrm({ instanceUrl: silent.url, accessToken: 't', timeoutMs: 100 });
    expect(await failure(crm.owner('005000000000001AAA'))).toMatchObject({ code: 'TIMEOUT', retryable: true });
  });

  it('an unreachable org is a retryable NETWORK_ERROR', async () => {
    const gone = await listen(() => undefined);
    await gone.close();
    const crm = new SalesforceCrm({ instanceUrl: gone.url, accessToken: 't' });
    expect(await failure(crm.contact('003000000000001AAA'))).toMatchObject({ code: 'NETWORK_ERROR', retryable: true });
  });

  describe('401', () => {
    it('without a refresh is a permanent INVALID_SESSION_ID', async () => {
      const fx = await org();
      const crm = adapterFor(fx, { accessToken: 'expired' });
      expect(await failure(crm.owner('005000000000001AAA'))).toMatchObject({
        code: 'INVALID_SESSION_ID',
        retryable: false,
      });
    });

    it('refreshes the session once and carries on', async () => {
      const fx = await org();
      let refreshes = 0;
      const crm = adapterFor(fx, {
        accessToken: 'expired',
        refreshAccessToken: async () => {
          refreshes += 1;
          return fx.emulator.accessToken;
        },
      });
      expect((await crm.owner('005000000000001AAA'))?.name).toBe('Aino Agent');
      expect(await crm.contact('003000000000001AAA')).toBeDefined();
      expect(refreshes).toBe(1);
      // The session that worked expires later: one more refresh, and on.
      fx.emulator.setAccessToken('rotated');
      expect(await crm.contact('003000000000001AAA')).toBeDefined();
      expect(refreshes).toBe(2);
    });

    it('stops after one refresh per call when the org keeps refusing (jsforce alone would loop forever)', async () => {
      let requests = 0;
      const fx = await org(() => (requests++, undefined));
      let refreshes = 0;
      const crm = adapterFor(fx, {
        accessToken: 'expired',
        refreshAccessToken: async () => {
          refreshes += 1;
          return 'still-wrong';
        },
      });
      // Retryable: a session can end as soon as it began; the next attempt refreshes again.
      expect(await failure(crm.owner('005000000000001AAA'))).toMatchObject({
        code: 'INVALID_SESSION_ID',
        retryable: true,
      });
      expect([refreshes, requests]).toEqual([1, 2]);
      await failure(crm.owner('005000000000001AAA'));
      expect([refreshes, requests]).toEqual([2, 4]);
    });

    it('a refresh that fails says why, and keeps its retryability', async () => {
      const fx = await org();
      const crm = adapterFor(fx, {
        accessToken: 'expired',
        refreshAccessToken: async () => {
          throw new CrmError('NETWORK_ERROR', 'token endpoint unreachable', true);
        },
      });
      expect(await failure(crm.owner('005000000000001AAA'))).toMatchObject({ code: 'NETWORK_ERROR', retryable: true });
    });
  });
});
