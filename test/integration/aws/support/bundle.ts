/**
 * Bundles the Lambda entry points as the CDK construct does (lib/infra: NodejsFunction, ESM, minified): the
 * config compiled in through `define`, a `require` for the CommonJS packages inside an ESM bundle,
 * and templates/ copied beside the bundle (commandHooks.afterBundling). One build for all entries,
 * with a metafile to see what each bundle holds.
 */
import { build, type Metafile } from 'esbuild';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The construct's entry paths (the contract), by a short name. */
export const ENTRIES = {
  webhook: 'functions/webhook/handler.ts',
  router: 'functions/router/lambda.ts',
  'escalation-plan': 'functions/escalation/plan-lambda.ts',
  'escalation-act': 'functions/escalation/act-lambda.ts',
  'follow-up-plan': 'functions/follow-up/plan-lambda.ts',
  'follow-up-act': 'functions/follow-up/act-lambda.ts',
  'expedite-plan': 'functions/expedite/plan-lambda.ts',
  'expedite-act': 'functions/expedite/act-lambda.ts',
  'record-failure': 'functions/failures/record-lambda.ts',
} as const;
export type EntryName = keyof typeof ENTRIES;

export interface Bundles {
  /** The bundle file of each entry. */
  readonly files: Readonly<Record<EntryName, string>>;
  /** The source files each bundle holds. */
  readonly inputs: Readonly<Record<EntryName, readonly string[]>>;
}

export async function bundleEntries(outdir: string, config: unknown): Promise<Bundles> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(ROOT, path)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    mainFields: ['module', 'main'],
    minify: true,
    keepNames: true,
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    define: { 'process.env.CRMFLOW_CONFIG_JSON': JSON.stringify(JSON.stringify(config)) },
    metafile: true,
    logLevel: 'silent',
  });
  await cp(join(ROOT, 'templates'), join(outdir, 'templates'), { recursive: true });
  return {
    files: byName((name) => join(outdir, `${name}.mjs`)),
    inputs: byName((name) => Object.keys(outputFor(result.metafile, `${name}.mjs`).inputs)),
  };
}

function byName<T>(value: (name: EntryName) => T): Record<EntryName, T> {
  return Object.fromEntries((Object.keys(ENTRIES) as EntryName[]).map((name) => [name, value(name)])) as Record<
    EntryName,
    T
  >;
}

function outputFor(metafile: Metafile, file: string) {
  const found = Object.entries(metafile.outputs).find(([path]) => path.endsWith(`/${file}`));
  if (!found) throw new Error(`esbuild wrote no ${file}`);
  return found[1];
}
