import type { WebhookRequest } from './types.ts';
import { refuse, type Refused } from './verdict.ts';

/** CRMs send ≤ 100 records per request; 1 MiB holds that with room, and bounds what we parse. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const XML_MEDIA_TYPES = ['text/xml', 'application/xml'] as const;
export const JSON_MEDIA_TYPES = ['application/json'] as const;

/** Size, then content type (charset, if given, must be UTF-8): the checks before any parsing. */
export function checkBody(request: WebhookRequest, mediaTypes: readonly string[]): Refused | undefined {
  if (request.rawBody.length > MAX_BODY_BYTES) {
    return refuse('payload_too_large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
  }
  const expected = `send Content-Type: ${mediaTypes.join(' or ')} (UTF-8)`;
  const contentType = parseContentType(request.headers['content-type']);
  if (!contentType || !mediaTypes.includes(contentType.mediaType)) return refuse('unsupported_media_type', expected);
  if (contentType.charset !== undefined && !['utf-8', 'utf8'].includes(contentType.charset)) {
    return refuse('unsupported_media_type', expected);
  }
  return undefined;
}

/** `text/xml; charset="UTF-8"` → `{ mediaType: 'text/xml', charset: 'utf-8' }`. */
export function parseContentType(header: string | undefined): { mediaType: string; charset?: string } | undefined {
  if (header === undefined) return undefined;
  const [type = '', ...parameters] = header.split(';');
  const mediaType = type.trim().toLowerCase();
  if (mediaType === '') return undefined;
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"(.*)"$/, '$1');
  return charset === undefined ? { mediaType } : { mediaType, charset };
}
