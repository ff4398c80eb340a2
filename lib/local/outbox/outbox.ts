/**
 * The local mailer: each e-mail becomes an .eml file in `.crmflow/outbox/` (open it in any mail
 * client), named after its action key, so sending the same key again writes nothing new.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Clock } from '../../core/ports/clock.ts';
import type { Mail, Mailer } from '../../core/ports/mailer.ts';
import type { Instant } from '../../core/time/instant.ts';

export interface SentMail {
  readonly at: Instant;
  readonly messageId: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly actionKey: string;
}

export class Outbox implements Mailer {
  readonly sent: SentMail[] = [];
  readonly #byKey = new Map<string, SentMail>();
  readonly #clock: Clock;
  readonly #directory: string | undefined;
  readonly #from: string;

  /** `directory` undefined keeps mail in memory only (simulations). */
  constructor(options: { clock: Clock; directory?: string; from?: string }) {
    this.#clock = options.clock;
    this.#directory = options.directory;
    this.#from = options.from ?? 'crmflow <crmflow@localhost>';
  }

  async send(mail: Mail): Promise<{ messageId: string }> {
    const known = this.#byKey.get(mail.actionKey);
    if (known) return { messageId: known.messageId };
    const at = this.#clock.now();
    const messageId = `<${mail.actionKey.replace(/[^\w.-]+/g, '.')}@crmflow.local>`;
    const entry: SentMail = {
      at,
      messageId,
      from: this.#from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      actionKey: mail.actionKey,
    };
    if (this.#directory) await this.#write(entry);
    this.#byKey.set(mail.actionKey, entry);
    this.sent.push(entry);
    return { messageId };
  }

  async #write(mail: SentMail): Promise<void> {
    const directory = this.#directory as string;
    await mkdir(directory, { recursive: true });
    const file = join(directory, `${mail.actionKey.replace(/[^\w.-]+/g, '_')}.eml`);
    const composer = new MailComposer({
      from: mail.from,
      to: [...mail.to],
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      messageId: mail.messageId,
      date: new Date(mail.at),
    });
    const message: Buffer = await new Promise((resolve, reject) =>
      composer.compile().build((error, built) => (error ? reject(error) : resolve(built))),
    );
    // `wx`: an .eml an earlier run or attempt wrote for this key stays as it is.
    await writeFile(file, message, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}
