/**
 * What fails synth before anything is built: a config with problems (listed as `crmflow validate`
 * lists them), a mailFrom that is not an address, secrets for a CRM the config does not have.
 */
import { App, Stack } from 'aws-cdk-lib';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigFileError, loadConfigFile } from '../../lib/infra/config-file.ts';
import { CrmFlow } from '../../lib/infra/crm-flow.ts';
import { createCrmFlowStack } from '../../lib/infra/crm-flow-stack.ts';
import { CONFIG_PATH, rootConfig } from './support/fixture.ts';

const BAD_CONFIG = `calendars:
  always: { timezone: UTC, hours: 24x7 }
crm:
  salesforce: { orgId: '00D000000000001AAA' }
targets:
  senior-reps: { salesforce: '00G000000000001AAA' }
escalation:
  - name: p1
    when: { priority: [urgent] }
    calendar: always
    tiers:
      - { after: 4x, assignTo: senior-reps }
      - { after: 2h, assignTo: specialists }
`;

function writeTemp(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'crmflow-config-')), name);
  writeFileSync(path, text);
  return path;
}

describe('loadConfigFile', () => {
  it('loads and validates the root crmflow.config.yaml', () => {
    const { config } = loadConfigFile(CONFIG_PATH);
    expect(config.crm.salesforce?.orgId).toBe('00D000000000001AAA');
  });

  it('fails with every problem, located, as crmflow validate prints them', () => {
    const path = writeTemp('crmflow.config.yaml', BAD_CONFIG);
    let error: unknown;
    try {
      loadConfigFile(path);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigFileError);
    const message = (error as ConfigFileError).message;
    expect(message).toContain('2 problems');
    expect(message).toMatch(/:12:\d+ escalation\[0\]\.tiers\[0\]\.after: "4x" is not a duration/);
    expect(message).toMatch(/:13:\d+ escalation\[0\]\.tiers\[1\]\.assignTo: no target named "specialists"/);
    expect((error as ConfigFileError).problems).toHaveLength(2);
  });

  it('says which file it could not read', () => {
    expect(() => loadConfigFile('/nonexistent/crmflow.config.yaml')).toThrow(/cannot read \/nonexistent/);
  });

  it('fails the stack the app builds, before any resource', () => {
    const path = writeTemp('bad.yaml', BAD_CONFIG);
    expect(() => createCrmFlowStack(new App(), { configPath: path, mailFrom: 'crmflow@acme.test' })).toThrow(
      ConfigFileError,
    );
  });
});

describe('CrmFlow props', () => {
  const construct = (props: Partial<ConstructorParameters<typeof CrmFlow>[2]>) => () =>
    new CrmFlow(new Stack(new App()), 'CrmFlow', { config: rootConfig(), mailFrom: 'crmflow@acme.test', ...props });

  it.each(['crmflow', 'crmflow@', '@acme.test', 'two words@acme.test', 'crmflow@localhost'])(
    'rejects mailFrom %j',
    (mailFrom) => {
      expect(construct({ mailFrom })).toThrow(/mailFrom .* is not an e-mail address/);
    },
  );

  it('rejects a secret for a CRM the config does not have', () => {
    const config = rootConfig();
    const salesforceOnly = { ...config, crm: { salesforce: config.crm.salesforce } };
    expect(
      construct({
        config: salesforceOnly,
        existingSecrets: { hubspot: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:crmflow/hubspot-AbCdEf' },
      }),
    ).toThrow(/existingSecrets\.hubspot is given but the config has no crm\.hubspot/);
  });
});
