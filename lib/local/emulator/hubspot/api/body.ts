import { HubSpotApiError, badRequest } from '../api-error.ts';
import { resolveObjectType, type ObjectTypeDef } from '../object-types.ts';

/** The request body as a JSON object, or the 400 HubSpot answers for anything else. */
export function objectBody(body: unknown): Readonly<Record<string, unknown>> {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  throw badRequest('Invalid input JSON: the request body must be a JSON object');
}

/** `inputs` of a batch request: a non-empty list of objects, at most 100 (HubSpot's batch limit). */
export function batchInputs(body: unknown, limit = 100): Readonly<Record<string, unknown>>[] {
  const inputs = objectBody(body).inputs;
  if (!Array.isArray(inputs)) throw badRequest('Invalid input JSON: inputs must be a list');
  if (inputs.length > limit) throw badRequest(`Batch input is limited to ${limit} inputs; got ${inputs.length}`);
  return inputs.map((input) => objectBody(input));
}

export function objectTypeOf(name: string | undefined): ObjectTypeDef {
  const def = name === undefined ? undefined : resolveObjectType(name);
  if (!def) throw badRequest(`Unable to infer object type from: ${name ?? ''}`);
  return def;
}

export function methodNotAllowed(method: string): HubSpotApiError {
  return new HubSpotApiError(405, 'METHOD_NOT_ALLOWED', `HTTP method ${method} is not supported by this resource`);
}

export const routeNotFound = (): HubSpotApiError =>
  new HubSpotApiError(404, 'OBJECT_NOT_FOUND', 'Resource not found: no such route');

/** Repeated (`properties=a&properties=b`) or comma-separated (`properties=a,b`) query values. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name);
  if (values.length === 0) return undefined;
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** A paging cursor or limit from the query or body: a non-negative whole number. */
export function wholeNumber(value: unknown, what: string, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`${what} must be a non-negative whole number: ${String(value)}`);
  return n;
}
