import { createHash, createHmac } from 'node:crypto';

/**
 * The signature headers HubSpot puts on webhook requests of the webhooks API: v3 (HMAC-SHA256 of
 * method + URI + body + timestamp with the app secret, base64) with its timestamp, and, for
 * backwards compatibility, v1 (hex SHA-256 of secret + body), which the version header names.
 */
export function signatureHeaders(
  clientSecret: string,
  url: string,
  body: string,
  timestamp: number,
): Record<string, string> {
  return {
    'x-hubspot-signature': createHash('sha256')
      .update(clientSecret + body, 'utf8')
      .digest('hex'),
    'x-hubspot-signature-version': 'v1',
    'x-hubspot-signature-v3': createHmac('sha256', clientSecret)
      .update(`POST${url}${body}${timestamp}`, 'utf8')
      .digest('base64'),
    'x-hubspot-request-timestamp': String(timestamp),
  };
}
