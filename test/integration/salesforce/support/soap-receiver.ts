import { XMLParser } from 'fast-xml-parser';
import { listen } from '../../../../lib/local/emulator/listen.ts';
import { readBody } from '../../../../lib/local/emulator/http-io.ts';

export const ACK = `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
 <soapenv:Body><notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"><Ack>true</Ack></notificationsResponse></soapenv:Body>
</soapenv:Envelope>`;

export const NACK = ACK.replace('<Ack>true</Ack>', '<Ack>false</Ack>');

export interface Received {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly xml: string;
  /** The whole document, prefixes and attributes kept (`@_xmlns:sf`), values as text. */
  readonly document: any;
  readonly notificationId: string;
  readonly sobjectType: string;
  /** `sf:` fields of the one notification, without the prefix. */
  readonly fields: Record<string, string>;
}

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });

/** An HTTP endpoint that records Outbound Messages and answers each as `answer` says. */
export async function startSoapReceiver(
  answer: (index: number, received: Received) => { status: number; body: string } = () => ({ status: 200, body: ACK }),
) {
  const received: Received[] = [];
  const server = await listen((request, response) => {
    void (async () => {
      const raw = await readBody(request, 1024 * 1024);
      const xml = raw === 'too-large' ? '' : raw.toString('utf8');
      const document = parser.parse(xml);
      const notification = document['soapenv:Envelope']['soapenv:Body'].notifications.Notification;
      const sObject = notification.sObject;
      const fields: Record<string, string> = {};
      for (const [key, value] of Object.entries(sObject))
        if (key.startsWith('sf:')) fields[key.slice(3)] = String(value);
      const item: Received = {
        headers: request.headers,
        xml,
        document,
        notificationId: notification.Id,
        sobjectType: String(sObject['@_xsi:type']).replace(/^sf:/, ''),
        fields,
      };
      received.push(item);
      const { status, body } = answer(received.length - 1, item);
      response.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' }).end(body);
    })();
  });
  return { url: `${server.url}/outbound`, received, close: () => server.close() };
}
