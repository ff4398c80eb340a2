/**
 * End to end over real HTTP: an Outbound Message posted to the local edge becomes an escalation
 * task in the emulated org; forged or malformed requests are refused with their own code and change
 * nothing anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromIso } from '../../../lib/core/time/instant.ts';
import { VirtualClock } from '../../../lib/local/clock/index.ts';
import { startLocalStack, type LocalStack } from '../../../lib/local/stack.ts';
import { oneTierSalesforceConfig } from '../../support/one-tier-config.ts';

const ORG = '00D000000000001AAA';
const CASE = '500000000000001AAA';
const start = fromIso('2026-12-02T09:00:00+02:00');

const config = oneTierSalesforceConfig();

/** An Outbound Message as Salesforce sends it (one Notification, a Case). */
function outboundMessage({ org = ORG, caseId = CASE, notification = '04l000000000001AAA' } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <soapenv:Body>
  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
   <OrganizationId>${org}</OrganizationId>
   <ActionId>04k000000000001AAA</ActionId>
   <SessionId xsi:nil="true"/>
   <EnterpriseUrl>https://example.my.salesforce.com/services/Soap/c/62.0/${org}</EnterpriseUrl>
   <PartnerUrl>https://example.my.salesforce.com/services/Soap/u/62.0/${org}</PartnerUrl>
   <Notification>
    <Id>${notification}</Id>
    <sObject xsi:type="sf:Case" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">
     <sf:Id>${caseId}</sf:Id>
     <sf:CaseNumber>00001001</sf:CaseNumber>
     <sf:CreatedDate>2026-12-02T07:00:00.000Z</sf:CreatedDate>
     <sf:IsClosed>false</sf:IsClosed>
     <sf:IsEscalated>false</sf:IsEscalated>
     <sf:LastModifiedDate>2026-12-02T07:00:00.000Z</sf:LastModifiedDate>
     <sf:OwnerId>005000000000001AAA</sf:OwnerId>
     <sf:Priority>High</sf:Priority>
     <sf:Status>New</sf:Status>
     <sf:Subject>Invoice shows wrong VAT</sf:Subject>
    </sObject>
   </Notification>
  </notifications>
 </soapenv:Body>
</soapenv:Envelope>`;
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>&lol3;</OrganizationId></notifications></soapenv:Body></soapenv:Envelope>`;

describe('an Outbound Message through the local stack', () => {
  let stack: LocalStack;
  let clock: VirtualClock;

  beforeAll(async () => {
    clock = new VirtualClock(start);
    stack = await startLocalStack({ config, clock });
    const org = stack.salesforce?.org;
    org?.seedOwner({ id: '005000000000001AAA', name: 'Aino Agent', email: 'aino@example.com' });
    org?.seedOwner({ id: '005000000000002AAA', name: 'Sami Senior', email: 'sami@example.com' });
    org?.seed({
      type: 'Case',
      id: CASE,
      fields: { Subject: 'Invoice shows wrong VAT', Priority: 'High', Status: 'New', OwnerId: '005000000000001AAA' },
    });
    org?.seed({
      type: 'Case',
      id: '500000000000002AAA',
      fields: { Subject: 'Untouched', Priority: 'High', Status: 'New', OwnerId: '005000000000001AAA' },
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const post = (url: string, body: string | Buffer, contentType = 'text/xml; charset=utf-8') =>
    fetch(url, { method: 'POST', headers: { 'content-type': contentType, soapaction: '""' }, body });

  it('answers the SOAP Ack and escalates the case an open hour later', async () => {
    const response = await post(stack.salesforceOutboundUrl as string, outboundMessage());
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<Ack>true</Ack>');
    await clock.runUntil(start + 2 * 3600_000);
    const tasks = stack.salesforce?.org.records('Task') ?? [];
    expect(tasks.map((task) => [task['OwnerId'], task['WhatId']])).toEqual([['005000000000002AAA', CASE]]);
    expect(stack.salesforce?.org.get('Case', CASE)?.['OwnerId']).toBe('005000000000002AAA');
  });

  const untouched = { crm: 'salesforce', kind: 'case', id: '500000000000002AAA' } as const;
  const wrongToken = () => `${(stack.salesforceOutboundUrl as string).replace(/[^/]+$/, '')}${'x'.repeat(32)}`;

  it.each([
    [
      'a forged organization id',
      () =>
        post(
          stack.salesforceOutboundUrl as string,
          outboundMessage({ org: '00D000000000002AAA', caseId: untouched.id, notification: '04l000000000002AAA' }),
        ),
      403,
      'unknown_organization',
    ],
    [
      'a wrong path token',
      () => post(wrongToken(), outboundMessage({ caseId: untouched.id, notification: '04l000000000003AAA' })),
      403,
      'bad_path_token',
    ],
    [
      'malformed XML',
      () => post(stack.salesforceOutboundUrl as string, outboundMessage({ caseId: untouched.id }).slice(0, 700)),
      400,
      'malformed_xml',
    ],
    [
      'an entity-expansion payload',
      () => post(stack.salesforceOutboundUrl as string, BILLION_LAUGHS),
      400,
      'xml_entities_forbidden',
    ],
    [
      'an oversized body',
      () => post(stack.salesforceOutboundUrl as string, Buffer.alloc(1024 * 1024 + 1, 'a')),
      413,
      'payload_too_large',
    ],
    [
      'a wrong content type',
      () => post(stack.salesforceOutboundUrl as string, outboundMessage({ caseId: untouched.id }), 'application/json'),
      415,
      'unsupported_media_type',
    ],
  ])('refuses %s with its own code and changes nothing', async (_, send, status, code) => {
    const executions = stack.workflows.executions().length;
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get('x-crmflow-error')).toBe(code);
    expect(await response.text()).toContain(code);
    await clock.runUntil(clock.now() + 3600_000);
    expect(await stack.store.getRecord(untouched)).toBeUndefined();
    expect(await stack.store.listAudit(untouched)).toEqual([]);
    expect(stack.workflows.executions()).toHaveLength(executions);
    expect(stack.queue.deadLetters).toEqual([]);
    expect(stack.salesforce?.org.get('Case', untouched.id)?.['OwnerId']).toBe('005000000000001AAA');
  });
});
