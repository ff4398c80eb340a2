/**
 * E-mail templates from files: `<name>.subject.mustache`, `<name>.txt.mustache`,
 * `<name>.html.mustache` (Mustache). Read once, at construction, so a missing or broken template
 * fails at start-up rather than at the moment a customer should have been told something.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findPackageRoot } from '../package-root.ts';
import Mustache from 'mustache';
import {
  EMAIL_TEMPLATES,
  type EmailTemplate,
  type EmailTemplates,
  type RenderedEmail,
} from '../core/ports/templates.ts';

/** `templates/email/` of the crmflow package: this checkout, or node_modules/crmflow when installed. */
export function defaultTemplateDirectory(): URL {
  return pathToFileURL(`${join(findPackageRoot(), 'templates', 'email')}/`);
}

type Parts = Record<'subject' | 'txt' | 'html', string>;

export class FileEmailTemplates implements EmailTemplates {
  readonly #templates: ReadonlyMap<EmailTemplate, Parts>;

  constructor(directory: URL = defaultTemplateDirectory()) {
    this.#templates = new Map(
      EMAIL_TEMPLATES.map((name) => {
        const part = (kind: keyof Parts) => {
          const text = readFileSync(new URL(`${name}.${kind}.mustache`, directory), 'utf8');
          Mustache.parse(text); // throws on a malformed template, naming the tag
          return text;
        };
        return [name, { subject: part('subject'), txt: part('txt'), html: part('html') }] as const;
      }),
    );
  }

  render(template: EmailTemplate, data: Readonly<Record<string, unknown>>): RenderedEmail {
    const parts = this.#templates.get(template);
    if (!parts) throw new Error(`no e-mail template "${template}"`);
    // Plain text and subjects are not HTML: no escaping there; the HTML part escapes every value.
    const plain = { escape: (value: unknown) => String(value) };
    return {
      subject: Mustache.render(parts.subject, data, {}, plain).trim().replace(/\s+/g, ' '),
      text: Mustache.render(parts.txt, data, {}, plain),
      html: Mustache.render(parts.html, data),
    };
  }
}
