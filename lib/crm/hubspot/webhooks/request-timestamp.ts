import type { Instant } from '../../../core/time/instant.ts';

/** HubSpot's rule: "reject the request if the timestamp is older than 5 minutes" (its SDKs: > 300000 ms). */
export const MAX_TIMESTAMP_AGE_MS = 300_000;
/** HubSpot says nothing of the future; a minute covers clock drift, not a pre-signed request kept for later. */
export const MAX_FUTURE_SKEW_MS = 60_000;

/** `X-HubSpot-Request-Timestamp` is unix time in milliseconds; anything else is not HubSpot's. */
export function parseTimestamp(text: string): Instant | undefined {
  return /^\d{1,16}$/.test(text) ? Number(text) : undefined;
}

/** Why a signed moment is outside the window, or undefined when it is inside. */
export function outsideWindow(signedAt: Instant, now: Instant): string | undefined {
  if (now - signedAt > MAX_TIMESTAMP_AGE_MS) {
    return 'X-HubSpot-Request-Timestamp is more than 5 minutes old — a replay, or a retry HubSpot did not re-sign';
  }
  if (signedAt - now > MAX_FUTURE_SKEW_MS) {
    return 'X-HubSpot-Request-Timestamp is more than a minute ahead of crmflow’s clock';
  }
  return undefined;
}
