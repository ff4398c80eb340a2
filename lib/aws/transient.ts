/**
 * AWS failures a later attempt can get past, and the error names the workflows' Retry matches on
 * (workflows/*.asl.json: StoreRetryableError, MailRetryableError). The SDK has retried by then; what
 * is still failing goes to the workflow's slower, longer Retry instead of straight to its Catch.
 */

/** Throttling and unavailability codes AWS services answer with (Query and JSON protocols). */
const TRANSIENT_NAMES = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'InternalFailure',
  'InternalServerError',
  'RequestTimeout',
  'TimeoutError',
]);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

interface AwsErrorShape {
  readonly $fault?: unknown;
  readonly $retryable?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
  readonly code?: unknown;
}

export function isTransientAwsError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const shape = error as AwsErrorShape;
  const status = shape.$metadata?.httpStatusCode;
  return (
    TRANSIENT_NAMES.has(error.name) ||
    shape.$fault === 'server' ||
    shape.$retryable !== undefined ||
    (typeof status === 'number' && (status === 429 || status >= 500)) ||
    (typeof shape.code === 'string' && NETWORK_CODES.has(shape.code))
  );
}

export type RetryableName = 'StoreRetryableError' | 'MailRetryableError';

/** `error` under `name` when it is transient (its own name and message kept in the message), else itself. */
export function asRetryable(name: RetryableName, error: unknown): unknown {
  if (!isTransientAwsError(error)) return error;
  const { name: was, message } = error as Error;
  const retryable = new Error(`${was}: ${message}`, { cause: error });
  retryable.name = name;
  return retryable;
}

/**
 * The object with each method's rejections passed through asRetryable: a store whose DynamoDB
 * throttling reaches Step Functions as StoreRetryableError. Every method of the ports it wraps is async.
 */
export function withRetryableErrors<T extends object>(name: RetryableName, target: T): T {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key, object);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        (value.apply(object, args) as Promise<unknown>).catch((error: unknown) => {
          throw asRetryable(name, error);
        });
    },
  });
}
