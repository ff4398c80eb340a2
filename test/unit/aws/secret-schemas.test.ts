import { describe, expect, it } from 'vitest';
import { edgeSecretsSchema, salesforceSecretSchema } from '../../../lib/aws/secret-schemas.ts';
import { readJsonSecret, type SecretSource } from '../../../lib/aws/secrets.ts';

const long = (n: number, c = 'a') => c.repeat(n);
const EDGE = { arn: 'arn:aws:secretsmanager:eu-west-1:1:secret:edge', env: 'CRMFLOW_EDGE_SECRET_ARN' } as const;
const from =
  (value: unknown): SecretSource =>
  async () =>
    value;

describe('the webhook secret', () => {
  it('may hold any of its keys', async () => {
    const secrets = {
      salesforcePathToken: long(24, 'T'),
      hubspotWorkflowApiKey: { header: 'X-Crmflow-Key', value: long(24) },
    };
    expect(await readJsonSecret(EDGE, edgeSecretsSchema, from(secrets))).toEqual(secrets);
    expect(await readJsonSecret(EDGE, edgeSecretsSchema, from({}))).toEqual({});
  });

  it('refuses short or misspelt entries at cold start, naming the key and never the value', async () => {
    const short = readJsonSecret(EDGE, edgeSecretsSchema, from({ hubspotClientSecret: 'hush-hush-hush' }));
    await expect(short).rejects.toThrow(
      /^the secret arn:aws:secretsmanager:eu-west-1:1:secret:edge \(from CRMFLOW_EDGE_SECRET_ARN, .*\) does not hold what it should: hubspotClientSecret: must be at least 32 characters$/,
    );
    await expect(short).rejects.not.toThrow('hush');

    const misspelt = readJsonSecret(EDGE, edgeSecretsSchema, from({ salesforcePathtoken: long(30) }));
    await expect(misspelt).rejects.toThrow(/salesforcePathtoken/);

    const header = readJsonSecret(
      EDGE,
      edgeSecretsSchema,
      from({ hubspotWorkflowApiKey: { header: 'X Key', value: long(30) } }),
    );
    await expect(header).rejects.toThrow(/hubspotWorkflowApiKey\.header: must be a valid HTTP header name/);
  });

  it('reports a read failure by name, and a non-JSON value without quoting it', async () => {
    const notJson: SecretSource = async () => {
      const error = new Error(
        `Unable to transform value using 'json' transform: Unexpected token, "s3cr3t" is not valid JSON`,
      );
      error.name = 'TransformParameterError';
      throw error;
    };
    const read = readJsonSecret(EDGE, edgeSecretsSchema, notJson);
    await expect(read).rejects.toThrow(/could not be read: its value is not JSON$/);
    await expect(read).rejects.not.toThrow('s3cr3t');
  });
});

describe('the Salesforce secret', () => {
  const base = { instanceUrl: 'https://acme.my.salesforce.com', accessToken: '00D!token' };

  it('takes an access token alone, or with all three OAuth refresh credentials', () => {
    expect(salesforceSecretSchema.parse(base)).toEqual(base);
    const oauth = {
      ...base,
      refreshToken: 'r',
      clientId: 'c',
      clientSecret: 's',
      loginUrl: 'https://test.salesforce.com',
    };
    expect(salesforceSecretSchema.parse(oauth)).toEqual(oauth);
  });

  it('refuses part of the OAuth credentials and a URL that is not http(s)', () => {
    expect(salesforceSecretSchema.safeParse({ ...base, refreshToken: 'r' }).success).toBe(false);
    expect(salesforceSecretSchema.safeParse({ ...base, instanceUrl: 'ftp://acme' }).success).toBe(false);
  });
});
