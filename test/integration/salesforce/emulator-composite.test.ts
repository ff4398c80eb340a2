import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AINO, MAIJA, startFixture, type Fixture } from './support/org-fixture.ts';

interface CompositeAnswer {
  compositeResponse: { body: any; httpHeaders: Record<string, string>; httpStatusCode: number; referenceId: string }[];
}

/** sObject Collections (jsforce's array create/update/destroy/retrieve) and the composite resource. */
describe('Salesforce emulator: collections and composite', () => {
  let fx: Fixture;
  beforeEach(async () => (fx = await startFixture()));
  afterEach(() => fx.close());

  it('creates, updates, retrieves and deletes many records in one call each', async () => {
    const created = await fx.conn.sobject('Task').create([
      { Subject: 'One', OwnerId: AINO },
      { Subject: 'Two', OwnerId: AINO, WhoId: MAIJA },
    ]);
    expect(created).toEqual([
      { id: expect.stringMatching(/^00T/), success: true, errors: [] },
      { id: expect.stringMatching(/^00T/), success: true, errors: [] },
    ]);
    const ids = created.map((r) => r.id as string);
    const updated = await fx.conn.sobject('Task').update(ids.map((Id) => ({ Id, Status: 'Completed' })));
    expect(updated.every((r) => r.success)).toBe(true);
    const read = await fx.conn.sobject('Task').retrieve(ids, { fields: ['Subject', 'IsClosed'] } as any);
    expect(read.map((r: any) => [r.Subject, r.IsClosed])).toEqual([
      ['One', true],
      ['Two', true],
    ]);
    const deleted = await fx.conn.sobject('Task').destroy(ids);
    expect(deleted).toEqual(ids.map((id) => ({ id, success: true, errors: [] })));
    expect(fx.emulator.org.records('Task')).toEqual([]);
  });

  it('reports failures per record, and rolls all back with allOrNone', async () => {
    const mixed = await fx.conn.sobject('Contact').create([{ LastName: 'Ok' }, { FirstName: 'No last name' }]);
    expect(mixed[0]).toMatchObject({ success: true });
    expect(mixed[1]).toEqual({
      success: false,
      errors: [
        {
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: 'Required fields are missing: [LastName]',
          fields: ['LastName'],
        },
      ],
    });
    const before = fx.emulator.org.records('Contact').length;
    const rolledBack = await fx.conn
      .sobject('Contact')
      .create([{ LastName: 'Kept?' }, { Colour: 'red' }], { allOrNone: true });
    expect(rolledBack.map((r) => r.errors[0])).toEqual([
      expect.objectContaining({ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK' }),
      expect.objectContaining({ statusCode: 'INVALID_FIELD' }),
    ]);
    expect(fx.emulator.org.records('Contact')).toHaveLength(before);
  });

  it('runs composite subrequests in order with @{ref} references', async () => {
    const answer = await fx.conn.requestPost<CompositeAnswer>('/composite', {
      allOrNone: false,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Case',
          referenceId: 'newCase',
          body: { Subject: 'Via composite', ContactId: MAIJA },
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/CaseComment',
          referenceId: 'comment',
          body: { ParentId: '@{newCase.id}', CommentBody: 'First note' },
        },
        {
          method: 'GET',
          url: "/services/data/v62.0/query?q=SELECT+Id,CommentBody+FROM+CaseComment+WHERE+ParentId='@{newCase.id}'",
          referenceId: 'comments',
        },
        {
          method: 'PATCH',
          url: '/services/data/v62.0/sobjects/Case/@{newCase.id}',
          referenceId: 'escalate',
          body: { IsEscalated: true },
        },
        {
          method: 'GET',
          url: '/services/data/v62.0/sobjects/CaseComment/@{comments.records[0].Id}?fields=ParentId',
          referenceId: 'again',
        },
      ],
    });
    const [newCase, comment, comments, escalate, again] = answer.compositeResponse;
    expect(newCase).toMatchObject({
      httpStatusCode: 201,
      referenceId: 'newCase',
      httpHeaders: { Location: `/services/data/v62.0/sobjects/Case/${newCase?.body.id}` },
    });
    expect(comment?.httpStatusCode).toBe(201);
    expect(comments?.body).toMatchObject({ totalSize: 1, records: [{ CommentBody: 'First note' }] });
    expect(escalate).toEqual({ body: null, httpHeaders: {}, httpStatusCode: 204, referenceId: 'escalate' });
    expect(again?.body.ParentId).toBe(newCase?.body.id);
    expect(fx.emulator.org.get('Case', newCase?.body.id)?.IsEscalated).toBe(true);
  });

  it('rolls back every subrequest when one fails with allOrNone', async () => {
    const answer = await fx.conn.requestPost<CompositeAnswer>('/composite', {
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Case',
          referenceId: 'a',
          body: { Subject: 'Rolled back' },
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Task',
          referenceId: 'b',
          body: { WhatId: '@{a.id}', OwnerId: '005000000000099AAA' },
        },
      ],
    });
    expect(answer.compositeResponse.map((r) => [r.httpStatusCode, r.body[0].errorCode])).toEqual([
      [400, 'PROCESSING_HALTED'],
      [400, 'INVALID_CROSS_REFERENCE_KEY'],
    ]);
    expect(fx.emulator.org.records('Case')).toEqual([]);
    // Without allOrNone, a subrequest that refers to a failed one is halted; the others stand.
    const partial = await fx.conn.requestPost<CompositeAnswer>('/composite', {
      compositeRequest: [
        { method: 'POST', url: '/services/data/v62.0/sobjects/Case', referenceId: 'bad', body: { Colour: 'red' } },
        { method: 'POST', url: '/services/data/v62.0/sobjects/Case', referenceId: 'good', body: { Subject: 'Stands' } },
        { method: 'GET', url: '/services/data/v62.0/sobjects/Case/@{bad.id}', referenceId: 'halted' },
      ],
    });
    expect(partial.compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 201, 400]);
    expect(partial.compositeResponse[2]?.body[0].errorCode).toBe('PROCESSING_HALTED');
    expect(fx.emulator.org.records('Case').map((c) => c.Subject)).toEqual(['Stands']);
  });
});
