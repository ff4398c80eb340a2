import { describe, expect, it } from 'vitest';
import { rewriteWait, VIRTUAL_WAIT_RESOURCE } from '../../../../lib/local/runner/rewrite-wait.ts';
import { dueOf } from '../../../../lib/local/runner/wait-handler.ts';

const NOW = Date.UTC(2026, 11, 1, 8);

describe('the Wait rewrite', () => {
  it('turns a Wait into a virtual-wait Task that keeps its paths and transitions', () => {
    const wait = { Type: 'Wait', TimestampPath: '$.until', InputPath: '$.plan', OutputPath: '$.x', Next: 'Plan' };
    expect(rewriteWait(wait)).toEqual({
      Type: 'Task',
      Resource: VIRTUAL_WAIT_RESOURCE,
      Parameters: { 'payload.$': '$', wait: { 'timestamp.$': '$.until' } },
      TimeoutSeconds: 2147483,
      InputPath: '$.plan',
      OutputPath: '$.x',
      Next: 'Plan',
    });
    expect(rewriteWait({ Type: 'Wait', Seconds: 5, End: true })).toMatchObject({
      Parameters: { wait: { seconds: 5 } },
    });
    expect(rewriteWait({ Type: 'Wait', SecondsPath: '$.s', End: true })).toMatchObject({
      Parameters: { wait: { 'seconds.$': '$.s' } },
    });
  });

  it('reads the due time as Step Functions does', () => {
    expect(dueOf({ seconds: 90 }, NOW, 'W')).toBe(NOW + 90_000);
    expect(dueOf({ timestamp: '2026-12-01T10:00:00+02:00' }, NOW, 'W')).toBe(NOW);
    expect(dueOf({ timestamp: '2026-12-01T08:00:00.250Z' }, NOW, 'W')).toBe(NOW + 250);
    expect(() => dueOf({ seconds: 1.5 }, NOW, 'W')).toThrow(/integer/);
    expect(() => dueOf({ seconds: -1 }, NOW, 'W')).toThrow(/integer/);
    expect(() => dueOf({ timestamp: '2026-12-01 08:00' }, NOW, 'W')).toThrow(/RFC 3339/);
  });
});
