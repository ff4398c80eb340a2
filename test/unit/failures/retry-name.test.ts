import { describe, expect, it } from 'vitest';
import { retryExecutionName } from '../../../lib/core/failures/retry-name.ts';

const STEP_FUNCTIONS_NAME = /^[A-Za-z0-9_-]{1,80}$/;

describe('retryExecutionName', () => {
  it('names the retry after the failure’s id and when it was recorded', () => {
    const name = retryExecutionName({ id: 'escalation-salesforce-500000000000001AAA-v1', at: 1796198400000 });
    expect(name).toBe('escalation-salesforce-500000000000001AAA-v1-retry-1796198400000');
  });

  it('gives a later failure under the same id another name', () => {
    const id = 'follow-up-hubspot-12345678901-c1';
    expect(retryExecutionName({ id, at: 1 })).not.toBe(retryExecutionName({ id, at: 2 }));
  });

  it('shortens a name past 80 characters the same way every time, keeping ids apart', () => {
    const id = `expedite-hubspot-${'9'.repeat(70)}-v12`;
    const name = retryExecutionName({ id, at: 1796198400000 });
    expect(name).toMatch(STEP_FUNCTIONS_NAME);
    expect(name).toHaveLength(80);
    expect(name.startsWith('expedite-hubspot-999')).toBe(true);
    expect(retryExecutionName({ id, at: 1796198400000 })).toBe(name);
    expect(retryExecutionName({ id, at: 1796198400001 })).not.toBe(name);
    expect(retryExecutionName({ id: `${id}3`, at: 1796198400000 })).not.toBe(name);
  });

  it('replaces characters Step Functions refuses in a name', () => {
    const name = retryExecutionName({ id: 'escalation-hubspot-a b:c/d', at: 5 });
    expect(name).toMatch(STEP_FUNCTIONS_NAME);
    expect(name.startsWith('escalation-hubspot-a_b_c_d-retry-')).toBe(true);
  });
});
