import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { RecordRef } from '../../core/model/crm-event.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { ActionEntry, AuditEntry, FailureEntry, Store, Stored } from '../../core/ports/store.ts';
import { toIso } from '../../core/time/instant.ts';
import type { Instant } from '../../core/time/instant.ts';
import { whenConditionHolds } from './conditional.ts';
import { epochSeconds, expiresAtFor, isExpired } from './dedupe-expiry.ts';
import { toActionEntry, toAuditEntry, toFailureEntry } from './items.ts';
import { AUDIT_PREFIX, FAILURE_PK, actionKey, auditKey, eventKey, failureKey, recordKey, recordPk } from './keys.ts';
import type { ItemKey } from './keys.ts';

export interface DynamoStoreOptions {
  /** Build it with createDocumentClient (removeUndefinedValues) so optional fields marshal. */
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Stamps `updatedAt` / `retriedAt` only (bookkeeping); the local runtime passes its virtual clock. */
  clock?: Clock;
}

const systemClock: Clock = { now: () => Date.now() };

/**
 * The Store port on one DynamoDB table (layout in table.ts). Only single-item conditional writes:
 * no transactions, no PartiQL, and TTL is never trusted to have deleted anything.
 * Reads are strongly consistent: a version or a ledger entry read stale would defeat its condition.
 */
export class DynamoStore implements Store {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly clock: Clock;

  constructor(options: DynamoStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.clock = options.clock ?? systemClock;
  }

  async getRecord<T>(ref: RecordRef): Promise<Stored<T> | undefined> {
    const item = await this.get(recordKey(ref));
    return item && { data: item.data as T, version: item.version as number };
  }

  async saveRecord<T>(ref: RecordRef, data: T, expectedVersion: number): Promise<boolean> {
    if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
      throw new Error(`expectedVersion must be a whole number ≥ 0, got ${String(expectedVersion)}`);
    }
    const creating = expectedVersion === 0;
    return whenConditionHolds(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...recordKey(ref), data, version: expectedVersion + 1, updatedAt: toIso(this.clock.now()) },
          ConditionExpression: creating ? 'attribute_not_exists(pk)' : '#version = :expected',
          ExpressionAttributeNames: creating ? undefined : { '#version': 'version' },
          ExpressionAttributeValues: creating ? undefined : { ':expected': expectedVersion },
        }),
      ),
    );
  }

  async hasSeenEvent(eventId: string, now: Instant): Promise<boolean> {
    const item = await this.get(eventKey(eventId));
    return item !== undefined && !isExpired(item.expiresAt as number, now);
  }

  async markEventSeen(eventId: string, now: Instant, ttlSeconds: number): Promise<boolean> {
    // An expired record counts as unseen even if DynamoDB's TTL has not deleted it yet (that may
    // take days; dynalite never does).
    return whenConditionHolds(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...eventKey(eventId), expiresAt: expiresAtFor(now, ttlSeconds), seenAt: toIso(now) },
          ConditionExpression: 'attribute_not_exists(pk) OR #expiresAt < :nowSeconds',
          ExpressionAttributeNames: { '#expiresAt': 'expiresAt' },
          ExpressionAttributeValues: { ':nowSeconds': epochSeconds(now) },
        }),
      ),
    );
  }

  async getAction(key: string): Promise<ActionEntry | undefined> {
    const item = await this.get(actionKey(key));
    return item && toActionEntry(item);
  }

  async recordAction(entry: ActionEntry): Promise<boolean> {
    return whenConditionHolds(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...actionKey(entry.key), key: entry.key, ref: entry.ref, result: entry.result, at: entry.at },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async appendAudit(ref: RecordRef, entry: AuditEntry): Promise<void> {
    const { at, type, summary, detail } = entry;
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { ...auditKey(ref, at), at, type, summary, detail } }),
    );
  }

  async listAudit(ref: RecordRef): Promise<AuditEntry[]> {
    const items = await this.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': recordPk(ref), ':prefix': AUDIT_PREFIX },
    });
    return items.map(toAuditEntry);
  }

  async recordFailure(entry: FailureEntry): Promise<void> {
    // Recording the same failure again (a retried reporter) keeps the first, so a failure already
    // marked retried does not reopen.
    await whenConditionHolds(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...failureKey(entry.id, entry.at), ...entry },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async listFailures(state?: FailureEntry['state']): Promise<FailureEntry[]> {
    const items = await this.query({
      KeyConditionExpression: 'pk = :pk',
      ...(state === undefined
        ? { ExpressionAttributeValues: { ':pk': FAILURE_PK } }
        : {
            FilterExpression: '#state = :state',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':pk': FAILURE_PK, ':state': state },
          }),
    });
    return items.map(toFailureEntry);
  }

  async markFailureRetried(id: string, at?: Instant): Promise<boolean> {
    // The sort key starts with the time: without it, find the oldest open one by id.
    const key =
      at === undefined
        ? (
            await this.query({
              KeyConditionExpression: 'pk = :pk',
              FilterExpression: '#id = :id AND #state = :open',
              ProjectionExpression: 'pk, sk',
              ExpressionAttributeNames: { '#id': 'id', '#state': 'state' },
              ExpressionAttributeValues: { ':pk': FAILURE_PK, ':id': id, ':open': 'open' },
            })
          )[0]
        : failureKey(id, at);
    if (!key) return false;
    // Conditional: two retries racing here must not both win, and an unknown key is not created.
    return whenConditionHolds(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: key['pk'], sk: key['sk'] },
          UpdateExpression: 'SET #state = :retried, retriedAt = :now',
          ConditionExpression: '#state = :open AND #id = :id',
          ExpressionAttributeNames: { '#state': 'state', '#id': 'id' },
          ExpressionAttributeValues: {
            ':open': 'open',
            ':retried': 'retried',
            ':id': id,
            ':now': toIso(this.clock.now()),
          },
        }),
      ),
    );
  }

  private async get(key: ItemKey): Promise<Record<string, unknown> | undefined> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return output.Item;
  }

  /** Every page, in sort-key order (time order for audit and failures). */
  private async query(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    const pages = paginateQuery({ client: this.client }, { ...input, TableName: this.tableName, ConsistentRead: true });
    for await (const page of pages) items.push(...(page.Items ?? []));
    return items;
  }
}
