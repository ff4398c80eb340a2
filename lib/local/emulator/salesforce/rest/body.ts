import { SalesforceApiError } from '../api-error.ts';

/** The request body as a JSON object, or the JSON_PARSER_ERROR Salesforce answers for anything else. */
export function objectBody(body: unknown): Readonly<Record<string, unknown>> {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  throw new SalesforceApiError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object');
}

export function methodNotAllowed(method: string, allowed: readonly string[]): SalesforceApiError {
  return new SalesforceApiError(
    405,
    'METHOD_NOT_ALLOWED',
    `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`,
  );
}
