import type { Route } from './route.ts';
import { salesforceEventsRoute } from './salesforce-events.ts';
import { salesforceOutboundRoute } from './salesforce-outbound.ts';

/** Every webhook endpoint. HubSpot's (`/webhooks/hubspot`, signature v3) joins this list. */
export const ROUTES: readonly Route[] = [salesforceOutboundRoute, salesforceEventsRoute];

export function findRoute(
  path: string,
  routes: readonly Route[] = ROUTES,
): { route: Route; params: Readonly<Record<string, string>> } | undefined {
  for (const route of routes) {
    const params = route.match(path);
    if (params) return { route, params };
  }
  return undefined;
}

export type { Route } from './route.ts';
