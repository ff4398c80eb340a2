import { XMLParser } from 'fast-xml-parser';

// No entity expansion and no DTDs: the answer comes from whatever listens at the endpoint.
const parser = new XMLParser({ removeNSPrefix: true, processEntities: false, ignoreDeclaration: true });

/** Whether a SOAP answer acknowledges the notifications (`<Ack>true</Ack>`), as Salesforce requires. */
export function isAck(xml: string): boolean {
  try {
    const parsed = parser.parse(xml) as { Envelope?: { Body?: { notificationsResponse?: { Ack?: unknown } } } };
    return String(parsed.Envelope?.Body?.notificationsResponse?.Ack).trim() === 'true';
  } catch {
    return false;
  }
}
