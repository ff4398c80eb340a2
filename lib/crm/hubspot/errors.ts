import { CrmError } from '../../core/ports/crm.ts';

/** A CrmError that knows the HTTP status HubSpot answered with (undefined when none came). */
export class HubSpotCrmError extends CrmError {
  readonly status: number | undefined;
  constructor(code: string, message: string, retryable: boolean, status?: number) {
    super(code, message, retryable);
    this.status = status;
  }
}

interface ErrorBody {
  readonly message?: unknown;
  readonly category?: unknown;
  readonly errorType?: unknown;
  readonly policyName?: unknown;
  readonly status?: unknown;
}

/**
 * An error answer (status ≥ 400) → CrmError. Retryable: 429 whatever its policy (the ten-secondly
 * burst limit passes in seconds, the daily one in hours: the workflow's backoff decides how long to
 * wait), and every 5xx. The code is HubSpot's `category` (`OBJECT_NOT_FOUND`, `VALIDATION_ERROR`,
 * `RATE_LIMITS`, …), else its `errorType`, else the OAuth endpoint's `status` (`BAD_REFRESH_TOKEN`),
 * else `HTTP_<status>` for bodies that are not HubSpot's.
 */
export function fromHttpResponse(status: number, text: string): HubSpotCrmError {
  let body: ErrorBody = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as ErrorBody;
  } catch {
    // Not JSON (a proxy's HTML page, an empty 502): the status alone decides.
  }
  // The OAuth endpoint names its refusal in `status` (BAD_REFRESH_TOKEN); the CRM API says 'error' there.
  const named = body.status === 'error' ? undefined : stringOf(body.status);
  const code = stringOf(body.category) ?? stringOf(body.errorType) ?? named ?? `HTTP_${status}`;
  const policy = stringOf(body.policyName);
  const message = stringOf(body.message) ?? (text.trim().slice(0, 200) || 'no details');
  return new HubSpotCrmError(
    code,
    `HubSpot answered ${status} ${code}${policy ? ` (${policy})` : ''}: ${message}`,
    status === 429 || status >= 500,
    status,
  );
}

/** Errors that never reached an HTTP answer: timeouts and network failures are worth another try. */
export function fromTransportFailure(error: unknown): HubSpotCrmError | undefined {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'TimeoutError' || name === 'AbortError' || code === 'ETIMEDOUT') {
    return new HubSpotCrmError('TIMEOUT', `HubSpot did not answer in time: ${message}`, true);
  }
  // Node's system errors (ECONNREFUSED, ECONNRESET, ENOTFOUND, EAI_AGAIN, …) carry a string code.
  if (typeof code === 'string' && /^(E[A-Z_]+|UND_ERR_[A-Z_]+)$/.test(code)) {
    return new HubSpotCrmError('NETWORK_ERROR', `HubSpot could not be reached: ${code}`, true);
  }
  return undefined;
}

/**
 * Whatever a client call threw → CrmError. Error answers are classified in the client's middleware,
 * where the status is known; an ApiException (status as `code`, parsed `body`) is read here too.
 */
export function toCrmError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  const { code, body } = (error ?? {}) as { code?: unknown; body?: unknown };
  if (typeof code === 'number' && code >= 400) {
    return fromHttpResponse(code, typeof body === 'string' ? body : JSON.stringify(body ?? null));
  }
  const transport = fromTransportFailure(error);
  if (transport) return transport;
  const message = error instanceof Error ? error.message : String(error);
  return new HubSpotCrmError('UNEXPECTED', `HubSpot call failed: ${message}`, false);
}

const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;
