/**
 * `node bench/run.ts [--quick]`: every crmflow benchmark side by side in one run; prints a table and
 * writes .crmflow/bench/results.json. Figures only — nothing here asserts a time.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureBundles } from './bundles.ts';
import { measureEdge } from './edge.ts';
import type { SimulationFigure } from './simulation.ts';
import { fmt, pct } from './stats.ts';
import { measureStory, STORIES, type StoryFigure } from './stories.ts';

const quick = process.argv.includes('--quick');
const ROOT = new URL('../', import.meta.url);
/** How long one simulation size may take: N = 10 000 is most of a full run (≈ 20 min on 2 cores). */
const LIMIT_MS = quick ? 180_000 : 45 * 60_000;
/** Standard workflows, list price (us-east-1): $0.025 per 1 000 state transitions. An assumption. */
const PRICE_PER_TRANSITION = 0.025 / 1000;

const log = (text = '') => process.stdout.write(`${text}\n`);

function simulateInChild(n: number, limitMs: number): Promise<SimulationFigure | undefined> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      // The whole local stack holds 10 000 cases in memory: give it room past node's default heap limit.
      ['--max-old-space-size=8192', new URL('simulate-child.ts', import.meta.url).pathname, String(n)],
      { timeout: limitMs, maxBuffer: 1 << 20 },
      (error, stdout) => {
        if (error && (error as { killed?: boolean }).killed) resolve(undefined);
        else if (error) reject(error);
        else resolve(JSON.parse(stdout) as SimulationFigure);
      },
    );
    child.stderr?.pipe(process.stderr);
  });
}

const results: Record<string, unknown> = { quick, node: process.version, at: new Date().toISOString() };

log(`crmflow bench${quick ? ' (quick)' : ''} — node ${process.version}\n`);
log('1. Edge throughput (in-process handleWebhook, in-memory queue) vs the bare floor of the same bytes');
const edge = await measureEdge(
  quick ? { samples: 5, sampleMs: 200, warmupMs: 200 } : { samples: 15, sampleMs: 400, warmupMs: 1000 },
);
results['edge'] = edge;
for (const f of edge)
  log(
    `  ${f.name.padEnd(28)} ${fmt(f.edge.median).padStart(8)} req/s (${pct(f.edge)}) = ${fmt(f.edge.median * f.eventsPerRequest).padStart(8)} events/s` +
      ` | floor ${fmt(f.floor.median).padStart(8)} req/s (${pct(f.floor)}) | edge/floor ${f.ratio.toFixed(2)} | ${f.bytes} B`,
  );

log(
  '\n2. Lambda bundles (esbuild as the construct bundles them) and module load in a fresh node, vs an empty @aws-sdk/client-sfn handler',
);
const outdir = await mkdtemp(join(tmpdir(), 'crmflow-bench-'));
try {
  const bundles = await measureBundles(outdir, { runs: quick ? 5 : 15 });
  results['bundles'] = bundles;
  for (const f of bundles)
    log(
      `  ${f.name.padEnd(16)} ${fmt(f.bytes / 1024).padStart(7)} KiB (map ${fmt(f.mapBytes / 1024)} KiB) ×${f.sizeRatio.toFixed(1).padEnd(5)}` +
        ` load ${f.load.median.toFixed(0).padStart(4)} ms (min ${f.load.min.toFixed(0)}, max ${f.load.max.toFixed(0)}) ×${f.loadRatio.toFixed(1)}`,
    );
} finally {
  await rm(outdir, { recursive: true, force: true });
}

log('\n3. Simulation throughput: N Salesforce cases, escalation + follow-up, 30 virtual days, simulate()');
const sizes = quick ? [100, 1000] : [100, 1000, 10_000];
const simulation: (SimulationFigure | { cases: number; extrapolatedWallMs: number; note: string })[] = [];
let last: SimulationFigure | undefined;
for (const n of sizes) {
  const predicted = last ? (last.wallMs * n) / last.cases : 0;
  if (last && predicted > LIMIT_MS) {
    const note = `not run: ${fmt(last.casesPerSecond, 1)} cases/s at ${last.cases} predicts ~${fmt(predicted / 1000)} s (linear, a floor)`;
    simulation.push({ cases: n, extrapolatedWallMs: predicted, note });
    log(`  N=${String(n).padEnd(6)} ${note}`);
    continue;
  }
  const figure = await simulateInChild(n, LIMIT_MS + 60_000);
  if (!figure) {
    simulation.push({ cases: n, extrapolatedWallMs: predicted, note: 'killed at the time limit' });
    log(`  N=${String(n).padEnd(6)} killed after ${(LIMIT_MS + 60_000) / 1000} s`);
    continue;
  }
  simulation.push(figure);
  last = figure;
  log(
    `  N=${String(n).padEnd(6)} ${fmt(figure.wallMs / 1000, 1).padStart(6)} s  ${fmt(figure.casesPerSecond, 1).padStart(6)} cases/s` +
      `  peak ${fmt(figure.peakRssMb)} MB  (${figure.tasks} tasks, ${figure.emails} e-mails, ${figure.failures} failures)`,
  );
}
results['simulation'] = simulation;

log('\n4./5. Stories: state transitions, cost, and CRM API requests per action (emulator request counters)');
log('  assumption: Step Functions Standard at list price $0.025 per 1 000 state transitions, no free tier');
const stories: StoryFigure[] = [];
for (const crm of ['salesforce', 'hubspot'] as const)
  for (const name of STORIES) stories.push(await measureStory(crm, name));
results['stories'] = stories;
for (const s of stories) {
  const per = Object.entries(s.transitions)
    .map(([w, n]) => `${w} ${n}`)
    .join(', ');
  log(
    `  ${s.crm.padEnd(10)} ${s.story.padEnd(30)} ${String(s.totalTransitions).padStart(3)} transitions (${per})` +
      `  $${(s.totalTransitions * PRICE_PER_TRANSITION * 10_000).toFixed(2)} per 10 000 cases${s.failures ? `  ${s.failures} FAILURES` : ''}`,
  );
}
const perAction: Record<string, Record<string, string>> = {};
for (const s of stories)
  for (const [key, count] of Object.entries(s.actions)) {
    if (key === 'router') continue;
    (perAction[key] ??= {})[s.crm] = `${((s.requests[key] ?? 0) / count).toFixed(1)}`;
  }
for (const s of stories) {
  const events = s.actions['router'] ?? 0;
  if (events)
    (perAction[`router (per webhook event), ${s.story}`] ??= {})[s.crm] = (
      (s.requests['router'] ?? 0) / events
    ).toFixed(1);
}
log(`  ${'requests per action'.padEnd(60)} salesforce  hubspot`);
for (const [key, by] of Object.entries(perAction))
  log(`  ${key.padEnd(60)} ${(by['salesforce'] ?? '-').padStart(10)} ${(by['hubspot'] ?? '-').padStart(8)}`);
results['requestsPerAction'] = perAction;

const dir = new URL('.crmflow/bench/', ROOT);
await mkdir(dir, { recursive: true });
await writeFile(new URL('results.json', dir), `${JSON.stringify(results, null, 2)}\n`);
log(`\nwritten: .crmflow/bench/results.json`);
