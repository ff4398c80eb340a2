import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { DynamoStore } from '../../../lib/aws/store/dynamo-store.ts';
import type { RecordRef } from '../../../lib/core/model/crm-event.ts';
import { startLocalDynamo } from '../../../lib/local/dynamo/local-dynamo.ts';
import type { LocalDynamo } from '../../../lib/local/dynamo/local-dynamo.ts';

/** One in-memory dynalite for the whole test file, closed after it. */
export function useLocalDynamo(): () => LocalDynamo {
  let local: LocalDynamo | undefined;
  beforeAll(async () => {
    local = await startLocalDynamo();
  });
  afterAll(async () => {
    await local?.close();
  });
  return () => {
    if (!local) throw new Error('local DynamoDB has not started');
    return local;
  };
}

/** A store on a table of its own, so no test sees another's items (failures share one partition). */
export async function freshStore(local: LocalDynamo): Promise<DynamoStore> {
  const tableName = `t-${randomUUID()}`;
  await local.ensureTable(tableName);
  return new DynamoStore({ client: local.client, tableName });
}

export const caseRef = (id: string): RecordRef => ({ crm: 'salesforce', kind: 'case', id });

export const at = (iso: string): number => Date.parse(iso);
