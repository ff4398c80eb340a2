import { SfDate } from 'jsforce';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AINO, MAIJA, SAMI, startFixture, type Fixture } from './support/org-fixture.ts';

/** SOQL and queryMore, driven by jsforce's query() and find() over HTTP. */
describe('Salesforce emulator: query', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await startFixture({ queryBatchSize: 4 });
    const cases = [
      { Subject: "O'Brien's invoice", Priority: 'High', Status: 'New', OwnerId: AINO, ContactId: MAIJA },
      { Subject: 'Broken lamp', Priority: 'Low', Status: 'Working', OwnerId: SAMI },
      { Subject: 'Late delivery', Priority: 'High', Status: 'Waiting on Customer', OwnerId: AINO },
      { Subject: 'Refund', Priority: 'Medium', Status: 'Closed', OwnerId: SAMI, IsEscalated: true },
      { Subject: 'broken screen', Priority: 'High', Status: 'Working', OwnerId: SAMI },
    ];
    for (const fields of cases) {
      fx.emulator.org.apply({ op: 'create', type: 'Case', fields });
      fx.clock.advanceBy(60_000); // one minute apart: CreatedDate orders them
    }
  });
  afterEach(() => fx.close());

  const subjects = (records: readonly Record<string, unknown>[]) => records.map((r) => r.Subject);

  it('pages with nextRecordsUrl locators, and autoFetch follows them', async () => {
    const soql = encodeURIComponent('SELECT Id, Subject FROM Case ORDER BY CreatedDate');
    const first = await fx.conn.request<{
      totalSize: number;
      done: boolean;
      records: unknown[];
      nextRecordsUrl: string;
    }>(`/query?q=${soql}`);
    expect(first.totalSize).toBe(5);
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(4);
    expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/[^/]+-4$/);
    const more = await fx.conn.queryMore(first.nextRecordsUrl);
    expect(more).toMatchObject({ totalSize: 5, done: true });
    expect(subjects(more.records)).toEqual(['broken screen']);
    const all = await fx.conn.query('SELECT Subject FROM Case ORDER BY CreatedDate').autoFetch(true);
    expect(all.records).toHaveLength(5);
    expect(all.records[0]).toEqual({
      attributes: { type: 'Case', url: expect.stringMatching(/^\/services\/data\/v62\.0\/sobjects\/Case\/500/) },
      Subject: "O'Brien's invoice",
    });
  });

  it('runs the SOQL find() writes: IN, LIKE, NOT LIKE, $or, sort, limit, offset', async () => {
    const high = await fx.conn
      .sobject('Case')
      .find({ Priority: { $in: ['High', 'Medium'] }, Status: { $ne: 'Closed' } }, ['Subject'])
      .sort('-CreatedDate');
    expect(subjects(high)).toEqual(['broken screen', 'Late delivery', "O'Brien's invoice"]);
    // LIKE is case-insensitive, as in Salesforce.
    const broken = await fx.conn
      .sobject('Case')
      .find({ Subject: { $like: 'BROKEN%' } }, ['Subject'])
      .sort('Subject');
    expect(subjects(broken)).toEqual(['Broken lamp', 'broken screen']);
    const notBroken = await fx.conn
      .sobject('Case')
      .find({ Subject: { $nlike: '%broken%' }, $or: [{ OwnerId: SAMI }, { ContactId: MAIJA }] }, ['Subject'])
      .sort('Subject');
    expect(subjects(notBroken)).toEqual(["O'Brien's invoice", 'Refund']);
    // Without fields, find() reads describe first and selects every field.
    const everything = await fx.conn.sobject('Case').find({ Status: 'New' });
    expect(everything[0]).toMatchObject({ Subject: "O'Brien's invoice", CaseNumber: '00001001', Description: null });
    expect(await fx.conn.sobject('Case').count({ Priority: 'High' })).toBe(3);
    const quoted = await fx.conn.sobject('Case').find({ Subject: "O'Brien's invoice" }, ['Id']);
    expect(quoted).toHaveLength(1);
    const page = await fx.conn
      .sobject('Case')
      .find({}, ['Subject'])
      .sort({ Priority: 'ASC', Subject: 'DESC' })
      .limit(2)
      .offset(1);
    // Picklists sort as text; within High, Subject descending ignores case: O'Brien, Late, broken.
    expect(subjects(page)).toEqual(['Late delivery', 'broken screen']);
  });

  it('compares dates, datetimes, booleans and nulls by their types', async () => {
    const since = SfDate.toDateTimeLiteral(new Date(Date.parse('2026-12-02T07:02:00Z')));
    const later = await fx.conn.query(
      `SELECT Subject FROM Case WHERE CreatedDate >= ${String(since)} ORDER BY CreatedDate`,
    );
    expect(subjects(later.records)).toEqual(['Late delivery', 'Refund', 'broken screen']);
    const offset = await fx.conn.query(
      'SELECT Subject FROM Case WHERE CreatedDate < 2026-12-02T09:02:00+02:00 ORDER BY CreatedDate',
    );
    expect(subjects(offset.records)).toEqual(["O'Brien's invoice", 'Broken lamp']);
    const escalated = await fx.conn.query('SELECT Subject FROM Case WHERE IsEscalated = true');
    expect(subjects(escalated.records)).toEqual(['Refund']);
    const noContact = await fx.conn.query(
      "SELECT count() FROM Case WHERE ContactId = null AND (Priority = 'High' OR Priority = 'Low')",
    );
    expect(noContact.totalSize).toBe(3);
    const nullsLast = await fx.conn.query(
      'SELECT Subject FROM Case ORDER BY ContactId ASC NULLS LAST, Subject LIMIT 1',
    );
    expect(subjects(nullsLast.records)).toEqual(["O'Brien's invoice"]);
    const notIn = await fx.conn.query(
      `SELECT Subject FROM Case WHERE OwnerId NOT IN ('${AINO.slice(0, 15)}') AND NOT Status = 'Closed' ORDER BY Subject`,
    );
    expect(subjects(notIn.records)).toEqual(['Broken lamp', 'broken screen']);
  });

  it('refuses what Salesforce refuses, with its error codes', async () => {
    const refusals: [string, string][] = [
      ['SELECT Id FROM Case GROUP BY Status', 'MALFORMED_QUERY'],
      ["SELECT Id FROM Case WHERE Status = 'New' AND Priority = 'High' OR IsEscalated = true", 'MALFORMED_QUERY'],
      ['SELECT Id FROM Case WHERE CreatedDate = TODAY', 'MALFORMED_QUERY'],
      ['SELECT Id FROM Case WHERE Id IN (SELECT WhatId FROM Task)', 'MALFORMED_QUERY'],
      ['SELECT Owner.Name FROM Case', 'MALFORMED_QUERY'],
      ['SELECT COUNT(Id) FROM Case', 'MALFORMED_QUERY'],
      ['SELECT Id, Id FROM Case', 'MALFORMED_QUERY'],
      ['SELECT Id FROM Case LIMIT', 'MALFORMED_QUERY'],
      ["SELECT Id FROM Case WHERE Subject = 'a\\qb'", 'MALFORMED_QUERY'],
      ['SELECT Colour FROM Case', 'INVALID_FIELD'],
      ["SELECT Id FROM Task WHERE Description = 'x'", 'INVALID_FIELD'],
      ['SELECT Id FROM Task ORDER BY Description', 'INVALID_FIELD'],
      ["SELECT Id FROM Case WHERE CreatedDate > '2026-12-01'", 'INVALID_FIELD'],
      ['SELECT Id FROM Case WHERE Subject = 5', 'INVALID_FIELD'],
      ['SELECT Id FROM Case WHERE IsEscalated > true', 'INVALID_FIELD'],
      ["SELECT Id FROM Case WHERE OwnerId = 'nope'", 'INVALID_QUERY_FILTER_OPERATOR'],
      ['SELECT Id FROM Invoice__c', 'INVALID_TYPE'],
    ];
    for (const [soql, code] of refusals) {
      await expect(fx.conn.query(soql), soql).rejects.toMatchObject({ errorCode: code });
    }
    await expect(fx.conn.query('SELECT Id FROM Case GROUP BY Status')).rejects.toThrow(
      /ERROR at Row:1:Column:21\nunexpected token: 'GROUP'/,
    );
    await expect(fx.conn.queryMore('/services/data/v62.0/query/01gNOPE-2000')).rejects.toMatchObject({
      errorCode: 'INVALID_QUERY_LOCATOR',
    });
  });
});
