/** What the listener answers Salesforce: the Ack it waits for, or a SOAP 1.1 Fault saying why not. */

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const OUTBOUND_NS = 'http://soap.sforce.com/2005/09/outbound';
/** Namespace of crmflow's fault detail, so a reader can tell our error code from any other. */
export const CRMFLOW_FAULT_NS = 'urn:crmflow:webhook';

/** `notificationsResponse` with `Ack` true: Salesforce removes the message from its retry queue. */
export function ackResponse(): string {
  return envelope(`<notificationsResponse xmlns="${OUTBOUND_NS}"><Ack>true</Ack></notificationsResponse>`);
}

/**
 * A fault carrying the error code twice: first in `faultstring`, which Salesforce's Outbound Message
 * delivery monitor can show an admin, and alone in `detail/code` for programs.
 * `server` faults (our side failed) tell Salesforce that retrying may help.
 */
export function soapFault(code: string, message: string, side: 'client' | 'server'): string {
  const faultCode = side === 'client' ? 'soapenv:Client' : 'soapenv:Server';
  return envelope(
    `<soapenv:Fault><faultcode>${faultCode}</faultcode><faultstring>${escapeXml(`${code}: ${message}`)}</faultstring>` +
      `<detail><error xmlns="${CRMFLOW_FAULT_NS}"><code>${escapeXml(code)}</code></error></detail></soapenv:Fault>`,
  );
}

function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP_ENV}"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}
