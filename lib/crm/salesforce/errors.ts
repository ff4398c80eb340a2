import { CrmError } from '../../core/ports/crm.ts';

/** HTTP statuses a later attempt can get past. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * Salesforce error codes a later attempt can get past, whatever the status: REQUEST_LIMIT_EXCEEDED
 * comes as 403 (the org's API limit), UNABLE_TO_LOCK_ROW as 400 (another transaction holds the record).
 */
const RETRYABLE_CODES = new Set([
  'REQUEST_LIMIT_EXCEEDED',
  'SERVER_UNAVAILABLE',
  'UNABLE_TO_LOCK_ROW',
  'QUERY_TIMEOUT',
  'TIMEOUT',
  'NETWORK_ERROR',
]);

export const isRetryableCode = (code: string): boolean => RETRYABLE_CODES.has(code);

interface ApiErrorBody {
  readonly errorCode?: unknown;
  readonly message?: unknown;
}

/** An error answer (status ≥ 400) → CrmError, from the status and Salesforce's `[{ errorCode, message }]`. */
export function fromHttpResponse(status: number, body: string): CrmError {
  let errors: ApiErrorBody[] = [];
  try {
    const parsed: unknown = JSON.parse(body);
    errors = (Array.isArray(parsed) ? parsed : [parsed]).filter(
      (e): e is ApiErrorBody => typeof e === 'object' && e !== null,
    );
  } catch {
    // Not JSON (a proxy's HTML page, an empty 503): the status alone decides.
  }
  const codes = errors
    .map((e) => (typeof e.errorCode === 'string' ? e.errorCode : undefined))
    .filter((c) => c !== undefined);
  const code = codes[0] ?? `HTTP_${status}`;
  const message =
    errors.map((e) => (typeof e.message === 'string' ? e.message : '')).find((m) => m) ?? body.slice(0, 200);
  const retryable = RETRYABLE_STATUSES.has(status) || codes.some(isRetryableCode);
  return new CrmError(code, `Salesforce answered ${status} ${code}: ${message}`, retryable);
}

/** Errors that never reached an HTTP answer: timeouts and network failures are worth another try. */
export function fromTransportFailure(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  const name = (error as { name?: unknown } | undefined)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'AbortError' || name === 'TimeoutError') {
    return new CrmError('TIMEOUT', `Salesforce did not answer in time: ${message}`, true);
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const detail =
    typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : message;
  return new CrmError('NETWORK_ERROR', `Salesforce could not be reached: ${detail}`, true);
}

/** Whatever a jsforce call threw → CrmError. HTTP answers were classified in the transport already. */
export function toCrmError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  const code = (error as { errorCode?: unknown } | undefined)?.errorCode;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string') return new CrmError(code, `Salesforce: ${message}`, isRetryableCode(code));
  return new CrmError('UNEXPECTED', `Salesforce call failed: ${message}`, false);
}
