/** E-mail texts live in template files (templates/email), not in code: people edit them. */
export const EMAIL_TEMPLATES = ['expedite-request', 'delay-escalation', 'delay-notice'] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface EmailTemplates {
  render(template: EmailTemplate, data: Readonly<Record<string, unknown>>): RenderedEmail;
}
