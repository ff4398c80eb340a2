/** HubSpot webhooks (README.md): verify signatures and API keys, read app batches and workflow actions into CrmEvents. */
export { MIN_API_KEY_LENGTH, isUsableApiKey, type WorkflowApiKey } from './api-key.ts';
export {
  authenticateWorkflow,
  canAuthenticateWorkflows,
  type WorkflowAuth,
  type WorkflowAuthOptions,
} from './authenticate-workflow.ts';
export { webhookBatchSchema, webhookEventSchema, type WebhookBatch, type WebhookEvent } from './batch-schema.ts';
export { SIGNATURE_HEADER, SIGNATURE_V3_HEADER, SIGNATURE_VERSION_HEADER, TIMESTAMP_HEADER } from './headers.ts';
export { OBJECT_TYPE_KINDS, followedChange } from './object-types.ts';
export { isConfiguredPortal } from './portal.ts';
export { foreignPortal, readWebhookBatch } from './read-webhook-batch.ts';
export {
  WORKFLOW_OBJECTS,
  readWorkflowPayload,
  type WorkflowPayload,
  type WorkflowPayloadOptions,
} from './read-workflow-payload.ts';
export type { HubSpotRejection, HubSpotRejectionCode, HubSpotResult } from './rejection.ts';
export { MAX_FUTURE_SKEW_MS, MAX_TIMESTAMP_AGE_MS } from './request-timestamp.ts';
export { v3SignedUri } from './signed-uri.ts';
export { signatureV1, signatureV2, signatureV3 } from './signatures.ts';
export { webhookBatchEvents } from './to-crm-events.ts';
export {
  MIN_CLIENT_SECRET_LENGTH,
  verifyHubSpotSignature,
  type HubSpotSignedRequest,
  type SignatureOptions,
  type VerifiedSignature,
} from './verify-signature.ts';
export { workflowBodySchema, type WorkflowBody } from './workflow-schema.ts';
