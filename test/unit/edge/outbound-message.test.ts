/** Reading Salesforce Outbound Messages: shape, typing, time, and every way a message is refused. */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { fromIso } from '../../../lib/core/time/instant.ts';
import {
  ackResponse,
  outboundMessageEvents,
  readOutboundMessage,
  soapFault,
  type OutboundMessage,
} from '../../../lib/crm/salesforce/outbound-message/index.ts';
import { NOW } from './support/edge-harness.ts';
import {
  BILLION_LAUGHS,
  ORG_ID,
  TWO_CASES,
  caseFields,
  outboundMessage,
  type NotificationSpec,
} from './support/salesforce-messages.ts';

const bytes = (text: string) => Buffer.from(text, 'utf8');

function read(xml: string | Buffer): OutboundMessage {
  const result = readOutboundMessage(typeof xml === 'string' ? bytes(xml) : xml);
  if (!result.ok) throw new Error(`expected a message, got ${result.rejection.code}: ${result.rejection.message}`);
  return result.value;
}

const rejectionOf = (xml: string | Buffer) => {
  const result = readOutboundMessage(typeof xml === 'string' ? bytes(xml) : xml);
  return result.ok ? undefined : result.rejection;
};

function eventsOf(notifications: readonly NotificationSpec[], booleanFields?: string[]) {
  return outboundMessageEvents(read(outboundMessage(notifications)), { receivedAt: NOW, booleanFields });
}

describe('a real-shaped Outbound Message', () => {
  const message = read(TWO_CASES);
  const result = outboundMessageEvents(message, { receivedAt: NOW });
  const events = result.ok ? result.value : [];

  it('reads the envelope and both notifications, and drops the session id', () => {
    expect(message.organizationId).toBe(ORG_ID);
    expect(message.actionId).toBe('04k5g000000CaSeAAC');
    expect(message.enterpriseUrl).toMatch(/^https:\/\/acme\.my\.salesforce\.com\/services\/Soap\/c\//);
    expect(message.notifications.map((n) => [n.id, n.objectType, n.recordId])).toEqual([
      ['04l5g00000AbCdEAAV', 'Case', '5005g00000Q1aBcAAF'],
      ['04l5g00000AbCdFAAV', 'Case', '5005g00000Q1aBdAAF'],
    ]);
    expect(JSON.stringify(message)).not.toMatch(/session/i);
  });

  it('makes one complete Salesforce event per notification, keyed by the Notification Id', () => {
    expect(result.ok).toBe(true);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      id: '04l5g00000AbCdEAAV',
      crm: 'salesforce',
      kind: 'case',
      recordId: '5005g00000Q1aBcAAF',
      receivedAt: NOW,
      complete: true,
    });
  });

  it('calls a change "created" when CreatedDate equals LastModifiedDate, else "updated"', () => {
    expect(events.map((event) => event.change)).toEqual(['created', 'updated']);
  });

  it('reads both of Salesforce’s timestamp spellings (Z and +0000)', () => {
    expect(events[0]?.occurredAt).toBe(fromIso('2026-12-02T07:00:00Z'));
    expect(events[1]?.occurredAt).toBe(fromIso('2026-12-02T06:58:41Z'));
  });

  it('types checkbox fields, turns xsi:nil into null, decodes references and keeps other text as written', () => {
    expect(events[1]?.fields).toMatchObject({
      IsClosed: true,
      IsEscalated: true,
      ContactId: null,
      Description: '',
      CaseNumber: '00001019',
      Status: 'Closed',
    });
    expect(events[0]?.fields).toMatchObject({ IsClosed: false, IsEscalated: false, CaseNumber: '00001026' });
    expect(events[0]?.fields.Subject).toBe('Parcel arrived damaged & late — customer <upset>');
  });

  it('carries every sf:* field and nothing else', () => {
    expect(Object.keys(events[0]?.fields ?? {}).sort()).toEqual(
      [
        'CaseNumber',
        'ContactId',
        'CreatedDate',
        'Id',
        'IsClosed',
        'IsEscalated',
        'LastModifiedDate',
        'OwnerId',
        'Priority',
        'Status',
        'Subject',
        'SystemModstamp',
      ].sort(),
    );
  });
});

