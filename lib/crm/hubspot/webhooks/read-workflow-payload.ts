import { createHash } from 'node:crypto';
import type { CrmEvent, RecordKind } from '../../../core/model/crm-event.ts';
import type { Instant } from '../../../core/time/instant.ts';
import { describeIssues } from '../../shared/describe-issues.ts';
import { readJson } from './json-body.ts';
import { ok, rejected, type HubSpotResult } from './rejection.ts';
import { modifiedAt, workflowFields } from './workflow-fields.ts';
import { workflowBodySchema } from './workflow-schema.ts';

/** The route segment of a workflow endpoint (`/webhooks/hubspot/workflow/<object>`) → the record kind. */
export const WORKFLOW_OBJECTS: ReadonlyMap<string, RecordKind> = new Map([
  ['tickets', 'case'],
  ['orders', 'order'],
]);

export interface WorkflowPayloadOptions {
  readonly kind: RecordKind;
  readonly receivedAt: Instant;
  /** When this delivery was made: the v3 signature's timestamp, else receivedAt. */
  readonly deliveredAt: Instant;
}

export interface WorkflowPayload {
  readonly event: CrmEvent;
  /** The portal the body names, when the admin included `portalId`. */
  readonly portalId?: string;
}

/**
 * A verified "Send a webhook" body → one partial CrmEvent. Its id hashes the raw body: a retry of
 * the same delivery carries the same body, so it dedupes. The body normally holds the record's
 * modification time; when it does not, two different changes could send the same bytes, so the
 * delivery's time goes into the hash too — a retry may then arrive twice, which the router
 * tolerates (a partial event only makes it re-read the record), while no change is ever dropped.
 */
export function readWorkflowPayload(
  rawBody: Uint8Array,
  options: WorkflowPayloadOptions,
): HubSpotResult<WorkflowPayload> {
  const json = readJson(rawBody);
  if (!json.ok) return json;
  const body = workflowBodySchema.safeParse(json.value);
  if (!body.success) return rejected('invalid_payload', describeIssues(body.error.issues));

  const recordId = body.data.objectId ?? body.data.hs_object_id ?? '';
  const fields = workflowFields(body.data);
  const modified = modifiedAt(fields);
  const digest = createHash('sha256').update(options.kind).update('\n').update(rawBody);
  if (modified === undefined) digest.update(`\n${options.deliveredAt}`);
  const event: CrmEvent = {
    id: `hubspot:workflow:${recordId}:${digest.digest('hex')}`,
    crm: 'hubspot',
    kind: options.kind,
    recordId,
    // A workflow action does not say what changed; the router compares with what it stored.
    change: 'updated',
    occurredAt: modified ?? options.deliveredAt,
    receivedAt: options.receivedAt,
    fields,
    complete: false,
  };
  return ok(body.data.portalId === undefined ? { event } : { event, portalId: body.data.portalId });
}
