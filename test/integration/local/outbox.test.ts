import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../lib/local/clock/index.ts';
import { Outbox } from '../../../lib/local/outbox/outbox.ts';

describe('the local outbox', () => {
  it('writes one .eml per action key, however often it is sent', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'crmflow-outbox-'));
    const clock = new VirtualClock(Date.parse('2026-12-02T08:00:00Z'));
    const outbox = new Outbox({ clock, directory });
    const mail = {
      actionKey: 'escalation:salesforce:500X:tier1:1:email:1',
      to: ['supervisor@example.com'],
      subject: 'Escalated: case 00001001',
      text: 'Escalated to senior-reps.',
      html: '<p>Escalated to <b>senior-reps</b>.</p>',
    };
    const first = await outbox.send(mail);
    const again = await new Outbox({ clock, directory }).send(mail);
    expect(again.messageId).toBe(first.messageId);
    const files = readdirSync(directory);
    expect(files).toEqual(['escalation_salesforce_500X_tier1_1_email_1.eml']);
    const eml = readFileSync(join(directory, files[0] as string), 'utf8');
    expect(eml).toContain('To: supervisor@example.com');
    expect(eml).toContain('Subject: Escalated: case 00001001');
    expect(eml).toContain('Date: Wed, 02 Dec 2026 08:00:00 +0000');
    expect(eml).toMatch(/multipart\/alternative/);
    expect(outbox.sent).toHaveLength(1);
  });
});
