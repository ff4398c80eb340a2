import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { WebhookRequest, WebhookResponse } from '../../lib/edge/index.ts';

/**
 * An HTTP API (payload 2.0) event → the edge's request: raw bytes (base64 decoded), lower-case
 * headers, and the query string as sent (HubSpot signs the whole URL).
 */
export function toWebhookRequest(event: APIGatewayProxyEventV2): WebhookRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  const body = event.body ?? '';
  return {
    method: event.requestContext.http.method,
    path: event.rawPath,
    ...(event.rawQueryString ? { query: event.rawQueryString } : {}),
    headers,
    rawBody: Buffer.from(body, event.isBase64Encoded ? 'base64' : 'utf8'),
  };
}

export function toApiGatewayResult(response: WebhookResponse): APIGatewayProxyStructuredResultV2 {
  return { statusCode: response.status, headers: { ...response.headers }, body: response.body, isBase64Encoded: false };
}
