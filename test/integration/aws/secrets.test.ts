import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { readConfig } from '../../../lib/aws/config.ts';
import { cloudCrms } from '../../../lib/aws/crm-ports.ts';
import { salesforceSecretSchema } from '../../../lib/aws/secret-schemas.ts';
import { SecretUnavailableError, readJsonSecret, secretsFrom } from '../../../lib/aws/secrets.ts';
import { compileSettings } from '../../../lib/core/config/settings.ts';
import { DUMMY_CREDENTIALS, startFakeAws } from './support/fake-aws.ts';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:crmflow-salesforce-AbCdEf';
const salesforce = { instanceUrl: 'https://acme.my.salesforce.com', accessToken: '00D!first' };
const values: Record<string, string> = {
  [ARN]: JSON.stringify(salesforce),
  'arn:not-json': 'instanceUrl=https://acme;accessToken=00D!plain',
};

let aws: Awaited<ReturnType<typeof startFakeAws>>;
let provider: SecretsProvider;
beforeAll(async () => {
  aws = await startFakeAws((call) => {
    const id = String(call.body.SecretId);
    const value = values[id];
    if (id === 'arn:throttled')
      return { status: 400, body: { __type: 'ThrottlingException', Message: 'Rate exceeded' } };
    return value === undefined
      ? {
          status: 400,
          body: { __type: 'ResourceNotFoundException', Message: "Secrets Manager can't find the specified secret." },
        }
      : { body: { ARN: id, Name: 'crmflow', SecretString: value, VersionId: 'v1' } };
  });
  provider = new SecretsProvider({
    clientConfig: { endpoint: aws.endpoint, region: 'eu-west-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1 },
  });
});
afterAll(() => aws.close());

const ref = (arn: string) => ({ arn, env: 'CRMFLOW_SALESFORCE_SECRET_ARN' }) as const;

describe('readJsonSecret through Powertools and a real Secrets Manager client', () => {
  it('reads GetSecretValue once within maxAge, and again when forced', async () => {
    const source = secretsFrom(provider);
    expect(await readJsonSecret(ref(ARN), salesforceSecretSchema, source)).toEqual(salesforce);
    expect(await readJsonSecret(ref(ARN), salesforceSecretSchema, source)).toEqual(salesforce);
    const reads = () => aws.calls.filter((call) => call.body.SecretId === ARN);
    expect(reads().map((call) => call.operation)).toEqual(['secretsmanager.GetSecretValue']);

    values[ARN] = JSON.stringify({ ...salesforce, accessToken: '00D!second' });
    const forced = await readJsonSecret(ref(ARN), salesforceSecretSchema, source, true);
    expect(forced.accessToken).toBe('00D!second');
    expect(reads()).toHaveLength(2);
  });

  it('fails naming the secret and the variable: a missing secret with AWS’s reason', async () => {
    await expect(readJsonSecret(ref('arn:missing'), salesforceSecretSchema, secretsFrom(provider))).rejects.toThrow(
      /^the secret arn:missing \(from CRMFLOW_SALESFORCE_SECRET_ARN, .*\) could not be read: ResourceNotFoundException: Secrets Manager can't find/,
    );
  });

  it('fails on a value that is not JSON without quoting it', async () => {
    const read = readJsonSecret(ref('arn:not-json'), salesforceSecretSchema, secretsFrom(provider));
    await expect(read).rejects.toThrow(/could not be read: its value is not JSON$/);
    await expect(read).rejects.not.toThrow('00D!plain');
  });

  it('tells a throttled read (worth retrying) from a wrong setup', async () => {
    const read = readJsonSecret(ref('arn:throttled'), salesforceSecretSchema, secretsFrom(provider));
    await expect(read).rejects.toThrow(SecretUnavailableError);
    await expect(read).rejects.toThrow(/could not be read now: ThrottlingException: Rate exceeded$/);
  });

  it('makes CRM credentials out of reach a retryable CRM error for the workflows', async () => {
    const example: unknown = parse(readFileSync(new URL('../../../crmflow.config.yaml', import.meta.url), 'utf8'));
    const config = readConfig(example);
    const env = { CRMFLOW_SALESFORCE_SECRET_ARN: ARN, CRMFLOW_HUBSPOT_SECRET_ARN: 'arn:throttled' };
    await expect(cloudCrms(config, compileSettings(config), env, secretsFrom(provider))).rejects.toMatchObject({
      name: 'CrmRetryableError',
      code: 'SECRET_UNAVAILABLE',
    });
  });
});
