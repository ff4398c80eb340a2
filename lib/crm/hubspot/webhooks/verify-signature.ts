import type { Instant } from '../../../core/time/instant.ts';
import { sameSecret } from '../../shared/constant-time.ts';
import {
  SIGNATURE_HEADER,
  SIGNATURE_V3_HEADER,
  SIGNATURE_VERSION_HEADER,
  TIMESTAMP_HEADER,
  headerValue,
} from './headers.ts';
import { ok, rejected, type HubSpotResult } from './rejection.ts';
import { outsideWindow, parseTimestamp } from './request-timestamp.ts';
import { v3SignedUri } from './signed-uri.ts';
import { signatureV1, signatureV2, signatureV3 } from './signatures.ts';

/** A shorter client secret is treated as none: HubSpot's are 36-character UUIDs, so this is a paste error. */
export const MIN_CLIENT_SECRET_LENGTH = 32;

export interface HubSpotSignedRequest {
  readonly method: string;
  /** The URL HubSpot sent the request to — scheme, host, path, query — as received, not decoded. */
  readonly uri: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly rawBody: Uint8Array;
}

export interface SignatureOptions {
  /** The app's client secret. */
  readonly clientSecret: string;
  /**
   * v1 and v2 sign no timestamp, so a captured request verifies forever and cannot be told from a
   * replay. Off unless the deployment opts in; HubSpot sends v3 alongside them anyway.
   */
  readonly allowLegacySignatures?: boolean;
  readonly now: Instant;
}

export type VerifiedSignature =
  { readonly version: 'v3'; readonly signedAt: Instant } | { readonly version: 'v1' | 'v2' };

/**
 * Whether HubSpot signed this request. v3 is judged whenever it is there, even next to a v1/v2
 * signature (HubSpot sends both): falling back to the weaker one would let a stripped header
 * downgrade the check. As for Salesforce callouts, the signature is judged before the timestamp's
 * age, so `stale_timestamp` is only ever said of a request HubSpot really signed.
 */
export function verifyHubSpotSignature(
  request: HubSpotSignedRequest,
  options: SignatureOptions,
): HubSpotResult<VerifiedSignature> {
  const v3 = headerValue(request.headers, SIGNATURE_V3_HEADER);
  if (v3 !== undefined) return verifyV3(request, v3, options);
  const legacy = headerValue(request.headers, SIGNATURE_HEADER);
  if (legacy !== undefined) return verifyLegacy(request, legacy, options);
  return rejected('missing_signature', 'send X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp headers');
}

function verifyV3(
  request: HubSpotSignedRequest,
  signature: string,
  options: SignatureOptions,
): HubSpotResult<VerifiedSignature> {
  const timestamp = headerValue(request.headers, TIMESTAMP_HEADER);
  if (timestamp === undefined) {
    return rejected('missing_signature', 'X-HubSpot-Signature-v3 came without X-HubSpot-Request-Timestamp');
  }
  const signedAt = parseTimestamp(timestamp);
  if (signedAt === undefined) {
    return rejected('bad_signature', 'X-HubSpot-Request-Timestamp must be unix time in milliseconds');
  }
  const expected = signatureV3(options.clientSecret, {
    method: request.method,
    uri: v3SignedUri(request.uri),
    rawBody: request.rawBody,
    timestamp,
  });
  if (!sameSecret(signature, expected)) {
    return rejected(
      'bad_signature',
      'X-HubSpot-Signature-v3 does not match the method, URL, body and timestamp — check the client secret and the public URL',
    );
  }
  const stale = outsideWindow(signedAt, options.now);
  if (stale !== undefined) return rejected('stale_timestamp', stale);
  return ok({ version: 'v3', signedAt });
}

function verifyLegacy(
  request: HubSpotSignedRequest,
  signature: string,
  options: SignatureOptions,
): HubSpotResult<VerifiedSignature> {
  if (!options.allowLegacySignatures) {
    return rejected(
      'legacy_signature_refused',
      'only X-HubSpot-Signature-v3 is accepted: v1/v2 signatures carry no timestamp, so replays cannot be refused',
    );
  }
  const version = headerValue(request.headers, SIGNATURE_VERSION_HEADER)?.toLowerCase();
  if (version !== 'v1' && version !== 'v2') {
    return rejected('bad_signature', 'X-HubSpot-Signature-Version must be v1 or v2 for X-HubSpot-Signature');
  }
  const expected =
    version === 'v1'
      ? signatureV1(options.clientSecret, request.rawBody)
      : signatureV2(options.clientSecret, { method: request.method, uri: request.uri, rawBody: request.rawBody });
  if (!sameSecret(signature.toLowerCase(), expected)) {
    return rejected('bad_signature', `X-HubSpot-Signature (${version}) does not match the request`);
  }
  return ok({ version });
}
