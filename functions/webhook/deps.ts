import { cloudEdgeDeps } from '../../lib/aws/edge-deps.ts';
import type { EdgeDeps } from '../../lib/edge/index.ts';
import { once } from '../shared/once.ts';

/** Builds the edge's dependencies: the queue, secrets and config. */
export type DepsFactory = () => Promise<EdgeDeps>;

/**
 * Builds them once per Lambda container (secrets are read at cold start, not per request). A failed
 * build is not kept, so the next request tries again.
 */
export const onceDeps = (factory: DepsFactory): DepsFactory => once(factory);

/** The cloud wiring: the bundled config's `crm`, the webhook secrets from Secrets Manager, SQS. */
export const cloudDeps: DepsFactory = () => cloudEdgeDeps();
