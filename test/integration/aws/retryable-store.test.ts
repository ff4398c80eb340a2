import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../lib/aws/store/document-client.ts';
import { DynamoStore } from '../../../lib/aws/store/dynamo-store.ts';
import { withRetryableErrors } from '../../../lib/aws/transient.ts';
import { DUMMY_CREDENTIALS, startFakeAws } from './support/fake-aws.ts';

let aws: Awaited<ReturnType<typeof startFakeAws>> | undefined;
let raw: DynamoDBClient | undefined;
afterEach(async () => {
  raw?.destroy();
  await aws?.close();
});

/** The cloud's store (as cloud-deps builds it) on a DynamoDB that answers every call with `type`. */
async function storeAnswering(type: string) {
  aws = await startFakeAws(() => ({
    status: 400,
    body: { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: type },
  }));
  raw = new DynamoDBClient({
    endpoint: aws.endpoint,
    region: 'eu-west-1',
    credentials: DUMMY_CREDENTIALS,
    maxAttempts: 1,
  });
  const store = new DynamoStore({ client: createDocumentClient(raw), tableName: 'crmflow' });
  return withRetryableErrors('StoreRetryableError', store);
}

describe('the cloud store’s errors', () => {
  it('reach Step Functions as StoreRetryableError when DynamoDB throttles', async () => {
    const store = await storeAnswering('ProvisionedThroughputExceededException');
    await expect(store.getAction('escalation:salesforce:500A:tier1:1')).rejects.toMatchObject({
      name: 'StoreRetryableError',
    });
    expect(aws?.calls[0]?.operation).toBe('DynamoDB_20120810.GetItem');
  });

  it('keep their own name when retrying cannot help', async () => {
    const store = await storeAnswering('ResourceNotFoundException');
    await expect(store.listFailures()).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
