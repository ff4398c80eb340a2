/** Where `crmflow dev` serves its admin API, beside (never under) the edge's /webhooks/…. */
export const ADMIN_PREFIX = '/_crmflow';
export const FAILURES_PATH = `${ADMIN_PREFIX}/failures`;
export const RETRY_PATH = `${FAILURES_PATH}/retry`;
