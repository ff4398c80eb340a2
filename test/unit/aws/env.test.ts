import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { EnvironmentError, jsonEnv, optionalEnv, requiredEnv } from '../../../lib/aws/env.ts';

const SECRETISH = 'sk-live-9f8e7d6c5b4a';

describe('requiredEnv', () => {
  it('returns the value', () => {
    expect(requiredEnv('CRMFLOW_TABLE_NAME', undefined, { CRMFLOW_TABLE_NAME: 'crmflow-prod' })).toBe('crmflow-prod');
  });

  it('fails naming the variable and what it should hold when unset or empty', () => {
    for (const env of [{}, { CRMFLOW_QUEUE_URL: '' }]) {
      expect(() => requiredEnv('CRMFLOW_QUEUE_URL', undefined, env)).toThrow(EnvironmentError);
      expect(() => requiredEnv('CRMFLOW_QUEUE_URL', undefined, env)).toThrow(
        'CRMFLOW_QUEUE_URL is not set: it should hold the URL of the SQS queue between the webhook edge and the router',
      );
    }
  });

  it('checks the value with a schema, without repeating it', () => {
    const email = z.email('must be an e-mail address');
    expect(requiredEnv('CRMFLOW_MAIL_FROM', email, { CRMFLOW_MAIL_FROM: 'crmflow@example.com' })).toBe(
      'crmflow@example.com',
    );
    const wrong = () => requiredEnv('CRMFLOW_MAIL_FROM', email, { CRMFLOW_MAIL_FROM: SECRETISH });
    expect(wrong).toThrow(
      /^CRMFLOW_MAIL_FROM is not what it should be \(the SES-verified sender.*must be an e-mail address$/,
    );
    expect(wrong).not.toThrow(SECRETISH);
  });
});

describe('optionalEnv', () => {
  it('is undefined when unset or empty, the value otherwise', () => {
    expect(optionalEnv('CRMFLOW_PUBLIC_BASE_URL', undefined, {})).toBeUndefined();
    expect(optionalEnv('CRMFLOW_PUBLIC_BASE_URL', undefined, { CRMFLOW_PUBLIC_BASE_URL: '' })).toBeUndefined();
    expect(
      optionalEnv('CRMFLOW_PUBLIC_BASE_URL', undefined, { CRMFLOW_PUBLIC_BASE_URL: 'https://hooks.example.com' }),
    ).toBe('https://hooks.example.com');
  });

  it('still checks a value that is there', () => {
    const url = z.url();
    expect(() => optionalEnv('CRMFLOW_PUBLIC_BASE_URL', url, { CRMFLOW_PUBLIC_BASE_URL: 'hooks' })).toThrow(
      /^CRMFLOW_PUBLIC_BASE_URL is not what it should be/,
    );
  });
});

describe('jsonEnv', () => {
  const machines = z.strictObject({ escalation: z.string().startsWith('arn:') });

  it('parses and checks JSON', () => {
    const env = { CRMFLOW_STATE_MACHINES: '{"escalation":"arn:aws:states:eu-west-1:1:stateMachine:e"}' };
    expect(jsonEnv('CRMFLOW_STATE_MACHINES', machines, env)).toEqual({
      escalation: 'arn:aws:states:eu-west-1:1:stateMachine:e',
    });
  });

  it('fails on text that is not JSON without quoting it', () => {
    const wrong = () => jsonEnv('CRMFLOW_STATE_MACHINES', machines, { CRMFLOW_STATE_MACHINES: `{${SECRETISH}` });
    expect(wrong).toThrow(
      'CRMFLOW_STATE_MACHINES is not valid JSON: it should hold a JSON object of workflow name → state machine ARN',
    );
    expect(wrong).not.toThrow(SECRETISH);
  });

  it('names the path of what is wrong, not the value', () => {
    const wrong = () =>
      jsonEnv('CRMFLOW_STATE_MACHINES', machines, {
        CRMFLOW_STATE_MACHINES: JSON.stringify({ escalation: SECRETISH }),
      });
    expect(wrong).toThrow(/escalation: /);
    expect(wrong).not.toThrow(SECRETISH);
    expect(() => jsonEnv('CRMFLOW_STATE_MACHINES', machines, {})).toThrow('CRMFLOW_STATE_MACHINES is not set');
  });
});
