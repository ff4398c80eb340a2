/**
 * `npx cdk synth` for real, as an admin runs it: the pinned CLI, lib/app.ts, local esbuild — with no
 * AWS credentials, no AWS config, no Docker. One synth for the whole file (it bundles nine
 * functions); then the bundles themselves: the edge carries no CRM SDK, the step Lambdas carry the
 * e-mail templates, every bundle has the config compiled in.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_NAMES, FUNCTION_SPECS, needsTemplates, type CrmFlowFunctionName } from '../../lib/infra/functions.ts';
import { MAIL_FROM, must, ROOT, rootConfig, SKIP_REASON } from './support/fixture.ts';
import { scanTemplate } from './support/secrets-scan.ts';

const CDK_CLI = join(ROOT, 'node_modules', 'aws-cdk', 'bin', 'cdk');

/** The CLI with an environment that has no way to reach AWS: no AWS_* variables, an empty HOME. */
function cdk(args: string[]): SpawnSyncReturns<string> {
  const home = mkdtempSync(join(tmpdir(), 'crmflow-home-'));
  const env: NodeJS.ProcessEnv = {
    PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`,
    HOME: home,
    CDK_DISABLE_CLI_TELEMETRY: 'true',
  };
  return spawnSync(process.execPath, [CDK_CLI, ...args, '--no-notices'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 240_000,
  });
}

interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> }>;
}

describe.skipIf(SKIP_REASON !== '')(`npx cdk synth${SKIP_REASON}`, () => {
  let outdir: string;
  let result: SpawnSyncReturns<string>;
  let template: Template;
  let seconds: number;
  /** The asset directory of each function's bundle. */
  const bundles = {} as Record<CrmFlowFunctionName, string>;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'crmflow-cdk-out-'));
    const started = Date.now();
    result = cdk(['synth', '--quiet', '--output', outdir, '--context', `mailFrom=${MAIL_FROM}`]);
    seconds = (Date.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`cdk synth failed (${result.status}):\n${result.stderr}`);
    template = JSON.parse(readFileSync(join(outdir, 'CrmFlow.template.json'), 'utf8')) as Template;
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const name = FUNCTION_NAMES.find((candidate) =>
        resource.Metadata?.['aws:cdk:path']?.endsWith(`/${pascal(candidate)}/Resource`),
      );
      if (!name) throw new Error(`a function the construct does not name: ${id}`);
      bundles[name] = join(outdir, resource.Metadata?.['aws:asset:path'] as string);
    }
  }, 300_000);

  it('succeeds offline, with cdk-nag passing, in reasonable time', () => {
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(/\[Error|ERROR|Validation failed/);
    expect(JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')).pluginReports).toEqual([]);
    expect(seconds).toBeLessThan(180);
    console.info(`cdk synth took ${seconds.toFixed(1)} s`);
  });

  it('bundles every function as one ESM file with its source map', () => {
    expect(Object.keys(bundles).sort()).toEqual([...FUNCTION_NAMES].sort());
    for (const name of FUNCTION_NAMES) {
      expect(existsSync(join(bundles[name], 'index.mjs')), name).toBe(true);
      expect(existsSync(join(bundles[name], 'index.mjs.map')), name).toBe(true);
    }
  });

  const packagesIn = (name: CrmFlowFunctionName): Set<string> => {
    const map = JSON.parse(readFileSync(join(bundles[name], 'index.mjs.map'), 'utf8')) as { sources: string[] };
    const packages = map.sources.flatMap((source) => {
      const at = source.lastIndexOf('node_modules/');
      if (at < 0) return [];
      const [scope, pkg] = source.slice(at + 'node_modules/'.length).split('/');
      return scope?.startsWith('@') ? [`${scope}/${pkg}`] : [scope ?? ''];
    });
    return new Set(packages);
  };

  it('keeps jsforce and @hubspot/api-client out of the edge bundle (and the check does see them)', () => {
    const edge = packagesIn('webhook');
    expect(edge.has('jsforce')).toBe(false);
    expect(edge.has('@hubspot/api-client')).toBe(false);
    expect(edge.has('@aws-sdk/client-sqs')).toBe(true); // the SDK is bundled, not taken from the runtime
    const router = packagesIn('router');
    expect(router.has('jsforce')).toBe(true);
    expect(router.has('@hubspot/api-client')).toBe(true);
    // record-failure only writes to the table: no CRM SDK in its bundle either (≈ 2.8 MB instead of 9).
    const recordFailure = packagesIn('recordFailure');
    expect(recordFailure.has('jsforce')).toBe(false);
    expect(recordFailure.has('@hubspot/api-client')).toBe(false);
  });

  it('copies templates/email next to the step bundles only', () => {
    const templates = readdirSync(join(ROOT, 'templates', 'email')).sort();
    expect(templates.length).toBeGreaterThan(0);
    for (const name of FUNCTION_NAMES) {
      const copied = join(bundles[name], 'templates', 'email');
      if (needsTemplates(FUNCTION_SPECS[name].role)) expect(readdirSync(copied).sort(), name).toEqual(templates);
      else expect(existsSync(copied), name).toBe(false);
    }
  });

  it('compiles the validated config into every bundle', () => {
    const orgId = must(rootConfig().crm.salesforce, 'crm.salesforce in the config').orgId;
    for (const name of FUNCTION_NAMES) {
      const code = readFileSync(join(bundles[name], 'index.mjs'), 'utf8');
      expect(code, name).not.toContain('process.env.CRMFLOW_CONFIG_JSON');
      expect(code, name).toContain(orgId);
      expect(code, name).toContain('Europe/Helsinki');
    }
  });

  it('writes a template with no secret and no personal data', () => {
    const scan = scanTemplate(template, rootConfig());
    expect(scan).toEqual({ emails: [MAIL_FROM], configValues: [], credentials: [], secretStrings: [] });
  });
});

describe.skipIf(SKIP_REASON !== '')(`npx cdk synth with a broken config${SKIP_REASON}`, () => {
  it('fails before bundling, listing every problem', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'crmflow-bad-')), 'crmflow.config.yaml');
    writeFileSync(
      path,
      readFileSync(join(ROOT, 'crmflow.config.yaml'), 'utf8')
        .replace('after: 30m, assignTo: senior-reps', 'after: 30x, assignTo: senior-reps')
        .replace('remindTo: supervisor # …e-mails', 'remindTo: nobody # …e-mails'),
    );
    const result = cdk([
      'synth',
      '--quiet',
      '--output',
      mkdtempSync(join(tmpdir(), 'crmflow-cdk-out-')),
      '-c',
      `config=${path}`,
    ]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('2 problems');
    expect(result.stderr).toMatch(/escalation\[0\]\.tiers\[0\]\.after: "30x" is not a duration/);
    expect(result.stderr).toMatch(/followUp\[0\]\.remindTo: no target named "nobody"/);
    expect(result.stderr).not.toContain('Bundling asset');
  });
});

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
