/**
 * No secret value, token or personal data in the template or its outputs (decided: the only e-mail
 * address allowed is mailFrom, which the SES permission names; CRM ids and target e-mails of the
 * config live in the bundles only). Secrets are generated inside Secrets Manager or start empty.
 */
import { describe, expect, it } from 'vitest';
import { EDGE_SECRET_KEYS } from '../../lib/infra/crm-flow.ts';
import { FUNCTION_NAMES } from '../../lib/infra/functions.ts';
import { buildStack, MAIL_FROM, propsOf, rootConfig, SKIP_REASON } from './support/fixture.ts';
import { configValues, scanTemplate } from './support/secrets-scan.ts';

/** The only environment variables, all named by the contract; none holds a secret itself. */
const ALLOWED_ENV = new Set([
  'CRMFLOW_TABLE_NAME',
  'POWERTOOLS_SERVICE_NAME',
  'POWERTOOLS_LOG_LEVEL',
  'NODE_OPTIONS',
  'CRMFLOW_QUEUE_URL',
  'CRMFLOW_EDGE_SECRET_ARN',
  'CRMFLOW_PUBLIC_BASE_URL',
  'CRMFLOW_STATE_MACHINES',
  'CRMFLOW_SALESFORCE_SECRET_ARN',
  'CRMFLOW_HUBSPOT_SECRET_ARN',
  'CRMFLOW_MAIL_FROM',
]);

describe.skipIf(SKIP_REASON !== '')(`the template holds no secret and no personal data${SKIP_REASON}`, () => {
  const config = rootConfig();
  const built = buildStack();
  const scan = scanTemplate(built.json, config);

  it('the config it checks against names people and ids (so the check means something)', () => {
    expect(configValues(config)).toEqual(
      expect.arrayContaining(['supervisor@example.com', '00D000000000001AAA', '1234567', '005000000000009AAA']),
    );
  });

  it('has no e-mail address but mailFrom', () => {
    expect(scan.emails).toEqual([MAIL_FROM]);
  });

  it('has none of the config values (targets, CRM ids): the config is in the bundles only', () => {
    expect(scan.configValues).toEqual([]);
    expect(JSON.stringify(built.json)).not.toContain('CRMFLOW_CONFIG_JSON');
  });

  it('has nothing shaped like a credential, and no SecretString anywhere', () => {
    expect(scan.credentials).toEqual([]);
    expect(scan.secretStrings).toEqual([]);
  });

  it('generates the edge path token inside Secrets Manager: the template names the key, never a value', () => {
    for (const secret of Object.values(built.template.findResources('AWS::SecretsManager::Secret'))) {
      const generate = secret.Properties.GenerateSecretString;
      if (generate)
        expect(generate).toMatchObject({ SecretStringTemplate: '{}', GenerateStringKey: 'salesforcePathToken' });
    }
    const text = JSON.stringify(built.json);
    for (const key of EDGE_SECRET_KEYS.filter((key) => key !== 'salesforcePathToken')) {
      expect(text).not.toMatch(new RegExp(`"${key}"\\s*:`));
    }
  });

  it('passes secrets to functions only as ARNs (never values), through contract variables only', () => {
    for (const name of FUNCTION_NAMES) {
      const env = propsOf(built, built.stack.crmFlow.functions[name])['Environment'].Variables as Record<
        string,
        unknown
      >;
      for (const [key, value] of Object.entries(env)) {
        expect(ALLOWED_ENV, `${name}: ${key}`).toContain(key);
        if (key.endsWith('_SECRET_ARN')) expect(value).toMatchObject({ Ref: expect.any(String) });
      }
    }
  });

  it('outputs only the API URL and resource names (table, state machine ARNs), never a secret', () => {
    expect(Object.keys(built.json.Outputs ?? {})).toEqual(['ApiUrl', 'TableName', 'StateMachines']);
    expect(JSON.stringify(built.json.Outputs)).not.toMatch(/Secret/i);
  });
});
