import { describeIssues } from '../../shared/describe-issues.ts';
import { webhookBatchSchema, type WebhookBatch } from './batch-schema.ts';
import { readJson } from './json-body.ts';
import { isConfiguredPortal } from './portal.ts';
import { ok, rejected, type HubSpotResult } from './rejection.ts';

/** A verified webhooks API body → its checked events, or why it is refused. */
export function readWebhookBatch(rawBody: Uint8Array): HubSpotResult<WebhookBatch> {
  const json = readJson(rawBody);
  if (!json.ok) return json;
  const batch = webhookBatchSchema.safeParse(json.value);
  if (!batch.success) return rejected('invalid_payload', describeIssues(batch.error.issues));
  return ok(batch.data);
}

/**
 * The first portal id in the batch that is not the configured one, if any. One app (one client
 * secret) can be installed in many portals: a valid signature says "from HubSpot", not "from ours".
 */
export function foreignPortal(batch: WebhookBatch, configuredPortalId: string): string | undefined {
  return batch.find((event) => !isConfiguredPortal(event.portalId, configuredPortalId))?.portalId;
}
