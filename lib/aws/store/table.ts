import type { CreateTableCommandInput, UpdateTimeToLiveCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single table crmflow keeps everything in, as data: the store uses it, the local runtime creates
 * it, and the CDK construct builds the cloud table from the same values.
 *
 * Item layout (every write is a single-item conditional write; see dynamo-store.ts):
 *
 * | what             | pk                          | sk                          | other attributes                                    |
 * |------------------|-----------------------------|-----------------------------|-----------------------------------------------------|
 * | record state     | `REC#<crm>#<kind>#<id>`     | `STATE`                     | data (map), version (number, from 1), updatedAt (ISO) |
 * | audit entry      | `REC#<crm>#<kind>#<id>`     | `AUDIT#<iso at>#<seq>#<rnd>` | at, type, summary, detail?                          |
 * | event dedupe     | `EVT#<eventId>`             | `EVT`                       | expiresAt (epoch s), seenAt (ISO)                   |
 * | action ledger    | `ACT#<actionKey>`           | `ACT`                       | key, ref, result (map), at                          |
 * | failure          | `FAIL`                      | `<iso at>#<id>`             | id, at, workflow, ref, step, error, cause, retryInput, state, retriedAt? |
 *
 * The id sits last in each key, so a `#` inside a CRM id or an event id cannot be confused with a
 * separator. Audit entries share the record's partition so one Query returns them in time order.
 * Failures share one partition: they are rare, and listing them all is the common read.
 */
export const TABLE = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  /**
   * Epoch seconds. DynamoDB's TTL only tidies up (it deletes late, and dynalite has no TTL at all):
   * readers compare it themselves, so correctness never depends on the deletion.
   */
  timeToLiveAttribute: 'expiresAt',
  billingMode: 'PAY_PER_REQUEST',
} as const;

export const DEFAULT_TABLE_NAME = 'crmflow';

/** The CreateTable request for the table (on-demand: crmflow's traffic is bursty and small). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    AttributeDefinitions: [
      { AttributeName: TABLE.partitionKey.name, AttributeType: TABLE.partitionKey.type },
      { AttributeName: TABLE.sortKey.name, AttributeType: TABLE.sortKey.type },
    ],
    KeySchema: [
      { AttributeName: TABLE.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey.name, KeyType: 'RANGE' },
    ],
    BillingMode: TABLE.billingMode,
  };
}

/** TTL is a separate call after CreateTable in the cloud (dynalite does not implement it). */
export function timeToLiveInput(tableName: string): UpdateTimeToLiveCommandInput {
  return {
    TableName: tableName,
    TimeToLiveSpecification: { AttributeName: TABLE.timeToLiveAttribute, Enabled: true },
  };
}
