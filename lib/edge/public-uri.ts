import type { WebhookRequest } from './types.ts';

/** A host header as HTTP allows it: a name or IPv4 address, or a bracketed IPv6 one, and a port. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Whether a configured `publicBaseUrl` can prefix a path: http(s), no query, fragment or credentials. */
export function isPublicBaseUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      ['http:', 'https:'].includes(url.protocol) &&
      url.search === '' &&
      url.hash === '' &&
      url.username === '' &&
      url.password === '' &&
      !text.includes('?') &&
      !text.includes('#')
    );
  } catch {
    return false;
  }
}

/**
 * The full URL the sender called — scheme, host, path, query — which is what HubSpot signs: the
 * configured public base URL when there is one, else `X-Forwarded-Proto` (default `http`, what the
 * local server speaks) and `Host`. Undefined when neither says where the request was sent.
 */
export function publicUri(request: WebhookRequest, publicBaseUrl: string | undefined): string | undefined {
  const base = publicBaseUrl === undefined ? baseFromHeaders(request.headers) : publicBaseUrl.replace(/\/+$/, '');
  if (base === undefined) return undefined;
  return `${base}${request.path}${request.query === undefined ? '' : `?${request.query}`}`;
}

function baseFromHeaders(headers: WebhookRequest['headers']): string | undefined {
  const host = headers.host?.trim();
  if (!host || !HOST.test(host)) return undefined;
  // A proxy chain appends its hops: the first is the one the client spoke to.
  const forwarded = headers['x-forwarded-proto']?.split(',')[0]?.trim().toLowerCase();
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : 'http';
  return `${scheme}://${host}`;
}
