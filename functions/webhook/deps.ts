import type { EdgeDeps } from '../../lib/edge/index.ts';

/** Builds the edge's dependencies: the queue, secrets and config. */
export type DepsFactory = () => Promise<EdgeDeps>;

/**
 * Builds them once per Lambda container (secrets are read at cold start, not per request). A failed
 * build is not kept, so the next request tries again.
 */
export function onceDeps(factory: DepsFactory): DepsFactory {
  let pending: Promise<EdgeDeps> | undefined;
  return () => {
    pending ??= factory().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/**
 * The cloud wiring — SQS queue adapter, Secrets Manager, the config the stack passes in — lands with
 * the lib/aws adapters. Until then the deployed handler fails (5xx), so Salesforce keeps retrying and
 * nothing is lost; local and test code passes its own deps to createHandler.
 */
export const cloudDeps: DepsFactory = () =>
  Promise.reject(new Error('the webhook edge has no cloud dependencies yet: pass deps to createHandler'));
