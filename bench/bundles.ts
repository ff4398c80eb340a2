/**
 * Bundle size and module load time of each Lambda, bundled as the construct's NodejsFunction does:
 * the shared options in lib/infra/functions.ts (BUNDLE), ESM for node24, an external source map.
 */
import { execFile } from 'node:child_process';
import { cp, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { BUNDLE, FUNCTION_NAMES, FUNCTION_SPECS } from '../lib/infra/functions.ts';
import { summarise, type Summary } from './stats.ts';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BASELINE = 'empty-sfn';

export interface BundleFigure {
  readonly name: string;
  readonly bytes: number;
  readonly mapBytes: number;
  /** ms to import the bundle in a fresh node process (timed inside that process). */
  readonly load: Summary;
  readonly sizeRatio: number;
  readonly loadRatio: number;
}

export async function bundleAll(
  outdir: string,
  names: readonly string[] = FUNCTION_NAMES,
): Promise<Record<string, string>> {
  const config: unknown = parse(await readFile(join(ROOT, 'crmflow.config.yaml'), 'utf8'));
  const entries: Record<string, string> = { [BASELINE]: join(ROOT, 'bench/fixtures/empty-handler.ts') };
  for (const name of names)
    entries[name] = join(ROOT, `${FUNCTION_SPECS[name as keyof typeof FUNCTION_SPECS].entry}.ts`);
  await build({
    absWorkingDir: ROOT,
    entryPoints: entries,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    mainFields: [...BUNDLE.mainFields],
    minify: BUNDLE.minify,
    keepNames: BUNDLE.keepNames,
    sourcemap: true,
    sourcesContent: false,
    banner: { js: BUNDLE.banner },
    define: { [BUNDLE.configDefine]: JSON.stringify(JSON.stringify(config)) },
    logLevel: 'silent',
  });
  // Step Lambdas read templates/email beside the bundle (commandHooks in the construct).
  await cp(join(ROOT, 'templates'), join(outdir, 'templates'), { recursive: true });
  return Object.fromEntries(Object.keys(entries).map((name) => [name, join(outdir, `${name}.mjs`)]));
}

const LOADER =
  'const t = performance.now(); const m = await import(process.argv[1]); ' +
  "if (typeof m.handler !== 'function') throw new Error('no handler'); " +
  'process.stdout.write(String(performance.now() - t));';

/** Import time of one bundle in a fresh process, ms, with no Lambda environment (as the bundle test does). */
export async function loadOnce(file: string): Promise<number> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', LOADER, pathToFileURL(file).href], {
    env: { PATH: process.env['PATH'] ?? '', AWS_REGION: 'eu-west-1' },
  });
  return Number(stdout);
}

export async function measureBundles(
  outdir: string,
  options: { runs: number; names?: readonly string[] },
): Promise<BundleFigure[]> {
  const files = await bundleAll(outdir, options.names);
  const entries = Object.entries(files);
  const times = new Map<string, number[]>(entries.map(([name]) => [name, []]));
  for (const [, file] of entries) await loadOnce(file); // warm the file cache
  // Round-robin, so drift in the machine's load spreads evenly over the bundles.
  for (let i = 0; i < options.runs; i++)
    for (const [name, file] of entries) times.get(name)?.push(await loadOnce(file));
  const sized = await Promise.all(
    entries.map(async ([name, file]) => ({
      name,
      bytes: (await stat(file)).size,
      mapBytes: (await stat(`${file}.map`)).size,
      load: summarise(times.get(name) ?? []),
    })),
  );
  const base = sized.find((entry) => entry.name === BASELINE);
  if (!base) throw new Error('the baseline bundle is missing');
  return sized.map(({ name, bytes, mapBytes, load }) => {
    const sizeRatio = bytes / base.bytes;
    const loadRatio = load.median / base.load.median;
    return { name, bytes, mapBytes, load, sizeRatio, loadRatio };
  });
}
