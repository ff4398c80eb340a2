/**
 * Every error the edge answers, with its HTTP status. Codes are a public contract (CRM admins and
 * monitors match on them): add new ones, never rename. Only `enqueue_failed` and `internal_error`
 * are 5xx — the CRM retries those, and nothing was queued, so nothing is lost or doubled.
 */
export const ERROR_STATUS = {
  not_found: 404,
  not_configured: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  malformed_xml: 400,
  xml_entities_forbidden: 400,
  malformed_json: 400,
  missing_signature: 401,
  bad_signature: 401,
  stale_timestamp: 401,
  legacy_signature_refused: 401,
  bad_api_key: 401,
  bad_path_token: 403,
  unknown_organization: 403,
  unknown_portal: 403,
  invalid_outbound_message: 422,
  invalid_payload: 422,
  internal_error: 500,
  enqueue_failed: 503,
} as const satisfies Record<string, number>;

export type EdgeErrorCode = keyof typeof ERROR_STATUS;
