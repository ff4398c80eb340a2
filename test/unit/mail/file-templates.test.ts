import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FileEmailTemplates } from '../../../lib/mail/file-templates.ts';

const words = {
  order: 'order 00000101',
  promise: 'Wednesday 9 December 2026',
  shipBy: 'Wednesday 9 December 2026 at 17:00',
  customer: 'Maija Virtanen',
  customerFirstName: 'Maija',
  customerNotified: true,
  policy: 'flagged-orders',
  reason: 'flagged for expediting',
};

describe('e-mail templates from files', () => {
  const templates = new FileEmailTemplates();

  it('writes the delay notice a customer would be glad to get: plain, polite, what happens next', () => {
    const mail = templates.render('delay-notice', words);
    expect(mail.subject).toBe('An update on your order 00000101');
    expect(mail.text).toContain('Dear Maija,');
    expect(mail.text).toContain('which we promised for Wednesday 9 December 2026');
    expect(mail.text).toContain('What happens next');
    expect(mail.html).toContain('<strong>What happens next:</strong>');
  });

  it('names the order, the promise, the ship-by deadline and the customer in the fulfilment request', () => {
    const mail = templates.render('expedite-request', words);
    expect(mail.subject).toBe('Please expedite order 00000101 — promised for Wednesday 9 December 2026');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Maija Virtanen');
      expect(part).toContain('Wednesday 9 December 2026 at 17:00');
    }
  });

  it('escapes values in HTML but not in plain text', () => {
    const mail = templates.render('delay-notice', { ...words, customerFirstName: '<b>Maija & co</b>' });
    expect(mail.text).toContain('Dear <b>Maija & co</b>,');
    expect(mail.html).toContain('Dear &lt;b&gt;Maija &amp; co&lt;&#x2F;b&gt;,');
  });

  it('refuses to start with a template missing', () => {
    const directory = mkdtempSync(join(tmpdir(), 'crmflow-templates-'));
    writeFileSync(join(directory, 'expedite-request.subject.mustache'), 'x');
    expect(() => new FileEmailTemplates(pathToFileURL(`${directory}/`))).toThrow(/expedite-request\.txt\.mustache/);
  });
});
