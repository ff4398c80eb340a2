import { createHmac } from 'node:crypto';
import type { Instant } from '../../core/time/instant.ts';
import { sameSecret } from '../shared/constant-time.ts';
import { rejected, type SignedJsonResult } from './rejection.ts';

export const SIGNATURE_HEADER = 'x-crmflow-signature';
export const TIMESTAMP_HEADER = 'x-crmflow-timestamp';
/** How far a timestamp may be from our clock, either way: past for replays, future for clock skew. */
export const REPLAY_WINDOW_SECONDS = 300;
/** A shorter shared secret is treated as none: it could be guessed offline from one signed request. */
export const MIN_SECRET_LENGTH = 32;

/** `sha256=<hex HMAC-SHA256(secret, timestamp + "." + rawBody)>`, the value of X-Crmflow-Signature. */
export function signatureFor(secret: string, timestamp: string, rawBody: Uint8Array | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export interface SignedRequest {
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly rawBody: Uint8Array;
}

/**
 * Whether the request was signed with the secret within the replay window. The signature is checked
 * before the window, so `stale_timestamp` is only ever said of a request that was really signed by
 * the sender (a replay, or a sender whose clock is off) — a forger learns nothing but `bad_signature`.
 */
export function verifySignature(request: SignedRequest, secret: string, now: Instant): SignedJsonResult<void> {
  const signature = request.headers[SIGNATURE_HEADER]?.trim();
  const timestamp = request.headers[TIMESTAMP_HEADER]?.trim();
  if (!signature || !timestamp) {
    return rejected('missing_signature', 'send X-Crmflow-Signature and X-Crmflow-Timestamp headers');
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    return rejected('bad_signature', 'X-Crmflow-Timestamp must be unix time in seconds');
  }
  if (!sameSecret(signature.toLowerCase(), signatureFor(secret, timestamp, request.rawBody))) {
    return rejected('bad_signature', 'X-Crmflow-Signature does not match the body and timestamp');
  }
  if (Math.abs(now - Number(timestamp) * 1000) > REPLAY_WINDOW_SECONDS * 1000) {
    return rejected(
      'stale_timestamp',
      `X-Crmflow-Timestamp is more than ${REPLAY_WINDOW_SECONDS} seconds from now — sign each request when it is sent`,
    );
  }
  return { ok: true, value: undefined };
}
