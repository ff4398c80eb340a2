/**
 * Edge throughput: signed HubSpot batches and Salesforce Outbound Messages through the real
 * handleWebhook in-process (in-memory queue), against the bare floor of the same work on the same
 * bytes (HMAC + JSON.parse; one fast-xml-parser parse).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import type { CrmEvent } from '../lib/core/model/crm-event.ts';
import type { EventQueue } from '../lib/core/ports/queue.ts';
import { signatureV3 } from '../lib/crm/hubspot/webhooks/signatures.ts';
import { handleWebhook, type EdgeDeps, type WebhookRequest } from '../lib/edge/index.ts';
import { rate, type RateOptions, type Summary } from './stats.ts';

const NOW = Date.parse('2026-12-02T07:00:00Z');
const PORTAL_ID = '62515';
const ORG_ID = '00D5g000004XyZaEAK';
const BASE = 'https://hooks.example.com';
const SECRETS = {
  hubspotClientSecret: randomBytes(32).toString('base64url'),
  salesforcePathToken: randomBytes(24).toString('base64url'),
};

/** Counts and drops: the queue's cost is not the edge's. */
class CountingQueue implements EventQueue {
  count = 0;
  async enqueue(events: readonly CrmEvent[]): Promise<void> {
    this.count += events.length;
  }
}

export function edgeDeps(queue: EventQueue): EdgeDeps {
  return {
    config: { hubspot: { portalId: PORTAL_ID }, salesforce: { orgId: ORG_ID } } as EdgeDeps['config'],
    secrets: SECRETS,
    queue,
    clock: { now: () => NOW } as EdgeDeps['clock'],
    publicBaseUrl: BASE,
  };
}

export function hubspotBatch(events = 10): WebhookRequest {
  const body = JSON.stringify(
    Array.from({ length: events }, (_, i) => ({
      eventId: 1796194001 + i,
      subscriptionId: 2345678,
      portalId: Number(PORTAL_ID),
      appId: 987654,
      occurredAt: NOW - 2_000,
      subscriptionType: 'ticket.propertyChange',
      attemptNumber: 0,
      objectId: 65059681032 + i,
      propertyName: 'hs_pipeline_stage',
      propertyValue: '4',
      changeSource: 'CRM_UI',
    })),
  );
  const rawBody = Buffer.from(body, 'utf8');
  const timestamp = String(NOW);
  const uri = `${BASE}/webhooks/hubspot`;
  const signature = signatureV3(SECRETS.hubspotClientSecret, { method: 'POST', uri, rawBody, timestamp });
  return {
    method: 'POST',
    path: '/webhooks/hubspot',
    headers: {
      'content-type': 'application/json',
      host: 'hooks.example.com',
      'x-forwarded-proto': 'https',
      'x-hubspot-signature-v3': signature,
      'x-hubspot-request-timestamp': timestamp,
    },
    rawBody,
  };
}

export function outboundMessage(notifications = 5): WebhookRequest {
  const body = Array.from({ length: notifications }, (_, i) => {
    const n = String(i).padStart(3, '0');
    return (
      `<Notification><Id>04l5g00000Ab${n}AAV</Id><sObject xsi:type="sf:Case" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">` +
      `<sf:Id>5005g00000Q1${n}AAF</sf:Id><sf:CaseNumber>00001${n}</sf:CaseNumber><sf:ContactId xsi:nil="true"/>` +
      `<sf:CreatedDate>2026-11-30T14:12:09.000+0000</sf:CreatedDate><sf:IsClosed>false</sf:IsClosed>` +
      `<sf:LastModifiedDate>2026-12-02T06:58:41.000+0000</sf:LastModifiedDate><sf:OwnerId>0055g00000AbC01AAB</sf:OwnerId>` +
      `<sf:Priority>High</sf:Priority><sf:Status>New</sf:Status><sf:Subject>Parcel arrived damaged &amp; late</sf:Subject>` +
      `</sObject></Notification>`
    );
  }).join('');
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<soapenv:Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>${ORG_ID}</OrganizationId>` +
    `<ActionId>04k5g000000CaSeAAC</ActionId><SessionId xsi:nil="true"/><EnterpriseUrl>https://acme.my.salesforce.com/services/Soap/c/62.0</EnterpriseUrl>` +
    `<PartnerUrl>https://acme.my.salesforce.com/services/Soap/u/62.0</PartnerUrl>${body}</notifications></soapenv:Body></soapenv:Envelope>`;
  return {
    method: 'POST',
    path: `/webhooks/salesforce/outbound/${SECRETS.salesforcePathToken}`,
    headers: { 'content-type': 'text/xml; charset=utf-8', host: 'hooks.example.com' },
    rawBody: Buffer.from(xml, 'utf8'),
  };
}

export interface EdgeFigure {
  readonly name: string;
  readonly eventsPerRequest: number;
  readonly bytes: number;
  /** Requests per second through handleWebhook. */
  readonly edge: Summary;
  /** Requests per second of the bare floor. */
  readonly floor: Summary;
  /** edge median / floor median (1 = as fast as the floor). */
  readonly ratio: number;
}

export async function measureEdge(options: RateOptions): Promise<EdgeFigure[]> {
  const queue = new CountingQueue();
  const deps = edgeDeps(queue);
  const hubspot = hubspotBatch(10);
  const salesforce = outboundMessage(5);
  const secret = SECRETS.hubspotClientSecret;
  const uri = `${BASE}/webhooks/hubspot`;
  const timestamp = String(NOW);
  const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, parseTagValue: false });

  const cases = [
    {
      name: 'HubSpot v3 batch',
      events: 10,
      request: hubspot,
      floor: () => {
        createHmac('sha256', secret).update(`POST${uri}`).update(hubspot.rawBody).update(timestamp).digest('base64');
        return JSON.parse(hubspot.rawBody.toString('utf8')) as unknown;
      },
    },
    {
      name: 'Salesforce Outbound Message',
      events: 5,
      request: salesforce,
      floor: () => parser.parse(salesforce.rawBody) as unknown,
    },
  ];
  const figures: EdgeFigure[] = [];
  for (const { name, events, request, floor } of cases) {
    const check = await handleWebhook(request, deps);
    if (check.status !== 200) throw new Error(`${name}: the edge answered ${check.status} ${check.body}`);
    const before = queue.count;
    await handleWebhook(request, deps);
    if (queue.count - before !== events) throw new Error(`${name}: queued ${queue.count - before}, not ${events}`);
    const edge = await rate(() => handleWebhook(request, deps), options);
    const bare = await rate(floor, options);
    figures.push({
      name,
      eventsPerRequest: events,
      bytes: request.rawBody.length,
      edge,
      floor: bare,
      ratio: edge.median / bare.median,
    });
  }
  return figures;
}
