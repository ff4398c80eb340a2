import type { Instant } from '../time/instant.ts';

/** Time as the adapters see it: the real clock in the cloud, a virtual one locally. */
export interface Clock {
  now(): Instant;
}
