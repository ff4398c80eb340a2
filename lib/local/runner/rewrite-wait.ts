/**
 * The engine's Wait sleeps on the real setTimeout. We turn each Wait into a Task on our own
 * virtual-wait resource whose handler sleeps on crmflow's clock (see docs/notes/aws-local-stepfunctions.md).
 */
import type { AslState } from './asl.ts';

/** Marks the rewritten states; never invoked as a Lambda. */
export const VIRTUAL_WAIT_RESOURCE = 'arn:aws:lambda:us-east-1:123456789012:function:crmflow-virtual-wait';

/** 2^31 − 1 ms in seconds: the engine races every Task against a real setTimeout, and above this Node fires it at once. */
export const ENGINE_MAX_TIMEOUT_SECONDS = 2147483;

/** What the virtual-wait handler receives: the state's effective input and the wait, paths resolved by the engine. */
export interface VirtualWaitInput {
  readonly payload: unknown;
  readonly wait: { readonly seconds?: unknown; readonly timestamp?: unknown };
}

/**
 * Wait → Task(virtual wait). The engine applies InputPath, then Parameters (resolving `.$` paths);
 * the handler returns `payload`; with no ResultPath that replaces the effective input, then
 * OutputPath applies — the same data flow as a Wait.
 */
export function rewriteWait(state: AslState): AslState {
  const { Type: _type, Seconds, SecondsPath, Timestamp, TimestampPath, ...keep } = state;
  const wait =
    Seconds !== undefined
      ? { seconds: Seconds }
      : SecondsPath !== undefined
        ? { 'seconds.$': SecondsPath }
        : Timestamp !== undefined
          ? { timestamp: Timestamp }
          : { 'timestamp.$': TimestampPath };
  return {
    ...keep,
    Type: 'Task',
    Resource: VIRTUAL_WAIT_RESOURCE,
    Parameters: { 'payload.$': '$', wait },
    TimeoutSeconds: ENGINE_MAX_TIMEOUT_SECONDS,
  };
}