describe('notifications of each object', () => {
  it('maps Case, Order, Task and Contact to their record kinds, and their checkboxes to booleans', () => {
    const result = eventsOf([
      { type: 'sf:Order', fields: caseFields({ Id: '8015g00000OrD01AAB', Expedite__c: 'true', Status: 'Activated' }) },
      { type: 'sf:Task', fields: caseFields({ Id: '00T5g00000TaS01AAB', IsHighPriority: 'false' }) },
      { type: 'sf:Contact', fields: caseFields({ Id: '0035g00000XyZ12AAB', DoNotCall: 'true' }) },
    ]);
    expect(result.ok && result.value.map((event) => [event.kind, event.fields])).toEqual([
      ['order', expect.objectContaining({ Expedite__c: true })],
      ['task', expect.objectContaining({ IsHighPriority: false })],
      ['contact', expect.objectContaining({ DoNotCall: true })],
    ]);
  });

  it('reads a one-notification message as a list of one', () => {
    expect(read(outboundMessage([{ fields: caseFields() }])).notifications).toHaveLength(1);
  });

  it('leaves "true" in a field it does not know to be a checkbox as text, unless config maps it', () => {
    const fields = caseFields({ Rush__c: 'true' });
    const plain = eventsOf([{ type: 'sf:Order', fields }]);
    const mapped = eventsOf([{ type: 'sf:Order', fields }], ['Rush__c']);
    expect(plain.ok && plain.value[0]?.fields.Rush__c).toBe('true');
    expect(mapped.ok && mapped.value[0]?.fields.Rush__c).toBe(true);
  });

  it('falls back to SystemModstamp when LastModifiedDate was not selected', () => {
    const result = eventsOf([{ fields: { Id: '5005g00000Q1aBcAAF', SystemModstamp: '2026-12-02T06:00:00.000+0000' } }]);
    expect(result.ok && result.value[0]).toMatchObject({
      occurredAt: fromIso('2026-12-02T06:00:00Z'),
      change: 'updated',
    });
  });

  it('takes CDATA literally', () => {
    const result = eventsOf([{ fields: caseFields({ Subject: '<![CDATA[a &amp; <b>]]>' }) }]);
    expect(result.ok && result.value[0]?.fields.Subject).toBe('a &amp; <b>');
  });
});

describe('notifications that cannot become events', () => {
  it('refuses a notification with no modification time, saying what to add', () => {
    const result = eventsOf([{ fields: { Id: '5005g00000Q1aBcAAF', Subject: 'x' } }]);
    expect(result.ok || result.rejection).toMatchObject({
      code: 'invalid_outbound_message',
      message: expect.stringMatching(/^Notification\[0\]: .*add LastModifiedDate/),
    });
  });

  it('refuses unreadable timestamps and checkbox values, naming the field but never its value', () => {
    const badDate = eventsOf([{ fields: caseFields({ LastModifiedDate: 'yesterday-ish' }) }]);
    const badBox = eventsOf([{ fields: caseFields({ IsClosed: 'maybe-private' }) }]);
    expect(badDate.ok || badDate.rejection.message).toMatch(/LastModifiedDate is not a timestamp/);
    expect(badBox.ok || badBox.rejection.message).toMatch(/IsClosed is a checkbox field/);
    expect(JSON.stringify([badDate, badBox])).not.toMatch(/yesterday-ish|maybe-private/);
  });
});

