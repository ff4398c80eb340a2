/**
 * "Never a store write" holds by construction: the edge is given no store, and nothing it imports
 * reaches one. The fuzz tests check the queue per request; this checks the store once, statically:
 * the type of the edge's dependencies, and every module the edge's code imports, transitively.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EdgeDeps } from '../../lib/edge/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EDGE = join(ROOT, 'lib/edge');

/** `import … from '…'`, `export … from '…'`, `import('…')`, with or without `type`. */
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

function tsFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every file of ours the edge's modules import, transitively, and every package they name. */
function edgeModuleGraph(): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = tsFiles(EDGE);
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIERS)) {
      if (specifier === undefined) continue;
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  }
  return { files, packages };
}

describe('the edge has no store', () => {
  it('EdgeDeps is config, secrets, queue, clock, logger and two options: no store', () => {
    expectTypeOf<keyof EdgeDeps>().toEqualTypeOf<
      'config' | 'secrets' | 'queue' | 'clock' | 'logger' | 'publicBaseUrl' | 'allowLegacySignatures'
    >();
    // And at run time, the same: a deps object with every key set has these and no other.
    const keys: Record<keyof EdgeDeps, true> = {
      config: true,
      secrets: true,
      queue: true,
      clock: true,
      logger: true,
      publicBaseUrl: true,
      allowLegacySignatures: true,
    };
    expect(Object.keys(keys).filter((key) => /store|dynamo|table/i.test(key))).toEqual([]);
  });

  it('nothing lib/edge imports, transitively, is lib/aws/store, the Store port, or a DynamoDB client', () => {
    const { files, packages } = edgeModuleGraph();
    const ours = [...files].map((file) => relative(ROOT, file));
    // The scan really walked the graph: the edge, the CRM readers it calls, the core types.
    expect(ours).toContain('lib/edge/handle-webhook.ts');
    expect(ours).toContain('lib/crm/salesforce/outbound-message/index.ts');
    expect(ours).toContain('lib/crm/hubspot/webhooks/index.ts');
    expect(ours).toContain('lib/core/ports/queue.ts');
    for (const file of ours) expect(file, 'every import resolved to a file').toMatch(/\.ts$/);

    expect(ours.filter((file) => file.startsWith('lib/aws/'))).toEqual([]);
    expect(ours.filter((file) => file === 'lib/core/ports/store.ts')).toEqual([]);
    expect([...packages].filter((name) => /dynamodb|@aws-sdk/i.test(name))).toEqual([]);
  });
});
