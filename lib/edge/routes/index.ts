import { hubspotWebhooksRoute } from './hubspot-webhooks.ts';
import { hubspotWorkflowRoute } from './hubspot-workflow.ts';
import type { Route } from './route.ts';
import { salesforceEventsRoute } from './salesforce-events.ts';
import { salesforceOutboundRoute } from './salesforce-outbound.ts';

/** Every webhook endpoint (lib/edge/README.md). Paths never overlap, so the order is only for reading. */
export const ROUTES: readonly Route[] = [
  salesforceOutboundRoute,
  salesforceEventsRoute,
  hubspotWebhooksRoute,
  hubspotWorkflowRoute,
];

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