describe('documents refused before they are parsed', () => {
  it('refuses the billion-laughs bomb without expanding it', () => {
    expect(rejectionOf(BILLION_LAUGHS)?.code).toBe('xml_entities_forbidden');
  });

  it.each([
    ['a DOCTYPE with no entities', '<!DOCTYPE Envelope><Envelope/>'],
    ['a lower-case doctype', '<!doctype x [<!entity a "b">]><x/>'],
    ['an external entity (XXE)', '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>'],
    ['an ENTITY declaration in the middle', `${TWO_CASES.slice(0, 200)}<!ENTITY a "b">${TWO_CASES.slice(200)}`],
  ])('refuses %s', (_what, xml) => {
    expect(rejectionOf(xml)?.code).toBe('xml_entities_forbidden');
  });

  it.each([
    ['an undeclared entity reference', outboundMessage([{ fields: caseFields({ Subject: '&lol9;' }) }])],
    ['a bare ampersand', outboundMessage([{ fields: caseFields({ Subject: 'A & B' }) }])],
    ['a reference to a character XML forbids', outboundMessage([{ fields: caseFields({ Subject: '&#0;' }) }])],
    ['a control character', outboundMessage([{ fields: caseFields({ Subject: 'bell\u0007' }) }])],
    ['an unclosed tag', TWO_CASES.replace('</sf:Status>', '')],
    ['a truncated document', TWO_CASES.slice(0, TWO_CASES.length / 2)],
    ['an empty body', ''],
    ['JSON', '{"events":[]}'],
  ])('calls %s malformed XML', (_what, xml) => {
    expect(rejectionOf(xml)?.code).toBe('malformed_xml');
  });

  it('calls bytes that are not UTF-8 malformed XML', () => {
    expect(
      rejectionOf(Buffer.concat([bytes('<Envelope>'), Buffer.from([0xc3, 0x28]), bytes('</Envelope>')]))?.code,
    ).toBe('malformed_xml');
  });

  it('does not quote the payload in a syntax error', () => {
    const rejection = rejectionOf(TWO_CASES.replace('</sf:Subject>', '</sf:Secret-Subject>'));
    expect(rejection?.message).toMatch(/line \d+/);
    expect(rejection?.message).not.toContain('Secret');
  });
});

describe('well-formed XML that is not an Outbound Message', () => {
  const invalid = (xml: string) => {
    const rejection = rejectionOf(xml);
    expect(rejection?.code).toBe('invalid_outbound_message');
    return rejection?.message ?? '';
  };

  it('names an object crmflow does not follow', () => {
    expect(invalid(outboundMessage([{ type: 'sf:Account', fields: caseFields() }]))).toMatch(
      /Notification\[0\]\.sObject@type: expected an sObject of type sf:Case/,
    );
  });

  it('needs an organization id, an sObject Id, and a Notification Id', () => {
    expect(invalid(outboundMessage([{ fields: caseFields() }], '0055g00000AbC01AAB'))).toMatch(/OrganizationId/);
    expect(invalid(outboundMessage([{ fields: { LastModifiedDate: '2026-12-02T07:00:00Z' } }]))).toMatch(/sObject\.Id/);
    expect(invalid(outboundMessage([{ id: 'not an id', fields: caseFields() }]))).toMatch(/Notification\[0\]\.Id/);
  });

  it('takes 1 to 100 notifications', () => {
    const many = Array.from({ length: 101 }, () => ({ fields: caseFields() }));
    expect(invalid(outboundMessage(many))).toMatch(/at most 100/);
    expect(read(outboundMessage(many.slice(0, 100))).notifications).toHaveLength(100);
    expect(invalid(outboundMessage([]))).toMatch(/Notification/);
  });

  it('refuses repeated and nested fields', () => {
    const repeated = outboundMessage([{ fields: caseFields() }]).replace(
      '<sf:Id>',
      '<sf:Status>a</sf:Status><sf:Status>b</sf:Status><sf:Id>',
    );
    const nested = outboundMessage([{ fields: caseFields({ Owner: '<sf:Name>Ann</sf:Name>' }) }]);
    expect(invalid(repeated)).toMatch(/Status: the field appears more than once/);
    expect(invalid(nested)).toMatch(/Owner: a field holds elements/);
  });

  it('refuses a second root element and an element mixing text with CDATA', () => {
    expect(invalid(`${outboundMessage([{ fields: caseFields() }])}<Envelope/>`)).toMatch(/Unrecognized key|Envelope/);
    expect(invalid(outboundMessage([{ fields: caseFields({ Subject: 'a<![CDATA[b]]>' }) }]))).toMatch(/CDATA/);
  });
});

describe('answers to Salesforce', () => {
  const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false });

  it('acknowledges with notificationsResponse/Ack true in a SOAP envelope', () => {
    expect(parser.parse(ackResponse())).toEqual({
      '?xml': '',
      Envelope: { Body: { notificationsResponse: { Ack: 'true' } } },
    });
  });

  it('tells a fault with the code first and escaped', () => {
    const fault = parser.parse(soapFault('bad_path_token', 'a <b> & "c"', 'client')).Envelope.Body.Fault;
    expect(fault).toEqual({
      faultcode: 'soapenv:Client',
      faultstring: 'bad_path_token: a <b> & "c"',
      detail: { error: { code: 'bad_path_token' } },
    });
  });
});
