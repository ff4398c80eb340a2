import { ok, rejected, type HubSpotResult } from './rejection.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A verified body → JSON. JSON.parse's own messages quote the input, so a syntax error is told without them. */
export function readJson(rawBody: Uint8Array): HubSpotResult<unknown> {
  try {
    return ok(JSON.parse(utf8.decode(rawBody)) as unknown);
  } catch {
    return rejected('malformed_json', 'the body is not UTF-8 JSON');
  }
}
