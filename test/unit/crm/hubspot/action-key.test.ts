import { describe, expect, it } from 'vitest';
import { actionKeyOf, withActionKey } from '../../../../lib/crm/hubspot/action-key.ts';

describe('HubSpot action keys', () => {
  it('ends the text with the key line, as on Salesforce', () => {
    expect(withActionKey('Call Maija.', 'follow-up:hubspot:9001:call:1')).toBe(
      'Call Maija.\n\ncrmflow action: follow-up:hubspot:9001:call:1',
    );
    expect(actionKeyOf('Call Maija.\n\ncrmflow action: follow-up:hubspot:9001:call:1')).toBe(
      'follow-up:hubspot:9001:call:1',
    );
  });

  it('finds the key in the rich text HubSpot keeps after an agent edits a task', () => {
    expect(actionKeyOf('<p>Called, no answer.</p><p>crmflow action: k:1</p>')).toBe('k:1');
    expect(actionKeyOf('<div>Call&nbsp;again<br>crmflow action: a&amp;b:2</div>')).toBe('a&b:2');
    expect(actionKeyOf('<p>crmflow action: k&constructor;1</p>')).toBe('k&constructor;1');
    expect(actionKeyOf('<p>crmflow action: k:1</p><p>and a line an agent added</p>')).toBeUndefined();
  });

  it('is undefined for text crmflow did not write', () => {
    expect(actionKeyOf('Logged by hand')).toBeUndefined();
    expect(actionKeyOf(null)).toBeUndefined();
    expect(actionKeyOf(undefined)).toBeUndefined();
  });
});
