/** Why a signed JSON callout was refused. Codes are stable: the edge answers and logs them. */
export type SignedJsonRejectionCode =
  'missing_signature' | 'bad_signature' | 'stale_timestamp' | 'malformed_json' | 'invalid_payload';

export interface SignedJsonRejection {
  readonly code: SignedJsonRejectionCode;
  /** Says where and what, never a payload value (these messages are logged and echoed). */
  readonly message: string;
}

export type SignedJsonResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rejection: SignedJsonRejection };

export const rejected = (code: SignedJsonRejectionCode, message: string): SignedJsonResult<never> => ({
  ok: false,
  rejection: { code, message },
});
