/**
 * The Mailer on SES (v1 SendEmail). SES has no idempotency token, so the action ledger stands in:
 * a key that is recorded as sent is not sent again. The window between SendEmail and the ledger write
 * remains: a crash there sends once more on retry (at least once — a delay notice lost would be worse
 * than one sent twice).
 */
import { SendEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import type { RecordRef } from '../core/model/crm-event.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Mail, Mailer } from '../core/ports/mailer.ts';
import type { Store } from '../core/ports/store.ts';
import { asRetryable } from './transient.ts';

export interface SesMailerOptions {
  readonly client: SESClient;
  /** The SES-verified sender identity (CRMFLOW_MAIL_FROM). */
  readonly from: string;
  readonly ledger: Pick<Store, 'getAction' | 'recordAction'>;
  readonly clock: Clock;
  /** The record the mail is about: the ledger entry's ref (the Mail port does not carry it). */
  readonly ref: RecordRef;
}

/** Ledger keys of e-mails, apart from the CRM actions whose keys they extend. */
export const mailLedgerKey = (actionKey: string): string => `mail:${actionKey}`;

export class SesMailer implements Mailer {
  readonly #options: SesMailerOptions;

  constructor(options: SesMailerOptions) {
    this.#options = options;
  }

  async send(mail: Mail): Promise<{ messageId: string }> {
    const { client, from, ledger, clock, ref } = this.#options;
    const key = mailLedgerKey(mail.actionKey);
    const sent = await ledger.getAction(key);
    if (sent?.result.messageId) return { messageId: sent.result.messageId };

    const utf8 = (data: string) => ({ Data: data, Charset: 'UTF-8' });
    const { MessageId } = await client
      .send(
        new SendEmailCommand({
          Source: from,
          Destination: { ToAddresses: [...mail.to] },
          Message: {
            Subject: utf8(mail.subject),
            Body: { Text: utf8(mail.text), ...(mail.html ? { Html: utf8(mail.html) } : {}) },
          },
        }),
      )
      .catch((error: unknown) => {
        throw asRetryable('MailRetryableError', error); // throttled or down: the workflow's Retry waits
      });
    if (!MessageId) throw new Error(`SES accepted the e-mail ${mail.actionKey} but returned no message id`);
    if (await ledger.recordAction({ key, ref, result: { messageId: MessageId }, at: clock.now() })) {
      return { messageId: MessageId };
    }
    // A concurrent attempt recorded it first (both sent): report the recorded one, as a retry would.
    const first = await ledger.getAction(key);
    return { messageId: first?.result.messageId ?? MessageId };
  }
}
