import { SalesforceApiError } from '../api-error.ts';
import { methodNotAllowed, objectBody } from './body.ts';
import { recordUrl } from './record-view.ts';
import type { ApiContext, ApiRequest, ApiResponse } from './types.ts';
import { json } from './types.ts';

const MAX_SUBREQUESTS = 25;
const REFERENCE = /@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g;
const API_PATH = /^\/services\/data\/v(\d+\.\d)\/([^?]*)(?:\?(.*))?$/;

interface Subrequest {
  readonly method: string;
  readonly url: string;
  readonly referenceId: string;
  readonly body?: unknown;
}

interface SubResponse {
  readonly body: unknown;
  readonly httpHeaders: Record<string, string>;
  readonly httpStatusCode: number;
  readonly referenceId: string;
}

const halted = (message: string) => [{ errorCode: 'PROCESSING_HALTED', message }];

/**
 * `POST composite`: subrequests in order, each able to use an earlier one's answer through
 * `@{ref.id}` or `@{ref.records[0].Id}`. With allOrNone, one failure rolls back all writes.
 */
export function compositeRoute(context: ApiContext, request: ApiRequest): ApiResponse {
  if (request.method !== 'POST') throw methodNotAllowed(request.method, ['POST']);
  const { compositeRequest, allOrNone } = objectBody(request.body);
  const subrequests = parseSubrequests(compositeRequest);
  const answers = new Map<string, unknown>();
  const responses: SubResponse[] = [];
  const rollback = new Error('all or none');
  try {
    context.org.transaction(() => {
      for (const sub of subrequests) {
        const response = runSubrequest(context, request, sub, answers);
        responses.push(response);
        if (response.httpStatusCode < 400) answers.set(sub.referenceId, response.body);
        else if (allOrNone === true) throw rollback;
      }
    });
  } catch (error) {
    if (error !== rollback) throw error;
    const failed = responses.length - 1;
    return json(200, {
      compositeResponse: subrequests.map((sub, i) =>
        i === failed
          ? responses[i]
          : {
              body: halted('The transaction was rolled back since another operation in the same transaction failed.'),
              httpHeaders: {},
              httpStatusCode: 400,
              referenceId: sub.referenceId,
            },
      ),
    });
  }
  return json(200, { compositeResponse: responses });
}

function runSubrequest(
  context: ApiContext,
  outer: ApiRequest,
  sub: Subrequest,
  answers: Map<string, unknown>,
): SubResponse {
  const fail = (status: number, body: unknown): SubResponse => ({
    body,
    httpHeaders: {},
    httpStatusCode: status,
    referenceId: sub.referenceId,
  });
  let url: string;
  let body: unknown;
  try {
    url = resolve(sub.url, answers);
    body = sub.body === undefined ? undefined : JSON.parse(resolve(JSON.stringify(sub.body), answers, true));
  } catch (error) {
    if (error instanceof SalesforceApiError)
      return fail(
        400,
        error.toBody().map(({ message, errorCode }) => ({ errorCode, message })),
      );
    throw error;
  }
  const match = API_PATH.exec(url);
  if (!match)
    return fail(400, [{ errorCode: 'INVALID_URL', message: `The url must start with /services/data/vXX.X: ${url}` }]);
  const version = match[1] as string;
  const response = context.dispatch({
    method: sub.method.toUpperCase(),
    segments: (match[2] as string)
      .split('/')
      .filter((s) => s.length > 0)
      .map(decodeURIComponent),
    query: new URLSearchParams(match[3] ?? ''),
    body,
    version,
    headers: outer.headers,
  });
  const headers: Record<string, string> = { ...response.headers };
  const created = response.body as { id?: unknown } | undefined;
  if (response.status === 201 && typeof created?.id === 'string') {
    const type = context.org.locate(created.id)?.type;
    if (type) headers.Location = recordUrl(version, type, created.id);
  }
  return {
    body: response.body ?? null,
    httpHeaders: headers,
    httpStatusCode: response.status,
    referenceId: sub.referenceId,
  };
}

/** Replaces `@{ref.path}` with the value in an earlier answer; in JSON text, strings stay JSON-escaped. */
function resolve(text: string, answers: Map<string, unknown>, inJson = false): string {
  return text.replace(REFERENCE, (whole, ref: string, path: string) => {
    if (!answers.has(ref)) {
      throw new SalesforceApiError(
        400,
        'PROCESSING_HALTED',
        `Invalid reference specified. No value for ${whole.slice(2, -1)} found in ${ref}. Provided referenceId ('${ref}') might be incorrect, or the request that provided it failed.`,
      );
    }
    let value: unknown = answers.get(ref);
    for (const step of path.match(/\.[A-Za-z0-9_]+|\[\d+\]/g) ?? []) {
      const key = step.startsWith('.') ? step.slice(1) : Number(step.slice(1, -1));
      value =
        typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
    }
    if (value === undefined || value === null || typeof value === 'object') {
      throw new SalesforceApiError(
        400,
        'PROCESSING_HALTED',
        `Invalid reference specified. No value for ${whole.slice(2, -1)} found in ${ref}.`,
      );
    }
    return inJson ? JSON.stringify(String(value)).slice(1, -1) : String(value);
  });
}

function parseSubrequests(value: unknown): Subrequest[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new SalesforceApiError(400, 'JSON_PARSER_ERROR', 'compositeRequest must be a non-empty list');
  }
  if (value.length > MAX_SUBREQUESTS) {
    throw new SalesforceApiError(
      400,
      'INVALID_INPUT',
      `A composite request may have at most ${MAX_SUBREQUESTS} subrequests`,
    );
  }
  const seen = new Set<string>();
  return value.map((item: unknown) => {
    const sub = objectBody(item);
    const { method, url, referenceId } = sub;
    if (
      typeof method !== 'string' ||
      typeof url !== 'string' ||
      typeof referenceId !== 'string' ||
      !/^[A-Za-z0-9_]+$/.test(referenceId)
    ) {
      throw new SalesforceApiError(
        400,
        'JSON_PARSER_ERROR',
        'each subrequest needs method, url and a referenceId of letters, digits and _',
      );
    }
    if (seen.has(referenceId))
      throw new SalesforceApiError(400, 'DUPLICATE_VALUE', `Duplicate referenceId ${referenceId}`);
    seen.add(referenceId);
    return { method, url, referenceId, ...(sub.body === undefined ? {} : { body: sub.body }) };
  });
}
