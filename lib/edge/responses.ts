import { soapFault } from '../crm/salesforce/outbound-message/index.ts';
import { ERROR_STATUS, type EdgeErrorCode } from './error-codes.ts';
import type { WebhookResponse } from './types.ts';

/** How a route tells its errors: JSON, or a SOAP Fault to a sender that reads SOAP. */
export type ErrorStyle = 'json' | 'soap';

/** Every answer: nothing cached, nothing sniffed. */
const BASE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

export const JSON_TYPE = 'application/json; charset=utf-8';
export const XML_TYPE = 'text/xml; charset=utf-8';

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): WebhookResponse {
  return {
    status,
    headers: { ...BASE_HEADERS, 'content-type': JSON_TYPE, ...headers },
    body: JSON.stringify(body),
  };
}

/** A bare status: HubSpot reads nothing but the status, so nothing else is sent. */
export function emptyResponse(status: number): WebhookResponse {
  return { status, headers: { ...BASE_HEADERS }, body: '' };
}

export function xmlResponse(status: number, body: string, headers: Record<string, string> = {}): WebhookResponse {
  return { status, headers: { ...BASE_HEADERS, 'content-type': XML_TYPE, ...headers }, body };
}

/**
 * `{ error: { code, message } }`, or a SOAP Fault whose faultstring starts with the code. Either
 * way the code is also in `x-crmflow-error`, so any client can read it without parsing the body.
 */
export function errorResponse(
  style: ErrorStyle,
  code: EdgeErrorCode,
  message: string,
  headers: Record<string, string> = {},
): WebhookResponse {
  const status = ERROR_STATUS[code];
  const withCode = { ...headers, 'x-crmflow-error': code };
  if (style === 'soap')
    return xmlResponse(status, soapFault(code, message, status >= 500 ? 'server' : 'client'), withCode);
  return jsonResponse(status, { error: { code, message } }, withCode);
}
