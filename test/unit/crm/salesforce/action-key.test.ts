import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionKeyOf, withActionKey } from '../../../../lib/crm/shared/action-key.ts';

describe('action keys in descriptions', () => {
  it('ends the text with the key line, after a blank line', () => {
    expect(withActionKey('Call Maija.\n', 'follow-up:salesforce:500:call:1')).toBe(
      'Call Maija.\n\ncrmflow action: follow-up:salesforce:500:call:1',
    );
    expect(withActionKey('  ', 'k')).toBe('crmflow action: k');
  });

  it('shortens the text, never the key, to fit a field', () => {
    const text = withActionKey('x'.repeat(100), 'k:1', 40);
    expect(text).toHaveLength(40);
    expect(actionKeyOf(text)).toBe('k:1');
  });

  it('reads back exactly the key it wrote, and nothing from other texts', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[a-z0-9:-]{1,60}$/), (text, key) => {
        expect(actionKeyOf(withActionKey(text, key))).toBe(key);
      }),
    );
    expect(actionKeyOf('Called, no answer.')).toBeUndefined();
    expect(actionKeyOf(null)).toBeUndefined();
    expect(actionKeyOf('crmflow action: k:1\nedited by an agent')).toBeUndefined();
  });
});
