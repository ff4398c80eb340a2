import { describe, expect, it } from 'vitest';
import { asRetryable, isTransientAwsError, withRetryableErrors } from '../../../lib/aws/transient.ts';

const awsError = (name: string, more: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} said no`), { name, $fault: 'client', $metadata: { httpStatusCode: 400 }, ...more });

describe('isTransientAwsError', () => {
  it('knows throttling, server faults, 5xx and network failures', () => {
    expect(isTransientAwsError(awsError('ProvisionedThroughputExceededException'))).toBe(true);
    expect(isTransientAwsError(awsError('Throttling'))).toBe(true);
    expect(isTransientAwsError(awsError('InternalServerError', { $fault: 'server' }))).toBe(true);
    expect(isTransientAwsError(awsError('Whatever', { $metadata: { httpStatusCode: 503 } }))).toBe(true);
    expect(isTransientAwsError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(true);
  });

  it('leaves refusals and our own errors alone', () => {
    expect(isTransientAwsError(awsError('ValidationException'))).toBe(false);
    expect(isTransientAwsError(awsError('MessageRejected'))).toBe(false);
    expect(isTransientAwsError(new Error('bug'))).toBe(false);
    expect(isTransientAwsError('Throttling')).toBe(false);
  });
});

describe('asRetryable and withRetryableErrors', () => {
  it('renames a transient error, keeping its name and message in the message and the error as cause', () => {
    const original = awsError('ThrottlingException');
    const renamed = asRetryable('StoreRetryableError', original) as Error;
    expect(renamed).toMatchObject({
      name: 'StoreRetryableError',
      message: 'ThrottlingException: ThrottlingException said no',
    });
    expect(renamed.cause).toBe(original);
    const permanent = awsError('ValidationException');
    expect(asRetryable('StoreRetryableError', permanent)).toBe(permanent);
  });

  it('wraps every async method of an object, results and all', async () => {
    class Ledger {
      readonly seen: string[] = [];
      async record(key: string) {
        this.seen.push(key);
        return key.length;
      }
      async fail(): Promise<never> {
        throw awsError('ProvisionedThroughputExceededException');
      }
    }
    const ledger = withRetryableErrors('StoreRetryableError', new Ledger());
    expect(await ledger.record('abc')).toBe(3);
    expect(ledger.seen).toEqual(['abc']);
    expect(ledger).toBeInstanceOf(Ledger);
    await expect(ledger.fail()).rejects.toMatchObject({ name: 'StoreRetryableError' });
  });
});
