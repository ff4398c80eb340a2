/** Why a HubSpot request was refused. Codes are stable: the edge answers and logs them. */
export type HubSpotRejectionCode =
  | 'missing_signature'
  | 'bad_signature'
  | 'stale_timestamp'
  | 'legacy_signature_refused'
  | 'bad_api_key'
  | 'malformed_json'
  | 'invalid_payload';

export interface HubSpotRejection {
  readonly code: HubSpotRejectionCode;
  /** Says where and what, never a payload value (these messages are logged and echoed). */
  readonly message: string;
}

export type HubSpotResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rejection: HubSpotRejection };

export const rejected = (code: HubSpotRejectionCode, message: string): HubSpotResult<never> => ({
  ok: false,
  rejection: { code, message },
});

export const ok = <T>(value: T): HubSpotResult<T> => ({ ok: true, value });
