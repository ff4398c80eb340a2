import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DynamoStore } from '../../../lib/aws/store/dynamo-store.ts';
import type { FailureEntry } from '../../../lib/core/ports/store.ts';
import { startLocalDynamo } from '../../../lib/local/dynamo/local-dynamo.ts';
import { at, caseRef, freshStore, useLocalDynamo } from './store-fixture.ts';

const local = useLocalDynamo();
let store: DynamoStore;
beforeEach(async () => {
  store = await freshStore(local());
});

describe('record state', () => {
  const nested = {
    status: 'open',
    priority: 'high',
    openedAt: at('2026-12-02T07:00:00Z'),
    owner: { id: '005000000000001AAA', queue: false, history: ['00G1', '00G2'] },
    fields: { Subject: 'Broken', Description: '', IsEscalated: false, ParentId: null },
    tiers: [{ tier: 1, firedAt: at('2026-12-02T08:00:00Z') }, { tier: 2 }],
    optional: undefined,
  };

  it('is absent until saved', async () => {
    expect(await store.getRecord(caseRef('500A'))).toBeUndefined();
  });

  it('round-trips nested data, versions from 1, and drops undefined fields', async () => {
    expect(await store.saveRecord(caseRef('500A'), nested, 0)).toBe(true);
    const { optional: _dropped, ...stored } = nested;
    expect(await store.getRecord(caseRef('500A'))).toEqual({ data: stored, version: 1 });

    expect(await store.saveRecord(caseRef('500A'), { ...stored, status: 'closed' }, 1)).toBe(true);
    expect(await store.getRecord(caseRef('500A'))).toEqual({ data: { ...stored, status: 'closed' }, version: 2 });
  });

  it('keeps records of other CRMs and kinds with the same id apart', async () => {
    await store.saveRecord({ crm: 'salesforce', kind: 'case', id: '42' }, 'sf case', 0);
    await store.saveRecord({ crm: 'hubspot', kind: 'case', id: '42' }, 'hs case', 0);
    await store.saveRecord({ crm: 'hubspot', kind: 'order', id: '42' }, 'hs order', 0);
    expect((await store.getRecord({ crm: 'hubspot', kind: 'case', id: '42' }))?.data).toBe('hs case');
    expect((await store.getRecord({ crm: 'salesforce', kind: 'case', id: '42' }))?.data).toBe('sf case');
  });

  it('refuses to create a record twice: the first stays', async () => {
    expect(await store.saveRecord(caseRef('500B'), { n: 1 }, 0)).toBe(true);
    expect(await store.saveRecord(caseRef('500B'), { n: 2 }, 0)).toBe(false);
    expect(await store.getRecord(caseRef('500B'))).toEqual({ data: { n: 1 }, version: 1 });
  });

  it('refuses a stale or a future version', async () => {
    await store.saveRecord(caseRef('500C'), { n: 1 }, 0);
    await store.saveRecord(caseRef('500C'), { n: 2 }, 1);
    expect(await store.saveRecord(caseRef('500C'), { n: 'stale' }, 1)).toBe(false);
    expect(await store.saveRecord(caseRef('500C'), { n: 'future' }, 3)).toBe(false);
    expect(await store.saveRecord(caseRef('500D'), { n: 'missing' }, 1)).toBe(false);
    expect(await store.getRecord(caseRef('500C'))).toEqual({ data: { n: 2 }, version: 2 });
  });

  it('lets exactly one of two concurrent saves of the same version win', async () => {
    await store.saveRecord(caseRef('500E'), { writer: 'none' }, 0);
    const results = await Promise.all([
      store.saveRecord(caseRef('500E'), { writer: 'a' }, 1),
      store.saveRecord(caseRef('500E'), { writer: 'b' }, 1),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? 'a' : 'b';
    expect(await store.getRecord(caseRef('500E'))).toEqual({ data: { writer: winner }, version: 2 });
  });

  it('rejects a version that is not a whole number ≥ 0', async () => {
    await expect(store.saveRecord(caseRef('500F'), {}, -1)).rejects.toThrow(/expectedVersion/);
    await expect(store.saveRecord(caseRef('500F'), {}, 1.5)).rejects.toThrow(/expectedVersion/);
  });

  it('propagates errors that are not a lost race', async () => {
    const missingTable = new DynamoStore({ client: local().client, tableName: 'no-such-table' });
    await expect(missingTable.saveRecord(caseRef('500G'), {}, 0)).rejects.toThrow(
      expect.objectContaining({ name: 'ResourceNotFoundException' }),
    );
  });
});

describe('event dedupe', () => {
  const now = at('2026-12-02T07:00:00.250Z');
  const day = 24 * 3600;

  it('sees an event once until its TTL has passed, then again', async () => {
    expect(await store.hasSeenEvent('evt-1', now)).toBe(false);
    expect(await store.markEventSeen('evt-1', now, day)).toBe(true);
    expect(await store.markEventSeen('evt-1', now + 1, day)).toBe(false);
    expect(await store.markEventSeen('evt-1', now + (day - 1) * 1000, day)).toBe(false);
    expect(await store.hasSeenEvent('evt-1', now + (day - 1) * 1000)).toBe(true);
    expect(await store.markEventSeen('evt-2', now, day)).toBe(true);
    // dynalite never deletes expired items: the expired record is still there and must read as unseen.
    const later = now + (day + 2) * 1000;
    expect(await store.hasSeenEvent('evt-1', later)).toBe(false);
    expect(await store.markEventSeen('evt-1', later, day)).toBe(true);
    expect(await store.hasSeenEvent('evt-1', later + 1000)).toBe(true);
    expect(await store.markEventSeen('evt-1', later + 1000, day)).toBe(false);
  });

  it('keeps an event at least ttlSeconds whatever the milliseconds', async () => {
    const edge = at('2026-12-02T07:00:00.999Z');
    await store.markEventSeen('evt-3', edge, 10);
    expect(await store.hasSeenEvent('evt-3', edge + 9_999)).toBe(true);
    expect(await store.markEventSeen('evt-3', edge + 9_999, 10)).toBe(false);
  });

  it('lets one of two concurrent deliveries through', async () => {
    const results = await Promise.all([1, 2, 3].map(() => store.markEventSeen('evt-4', now, day)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('action ledger', () => {
  const entry = {
    key: 'escalation:salesforce:500A:tier-1:1',
    ref: caseRef('500A'),
    result: { task: '00T000000000001AAA', note: '00a000000000001AAA' },
    at: at('2026-12-02T08:00:00Z'),
  };

  it('records the first result and keeps it', async () => {
    expect(await store.getAction(entry.key)).toBeUndefined();
    expect(await store.recordAction(entry)).toBe(true);
    expect(await store.recordAction({ ...entry, result: { task: '00T-second' }, at: entry.at + 5 })).toBe(false);
    expect(await store.getAction(entry.key)).toEqual(entry);
  });
});

describe('audit', () => {
  it('lists a record’s entries in time order, two in the same millisecond included', async () => {
    const ref = caseRef('500A');
    const t = at('2026-12-02T07:00:00Z');
    await store.saveRecord(ref, { status: 'open' }, 0); // shares the partition: must not be listed
    await store.appendAudit(ref, { at: t + 60_000, type: 'action', summary: 'escalated to tier 1' });
    await store.appendAudit(ref, { at: t, type: 'event', summary: 'created', detail: { eventId: 'e1' } });
    await store.appendAudit(ref, { at: t + 1, type: 'decision', summary: 'wait until 08:00' });
    await store.appendAudit(ref, { at: t + 1, type: 'decision', summary: 'warn at 07:45' });
    await store.appendAudit(caseRef('500B'), { at: t, type: 'event', summary: 'someone else' });

    expect(await store.listAudit(ref)).toEqual([
      { at: t, type: 'event', summary: 'created', detail: { eventId: 'e1' } },
      { at: t + 1, type: 'decision', summary: 'wait until 08:00' },
      { at: t + 1, type: 'decision', summary: 'warn at 07:45' },
      { at: t + 60_000, type: 'action', summary: 'escalated to tier 1' },
    ]);
    expect(await store.listAudit(caseRef('500Z'))).toEqual([]);
  });

  it('keeps every one of many concurrent same-millisecond entries', async () => {
    const t = at('2026-12-02T07:00:00Z');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.appendAudit(caseRef('500C'), { at: t, type: 'event', summary: `${i}` }),
      ),
    );
    expect(await store.listAudit(caseRef('500C'))).toHaveLength(20);
  });

  it('reads past a 1 MB query page', async () => {
    const t = at('2026-12-02T07:00:00Z');
    const padding = 'x'.repeat(200_000);
    for (let i = 0; i < 7; i++) {
      await store.appendAudit(caseRef('500D'), { at: t + i, type: 'event', summary: `${i}`, detail: { padding } });
    }
    const send = vi.spyOn(local().client, 'send');
    try {
      const entries = await store.listAudit(caseRef('500D'));
      expect(entries.map((entry) => entry.summary)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
      expect(send.mock.calls.length).toBeGreaterThan(1);
    } finally {
      send.mockRestore();
    }
  });
});

describe('failures', () => {
  const failure = (id: string, iso: string): FailureEntry => ({
    id,
    at: at(iso),
    workflow: 'escalation',
    ref: caseRef('500A'),
    step: 'Act',
    error: 'Crm.RequestLimitExceeded',
    cause: 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.',
    retryInput: { ref: caseRef('500A'), planVersion: 2, nested: { attempt: 3 } },
    state: 'open',
  });
  const first = failure('f-1', '2026-12-02T07:00:00Z');
  const second = failure('f-2', '2026-12-02T09:00:00Z');
  const sameTime = failure('f-0', '2026-12-02T09:00:00Z');

  it('lists failures in time order, all or by state, and marks one retried once', async () => {
    await store.recordFailure(second);
    await store.recordFailure(first);
    await store.recordFailure(sameTime);
    expect(await store.listFailures()).toEqual([first, sameTime, second]);

    expect(await store.markFailureRetried('f-2')).toBe(true);
    expect(await store.markFailureRetried('f-2')).toBe(false);
    expect(await store.markFailureRetried('f-unknown')).toBe(false);

    expect(await store.listFailures('open')).toEqual([first, sameTime]);
    expect(await store.listFailures('retried')).toEqual([{ ...second, state: 'retried' }]);
  });

  it('lets one of two concurrent retries win', async () => {
    await store.recordFailure(first);
    const results = await Promise.all([store.markFailureRetried('f-1'), store.markFailureRetried('f-1')]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('marks exactly the entry recorded at a time, when one id has failed twice', async () => {
    const again = failure('f-1', '2026-12-03T09:00:00Z');
    await store.recordFailure(first);
    await store.recordFailure(again);
    expect(await store.markFailureRetried('f-1', again.at)).toBe(true);
    expect(await store.markFailureRetried('f-1', again.at)).toBe(false);
    expect(await store.markFailureRetried('f-1', Date.parse('2026-12-04T09:00:00Z'))).toBe(false);
    expect(await store.listFailures('open')).toEqual([first]);
    expect(await store.listFailures()).toHaveLength(2);
  });

  it('does not reopen a retried failure when the same failure is recorded again', async () => {
    await store.recordFailure(first);
    await store.markFailureRetried('f-1');
    await store.recordFailure(first);
    expect(await store.listFailures()).toEqual([{ ...first, state: 'retried' }]);
  });
});

describe('persisted local DynamoDB', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crmflow-dynamo-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps records across close and restart', async () => {
    const path = join(dir, '.crmflow', 'dynamo');
    const before = await startLocalDynamo({ path });
    const stored = new DynamoStore({ client: before.client, tableName: before.tableName });
    await stored.saveRecord(caseRef('500A'), { status: 'open' }, 0);
    await before.close();

    const after = await startLocalDynamo({ path });
    try {
      const reopened = new DynamoStore({ client: after.client, tableName: after.tableName });
      expect(await reopened.getRecord(caseRef('500A'))).toEqual({ data: { status: 'open' }, version: 1 });
      expect(await reopened.saveRecord(caseRef('500A'), { status: 'closed' }, 1)).toBe(true);
    } finally {
      await after.close();
    }
  });

  it('lets a request it is handling finish before closing its database (Ctrl-C in crmflow dev)', async () => {
    // dynalite closes its database on close() and throws from a request still being handled — the
    // crash `crmflow dev` showed on Ctrl-C. A request whose body is still arriving is such a request.
    const dynamo = await startLocalDynamo({ path: dir });
    const body = JSON.stringify({ TableName: dynamo.tableName, Key: { pk: { S: 'x' }, sk: { S: 'y' } } });
    const answered = new Promise<number>((resolve, reject) => {
      const request = httpRequest(dynamo.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.GetItem',
          authorization:
            'AWS4-HMAC-SHA256 Credential=local/20261123/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
          'x-amz-date': '20261123T000000Z',
          'content-length': Buffer.byteLength(body),
        },
      });
      request.on('response', (response) => resolve(response.statusCode ?? 0)).on('error', reject);
      request.write(body.slice(0, 10));
      setTimeout(() => request.end(body.slice(10)), 100);
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closed = dynamo.close();
    expect(await answered).toBe(200);
    await closed;
  });

  it('refuses a second opener of the same directory with a clear error', async () => {
    const first = await startLocalDynamo({ path: dir });
    try {
      await expect(startLocalDynamo({ path: dir })).rejects.toThrow(/in use by another local DynamoDB/);
    } finally {
      await first.close();
    }
  });
});
