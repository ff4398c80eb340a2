import { Connection } from 'jsforce';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AINO, MAIJA, QUEUE, START, startFixture, type Fixture } from './support/org-fixture.ts';

/** The sObject REST resources, driven by the real jsforce over HTTP. */
describe('Salesforce emulator: records', () => {
  let fx: Fixture;
  beforeEach(async () => (fx = await startFixture()));
  afterEach(() => fx.close());

  it('creates a case and fills what Salesforce fills', async () => {
    const created = await fx.conn
      .sobject('Case')
      .create({ Subject: 'Wrong VAT', Priority: 'High', OwnerId: AINO, ContactId: MAIJA });
    expect(created).toEqual({ id: expect.stringMatching(/^500[A-Za-z0-9]{15}$/), success: true, errors: [] });
    const record = await fx.conn.sobject('Case').retrieve(created.id as string);
    expect(record).toMatchObject({
      attributes: { type: 'Case', url: `/services/data/v62.0/sobjects/Case/${created.id}` },
      Id: created.id,
      CaseNumber: '00001001',
      Subject: 'Wrong VAT',
      Status: 'New',
      Priority: 'High',
      IsClosed: false,
      IsEscalated: false,
      OwnerId: AINO,
      ContactId: MAIJA,
      CreatedDate: '2026-12-02T07:00:00.000+0000',
      LastModifiedDate: '2026-12-02T07:00:00.000+0000',
      SystemModstamp: '2026-12-02T07:00:00.000+0000',
      ClosedDate: null,
    });
    const second = await fx.conn.sobject('Case').create({ Subject: 'Second' });
    expect((await fx.conn.sobject('Case').retrieve(second.id as string)).CaseNumber).toBe('00001002');
  });

  it('mints 18-character ids with each object key prefix and a valid case-safe suffix', async () => {
    const prefixes: [string, Record<string, unknown>, string][] = [
      ['Case', {}, '500'],
      ['Task', { Subject: 'Call' }, '00T'],
      ['Contact', { LastName: 'Lahti' }, '003'],
      ['Order', { Status: 'Draft', EffectiveDate: '2026-12-07' }, '801'],
      ['Group', { Name: 'Queue B', Type: 'Queue' }, '00G'],
      ['User', { LastName: 'New' }, '005'],
    ];
    for (const [type, fields, prefix] of prefixes) {
      const { id } = await fx.conn.sobject(type).create(fields);
      expect(id?.startsWith(prefix)).toBe(true);
      expect(id).toHaveLength(18);
    }
    const { id: caseId } = await fx.conn.sobject('Case').create({});
    const { id } = await fx.conn.sobject('CaseComment').create({ ParentId: caseId, CommentBody: 'noted' });
    expect(id?.startsWith('00a')).toBe(true);
    // The same record answers to its 15-character id.
    expect((await fx.conn.sobject('CaseComment').retrieve((id as string).slice(0, 15))).Id).toBe(id);
  });

  it('retrieves only the fields asked for (and Id)', async () => {
    const { id } = await fx.conn.sobject('Case').create({ Subject: 'Fields', Priority: 'Low' });
    const record = await fx.conn.sobject('Case').retrieve(id as string, { fields: ['Subject', 'Priority'] } as any);
    expect(record).toEqual({
      attributes: { type: 'Case', url: `/services/data/v62.0/sobjects/Case/${id}` },
      Subject: 'Fields',
      Priority: 'Low',
      Id: id,
    });
  });

  it('updates with PATCH → 204, derives IsClosed and ClosedDate, moves LastModifiedDate', async () => {
    const { id } = await fx.conn.sobject('Case').create({ Subject: 'Close me' });
    fx.clock.advanceBy(60 * 60_000);
    const result = await fx.conn.sobject('Case').update({ Id: id as string, Status: 'Closed' });
    expect(result).toEqual({ id, success: true, errors: [] }); // jsforce's answer to a bare 204
    const closed = await fx.conn.sobject('Case').retrieve(id as string);
    expect(closed).toMatchObject({
      IsClosed: true,
      ClosedDate: '2026-12-02T08:00:00.000+0000',
      CreatedDate: '2026-12-02T07:00:00.000+0000',
      LastModifiedDate: '2026-12-02T08:00:00.000+0000',
    });
    await fx.conn.sobject('Case').update({ Id: id as string, Status: 'Working' });
    expect(await fx.conn.sobject('Case').retrieve(id as string)).toMatchObject({ IsClosed: false, ClosedDate: null });
  });

  it('fills Task defaults and closes tasks on Completed', async () => {
    const { id } = await fx.conn.sobject('Task').create({ Subject: 'Call back', OwnerId: AINO, WhoId: MAIJA });
    expect(await fx.conn.sobject('Task').retrieve(id as string)).toMatchObject({
      Status: 'Not Started',
      Priority: 'Normal',
      IsClosed: false,
      IsReminderSet: false,
    });
    await fx.conn.sobject('Task').update({ Id: id as string, Status: 'Completed' });
    expect(await fx.conn.sobject('Task').retrieve(id as string)).toMatchObject({
      IsClosed: true,
      CompletedDateTime: `${START.slice(0, -1)}+0000`,
    });
  });

  it('deletes with 204, and the record is gone', async () => {
    const { id } = await fx.conn.sobject('Case').create({ Subject: 'Gone' });
    expect(await fx.conn.sobject('Case').destroy(id as string)).toEqual({ id, success: true, errors: [] });
    await expect(fx.conn.sobject('Case').retrieve(id as string)).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
  });

  it('describes objects, and jsforce uses describe for retrieve of many ids', async () => {
    const describe = await fx.conn.sobject('Task').describe();
    expect(describe.name).toBe('Task');
    expect(describe.keyPrefix).toBe('00T');
    const description = describe.fields.find((f) => f.name === 'Description');
    expect(description).toMatchObject({ type: 'textarea', filterable: false });
    const a = await fx.conn.sobject('Contact').retrieve([MAIJA]);
    expect(a[0] as object).toMatchObject({ Id: MAIJA, Name: 'Maija Virtanen', DoNotCall: false });
  });

  it('answers Salesforce errors with their codes and statuses', async () => {
    const failures: [() => Promise<unknown>, string][] = [
      [() => fx.conn.sobject('Case').create({ Colour: 'red' }), 'INVALID_FIELD'],
      [() => fx.conn.sobject('Contact').create({ FirstName: 'No last name' }), 'REQUIRED_FIELD_MISSING'],
      [() => fx.conn.sobject('Case').create({ OwnerId: '005000000000099AAA' }), 'INVALID_CROSS_REFERENCE_KEY'],
      [() => fx.conn.sobject('Case').create({ ContactId: QUEUE }), 'INVALID_CROSS_REFERENCE_KEY'],
      [() => fx.conn.sobject('Case').create({ CaseNumber: '1' }), 'INVALID_FIELD_FOR_INSERT_UPDATE'],
      [() => fx.conn.sobject('Case').retrieve('500000000000099AAA'), 'NOT_FOUND'],
      [() => fx.conn.sobject('Case').update({ Id: '500000000000099AAA', Subject: 'x' }), 'NOT_FOUND'],
      [() => fx.conn.request({ method: 'GET', url: '/sobjects/Nope/describe' }), 'NOT_FOUND'],
    ];
    for (const [call, code] of failures) await expect(call()).rejects.toMatchObject({ name: code, errorCode: code });
    const raw = await fetch(`${fx.emulator.url}/services/data/v62.0/sobjects/Case`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fx.emulator.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ Colour: 'red' }),
    });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(await raw.json()).toEqual([
      { message: "No such column 'Colour' on sobject of type Case", errorCode: 'INVALID_FIELD', fields: ['Colour'] },
    ]);
  });

  it('accepts any vNN.0 and links back with the version asked', async () => {
    const old = new Connection({ instanceUrl: fx.emulator.url, accessToken: fx.emulator.accessToken, version: '58.0' });
    const { id } = await old.sobject('Case').create({ Subject: 'v58' });
    expect((await old.sobject('Case').retrieve(id as string)).attributes?.url).toBe(
      `/services/data/v58.0/sobjects/Case/${id}`,
    );
  });

  it('answers 401 INVALID_SESSION_ID to a wrong token, and jsforce refreshes and resends', async () => {
    const stale = new Connection({ instanceUrl: fx.emulator.url, accessToken: 'expired', version: '62.0' });
    await expect(stale.sobject('Case').create({ Subject: 'x' })).rejects.toMatchObject({
      errorCode: 'INVALID_SESSION_ID',
    });
    let refreshes = 0;
    const refreshing = new Connection({
      instanceUrl: fx.emulator.url,
      accessToken: 'expired',
      version: '62.0',
      refreshFn: (_conn, callback) => {
        refreshes += 1;
        callback(null, fx.emulator.accessToken);
      },
    });
    const { id } = await refreshing.sobject('Case').create({ Subject: 'after refresh' });
    expect(fx.emulator.org.get('Case', id as string)?.Subject).toBe('after refresh');
    expect(refreshes).toBe(1);
  });
});
