export type { LocalClock, PendingTimer } from './local-clock.ts';
export { VirtualClock } from './virtual-clock.ts';
export type { VirtualClockOptions } from './virtual-clock.ts';
export { ScaledClock } from './scaled-clock.ts';
export type { ScaledClockOptions } from './scaled-clock.ts';
