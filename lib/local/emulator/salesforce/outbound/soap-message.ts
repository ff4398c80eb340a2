/** The namespaces of a Salesforce Outbound Message, as its WSDL defines them. */
export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const OUTBOUND_NS = 'http://soap.sforce.com/2005/09/outbound';
export const ENTERPRISE_SOBJECT_NS = 'urn:sobject.enterprise.soap.sforce.com';

export interface OutboundNotification {
  /** `04l…`: the same on every retry, so the receiver can dedupe. */
  readonly id: string;
  readonly sobjectType: string;
  /** Field name → text, in the order to write them. */
  readonly fields: readonly (readonly [string, string])[];
}

export interface OutboundEnvelope {
  readonly organizationId: string;
  /** `04k…`: the outbound message definition that fired. */
  readonly actionId: string;
  readonly enterpriseUrl: string;
  readonly partnerUrl: string;
  readonly notifications: readonly OutboundNotification[];
}

/** The SOAP 1.1 body Salesforce POSTs for an Outbound Message (SessionId nil: "send session id" off). */
export function outboundMessageXml(envelope: OutboundEnvelope): string {
  const notifications = envelope.notifications
    .map(
      (n) =>
        `   <Notification>\n` +
        `    <Id>${escapeXml(n.id)}</Id>\n` +
        `    <sObject xsi:type="sf:${escapeXml(n.sobjectType)}" xmlns:sf="${ENTERPRISE_SOBJECT_NS}">\n` +
        n.fields.map(([name, value]) => `     <sf:${name}>${escapeXml(value)}</sf:${name}>\n`).join('') +
        `    </sObject>\n` +
        `   </Notification>\n`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENVELOPE_NS}" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n` +
    ` <soapenv:Body>\n` +
    `  <notifications xmlns="${OUTBOUND_NS}">\n` +
    `   <OrganizationId>${escapeXml(envelope.organizationId)}</OrganizationId>\n` +
    `   <ActionId>${escapeXml(envelope.actionId)}</ActionId>\n` +
    `   <SessionId xsi:nil="true"/>\n` +
    `   <EnterpriseUrl>${escapeXml(envelope.enterpriseUrl)}</EnterpriseUrl>\n` +
    `   <PartnerUrl>${escapeXml(envelope.partnerUrl)}</PartnerUrl>\n` +
    notifications +
    `  </notifications>\n` +
    ` </soapenv:Body>\n` +
    `</soapenv:Envelope>\n`
  );
}

// XML 1.0 cannot carry most control characters, even escaped: Salesforce drops them too.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
