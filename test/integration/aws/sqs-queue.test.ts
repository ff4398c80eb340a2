import { SQSClient } from '@aws-sdk/client-sqs';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnqueueError, SqsEventQueue } from '../../../lib/aws/sqs-queue.ts';
import { parseCrmEvent } from '../../../lib/core/model/crm-event-schema.ts';
import type { CrmEvent } from '../../../lib/core/model/crm-event.ts';
import { DUMMY_CREDENTIALS, startFakeAws, type AwsCall } from './support/fake-aws.ts';

const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/crmflow-events';
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

interface Entry {
  readonly Id: string;
  readonly MessageBody: string;
}
const entriesOf = (call: AwsCall | undefined) => (call?.body.Entries ?? []) as Entry[];

/** SendMessageBatch answered by the JSON protocol; `fail` picks entries to report as Failed. */
function sqsAnswer(fail: (entry: Entry) => boolean = () => false) {
  return (call: AwsCall) => {
    const entries = entriesOf(call);
    return {
      body: {
        Successful: entries
          .filter((entry) => !fail(entry))
          .map((entry) => ({ Id: entry.Id, MessageId: `m-${entry.Id}`, MD5OfMessageBody: md5(entry.MessageBody) })),
        Failed: entries
          .filter(fail)
          .map((entry) => ({ Id: entry.Id, SenderFault: false, Code: 'InternalError', Message: 'try again' })),
      },
    };
  };
}

const event = (n: number, fields: CrmEvent['fields'] = { Status: 'Working' }): CrmEvent => ({
  id: `evt-${n}`,
  crm: 'salesforce',
  kind: 'case',
  recordId: `500A${n}`,
  change: 'updated',
  occurredAt: Date.parse('2026-12-02T07:00:00Z') + n,
  receivedAt: Date.parse('2026-12-02T07:00:01Z'),
  fields,
  complete: true,
});

let sqs: Awaited<ReturnType<typeof startFakeAws>> | undefined;
let client: SQSClient | undefined;
async function queueAnswering(answer: Parameters<typeof startFakeAws>[0]) {
  sqs = await startFakeAws(answer);
  client = new SQSClient({ endpoint: sqs.endpoint, region: 'eu-west-1', credentials: DUMMY_CREDENTIALS });
  return { queue: new SqsEventQueue({ client, queueUrl: QUEUE_URL }), calls: sqs.calls };
}
beforeEach(() => {
  sqs = undefined;
});
afterEach(async () => {
  client?.destroy();
  await sqs?.close();
});

describe('SqsEventQueue', () => {
  it('sends SendMessageBatch over the JSON protocol, ten entries at most, each event as its JSON', async () => {
    const { queue, calls } = await queueAnswering(sqsAnswer());
    const events = Array.from({ length: 23 }, (_, n) => event(n));
    await queue.enqueue(events);

    expect(calls.map((call) => call.operation)).toEqual(Array(3).fill('AmazonSQS.SendMessageBatch'));
    expect(calls[0]?.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(calls.map((call) => call.body.QueueUrl)).toEqual(Array(3).fill(QUEUE_URL));
    expect(calls.map((call) => entriesOf(call).length).sort()).toEqual([10, 10, 3]);
    const queued = calls.flatMap((call) => entriesOf(call).map((entry) => parseCrmEvent(entry.MessageBody)));
    expect(queued.sort((a, b) => a.occurredAt - b.occurredAt)).toEqual(events);
  });

  it('keeps a batch’s bodies under 256 KiB: large events go in smaller batches', async () => {
    const { queue, calls } = await queueAnswering(sqsAnswer());
    const large = { Description: 'x'.repeat(100 * 1024) };
    await queue.enqueue([event(1, large), event(2, large), event(3, large), event(4)]);

    expect(calls.map((call) => entriesOf(call).length).sort()).toEqual([2, 2]);
  });

  it('rejects when any entry failed, naming the codes but no event data', async () => {
    const { queue } = await queueAnswering(sqsAnswer((entry) => entry.Id === '1'));
    const failure = queue.enqueue([event(1, { Subject: 'jane.doe@example.com' }), event(2)]);

    await expect(failure).rejects.toThrow(EnqueueError);
    await expect(failure).rejects.toThrow('1 of 2 events were not queued: InternalError');
    await expect(failure).rejects.not.toThrow(/jane/);
  });

  it('rejects when SQS answers an error', async () => {
    const { queue } = await queueAnswering(() => ({
      status: 400,
      body: { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' },
    }));
    await expect(queue.enqueue([event(1)])).rejects.toThrow(/queue does not exist/i);
  });

  it('sends nothing for no events', async () => {
    const { queue, calls } = await queueAnswering(sqsAnswer());
    await queue.enqueue([]);
    expect(calls).toHaveLength(0);
  });
});
