import { createHash, createHmac } from 'node:crypto';

/**
 * The three signatures HubSpot puts on its requests, computed from their parts — HubSpot's
 * "Validating requests" (developers.hubspot.com/docs/api/webhooks/validating-requests). The body
 * goes in as the bytes received: HubSpot signs the UTF-8 string it sent, which is those bytes.
 */

/** `X-HubSpot-Signature-v3`: base64 HMAC-SHA256(client secret, method + uri + body + timestamp). */
export function signatureV3(
  clientSecret: string,
  parts: { method: string; uri: string; rawBody: Uint8Array | string; timestamp: string },
): string {
  return createHmac('sha256', clientSecret)
    .update(parts.method + parts.uri)
    .update(parts.rawBody)
    .update(parts.timestamp)
    .digest('base64');
}

/** `X-HubSpot-Signature` with version v2: hex SHA-256(client secret + method + uri + body). */
export function signatureV2(
  clientSecret: string,
  parts: { method: string; uri: string; rawBody: Uint8Array | string },
): string {
  return createHash('sha256')
    .update(clientSecret + parts.method + parts.uri)
    .update(parts.rawBody)
    .digest('hex');
}

/** `X-HubSpot-Signature` with version v1: hex SHA-256(client secret + body). */
export function signatureV1(clientSecret: string, rawBody: Uint8Array | string): string {
  return createHash('sha256').update(clientSecret).update(rawBody).digest('hex');
}
