import { SESClient } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SesMailer, mailLedgerKey } from '../../../lib/aws/ses-mailer.ts';
import type { DynamoStore } from '../../../lib/aws/store/dynamo-store.ts';
import type { RecordRef } from '../../../lib/core/model/crm-event.ts';
import { freshStore, useLocalDynamo } from '../store/store-fixture.ts';
import { DUMMY_CREDENTIALS, startFakeAws } from './support/fake-aws.ts';

/** SES v1 speaks the Query protocol: form-encoded request, XML answer. */
const sendEmailResponse = (id: string) =>
  `<SendEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">` +
  `<SendEmailResult><MessageId>${id}</MessageId></SendEmailResult>` +
  `<ResponseMetadata><RequestId>req-${id}</RequestId></ResponseMetadata></SendEmailResponse>`;

const local = useLocalDynamo();
/** What the fake SES answers next; a success by default. */
let failWith: { code: string; status: number } | undefined;
const sesError = ({ code }: { code: string }) =>
  `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type>` +
  `<Code>${code}</Code><Message>${code} happened</Message></Error><RequestId>r</RequestId></ErrorResponse>`;

let ses: Awaited<ReturnType<typeof startFakeAws>>;
let client: SESClient;
let store: DynamoStore;

beforeAll(async () => {
  ses = await startFakeAws((_call, index) =>
    failWith ? { status: failWith.status, body: sesError(failWith) } : { body: sendEmailResponse(`msg-${index + 1}`) },
  );
  // One attempt: the SDK's own backoff on throttling would only slow the test down.
  const endpoint = ses.endpoint;
  client = new SESClient({ endpoint, region: 'eu-west-1', credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });
});
afterAll(async () => {
  client.destroy();
  await ses.close();
});
beforeEach(async () => {
  store = await freshStore(local());
  ses.calls.length = 0;
  failWith = undefined;
});

const ref: RecordRef = { crm: 'salesforce', kind: 'order', id: '8015g00000OrD01AAB' };
const at = Date.parse('2026-12-02T08:00:00Z');
const mailer = () =>
  new SesMailer({ client, from: 'crmflow <noreply@example.com>', ledger: store, clock: { now: () => at }, ref });
const mail = {
  actionKey: 'expedite:salesforce:8015g00000OrD01AAB:delay:1:customer',
  to: ['customer@example.com'],
  subject: 'Your order is delayed',
  text: 'We are sorry.',
  html: '<p>We are sorry.</p>',
};

describe('SesMailer', () => {
  it('sends one e-mail for two sends of one action key, and records it in the ledger', async () => {
    const first = await mailer().send(mail);
    const second = await mailer().send(mail);

    expect(first).toEqual({ messageId: 'msg-1' });
    expect(second).toEqual({ messageId: 'msg-1' });
    expect(ses.calls).toHaveLength(1);
    expect(await store.getAction(mailLedgerKey(mail.actionKey))).toEqual({
      key: `mail:${mail.actionKey}`,
      ref,
      result: { messageId: 'msg-1' },
      at,
    });
  });

  it('sends SendEmail from the configured sender with text and HTML bodies in UTF-8', async () => {
    await mailer().send({ ...mail, subject: 'Tilauksesi myöhästyy' });

    expect(ses.calls[0]?.operation).toBe('SendEmail');
    expect(ses.calls[0]?.body).toMatchObject({
      Source: 'crmflow <noreply@example.com>',
      'Destination.ToAddresses.member.1': 'customer@example.com',
      'Message.Subject.Data': 'Tilauksesi myöhästyy',
      'Message.Subject.Charset': 'UTF-8',
      'Message.Body.Text.Data': 'We are sorry.',
      'Message.Body.Html.Data': '<p>We are sorry.</p>',
    });
  });

  it('leaves the HTML part out when the mail has none, and sends each key once', async () => {
    const { html: _html, ...plain } = mail;
    await mailer().send({ ...plain, actionKey: 'a:1' });
    await mailer().send({ ...plain, actionKey: 'a:2' });
    await mailer().send({ ...plain, actionKey: 'a:1' });

    expect(ses.calls).toHaveLength(2);
    expect(Object.keys(ses.calls[0]?.body ?? {}).some((name) => name.includes('Html'))).toBe(false);
  });

  it('keeps the ledger apart from the CRM action the e-mail belongs to', async () => {
    await store.recordAction({ key: mail.actionKey, ref, result: { task: '00T1' }, at });
    await mailer().send(mail);
    expect(ses.calls).toHaveLength(1);
  });

  it('answers concurrent sends of one key with the one message id the ledger kept', async () => {
    const [a, b] = await Promise.all([mailer().send(mail), mailer().send(mail)]);
    expect(a).toEqual(b);
    expect(await store.getAction(mailLedgerKey(mail.actionKey))).toMatchObject({ result: a });
  });

  it('reports SES throttling as MailRetryableError (the workflows retry it) and a refusal as it is', async () => {
    failWith = { code: 'Throttling', status: 400 };
    await expect(mailer().send(mail)).rejects.toMatchObject({
      name: 'MailRetryableError',
      message: 'Throttling: Throttling happened',
    });
    failWith = { code: 'MessageRejected', status: 400 };
    await expect(mailer().send(mail)).rejects.toMatchObject({ name: 'MessageRejected' });
    expect(await store.getAction(mailLedgerKey(mail.actionKey))).toBeUndefined();
  });
});
