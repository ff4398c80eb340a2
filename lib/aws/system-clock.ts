import type { Clock } from '../core/ports/clock.ts';

/** The real clock: outside lib/local, the one place the cloud wiring reads the time (lib/core never does). */
export const systemClock: Clock = { now: () => Date.now() };
