/** Sending e-mail (SES in the cloud, .eml files in .crmflow/outbox locally). */
export interface Mail {
  /** Idempotency: the same key is sent once. */
  readonly actionKey: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<{ readonly messageId: string }>;
}
