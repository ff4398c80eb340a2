import type { Instant } from '../../core/time/instant.ts';

/**
 * The one expiry rule of the event dedupe, used by the conditional write and by the read. TTL
 * attributes are epoch seconds; rounding up when writing and down when comparing keeps an event at
 * least `ttlSeconds` (a second or two more is harmless, a duplicate let through is not).
 */
export const expiresAtFor = (now: Instant, ttlSeconds: number): number => Math.ceil(now / 1000) + Math.ceil(ttlSeconds);

export const epochSeconds = (now: Instant): number => Math.floor(now / 1000);

/** Expired once `expiresAt < epochSeconds(now)`: the same comparison as the write's condition. */
export const isExpired = (expiresAt: number, now: Instant): boolean => expiresAt < epochSeconds(now);
