/**
 * What a run's `faults` actually did, counted as they happen: `crmflow simulate` reports it, and the
 * fault tests check that every kind was exercised rather than trusting the probabilities.
 */
export interface FaultTally {
  /** Retryable error answers (429, 503, REQUEST_LIMIT_EXCEEDED, SERVER_UNAVAILABLE). */
  crmErrors: number;
  /** Requests left unanswered past the adapter's deadline (of them, writes that were made). */
  timeouts: number;
  timeoutsAfterWrite: number;
  /** Sessions ended just before a request (401 until refreshed). */
  expiredSessions: number;
  /** Writes made whose answer was lost (a gateway error instead). */
  lostAnswers: number;
  /** Webhook events delivered again, and events delivered late within their minute. */
  duplicateDeliveries: number;
  delayedDeliveries: number;
}

export const emptyTally = (): FaultTally => ({
  crmErrors: 0,
  timeouts: 0,
  timeoutsAfterWrite: 0,
  expiredSessions: 0,
  lostAnswers: 0,
  duplicateDeliveries: 0,
  delayedDeliveries: 0,
});
