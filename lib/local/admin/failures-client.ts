/**
 * `crmflow failures --dev <url>`: the failures of a running `crmflow dev`, through its admin API
 * (failures-routes.ts). Every way that can go wrong becomes one sentence saying what to do.
 */
import { z } from 'zod';
import { CRMS } from '../../core/model/canonical.ts';
import { RECORD_KINDS } from '../../core/model/crm-event.ts';
import type { FailureAdmin } from '../../core/failures/failure-admin.ts';
import { FAILURES_PATH, RETRY_PATH } from './paths.ts';

export const DEFAULT_DEV_URL = 'http://127.0.0.1:3000';

const ref = z.object({ crm: z.enum(CRMS), kind: z.enum(RECORD_KINDS), id: z.string() });
const entry = z.object({
  id: z.string(),
  at: z.number(),
  workflow: z.string(),
  ref,
  step: z.string(),
  error: z.string(),
  cause: z.string(),
  retryInput: z.record(z.string(), z.unknown()),
  state: z.enum(['open', 'retried']),
});
const report = z.object({
  id: z.string(),
  outcome: z.enum(['started', 'already retried', 'not found', 'failed']),
  at: z.number().optional(),
  workflow: z.string().optional(),
  execution: z.string().optional(),
  reason: z.string().optional(),
});
const listAnswer = z.object({ failures: z.array(entry) });
const retryAnswer = z.object({ results: z.array(report) });
const errorAnswer = z.object({ error: z.object({ message: z.string() }) });

export function devFailureAdmin(baseUrl: string): FailureAdmin {
  const base = parseBase(baseUrl);
  const call = async <T>(path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> => {
    const url = new URL(path, base);
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    } catch {
      throw new Error(`nothing answers at ${base.origin}: start crmflow dev (npm start), or pass --dev <its URL>`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      const parsed = schema.safeParse(body);
      if (parsed.success) return parsed.data;
    }
    const error = errorAnswer.safeParse(body);
    if (response.status === 404 || !error.success) {
      throw new Error(`${base.origin} does not serve crmflow's admin API: is it crmflow dev, of this version?`);
    }
    throw new Error(`crmflow dev at ${base.origin} answered ${response.status}: ${error.data.error.message}`);
  };
  return {
    list: async (state) => {
      const query = state ? `?state=${state}` : '';
      return (await call(`${FAILURES_PATH}${query}`, listAnswer)).failures;
    },
    retry: async (selection) => {
      const body = 'ids' in selection ? { ids: selection.ids } : { all: true };
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
      return (await call(RETRY_PATH, retryAnswer, init)).results;
    },
  };
}

function parseBase(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--dev ${text} is not a URL: pass crmflow dev's address, e.g. ${DEFAULT_DEV_URL}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--dev ${text} is not an http(s) URL: pass crmflow dev's address, e.g. ${DEFAULT_DEV_URL}`);
  }
  return url;
}
