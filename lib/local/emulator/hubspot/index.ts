/** The HubSpot emulator: an in-memory portal (seed and read it directly) behind the CRM API subset @hubspot/api-client uses. */
export { startHubSpotEmulator, DEFAULT_ACCESS_TOKEN, DEFAULT_APP_ID } from './emulator.ts';
export type { HubSpotEmulator, HubSpotEmulatorOptions } from './emulator.ts';
export { HubSpotPortal } from './portal.ts';
export type {
  HsRecord,
  HubSpotPortalOptions,
  NewAssociation,
  PortalChange,
  PortalChangeEvent,
  WriteSource,
} from './portal.ts';
export type { HsOwner, ScenarioOwner } from './owners.ts';
export { OBJECT_TYPES, OBJECT_TYPE_DEFS, resolveObjectType } from './object-types.ts';
export type { ObjectType, ObjectTypeDef } from './object-types.ts';
export { ASSOCIATION_TYPES, associationType } from './association-types.ts';
export type { AssociationTypeDef } from './association-types.ts';
export type { PropertyDef, PropertyType } from './properties.ts';
export { HubSpotApiError } from './api-error.ts';
export { BAD_GATEWAY, SERVICE_UNAVAILABLE, rateLimited } from './faults.ts';
export type { FaultHook, FaultRequest, FaultResponse } from './faults.ts';
export { HUBSPOT_WEBHOOK_RETRY } from './webhooks/webhook-sender.ts';
export type { WebhookDelivery } from './webhooks/webhook-sender.ts';
export type { WebhookEvent } from './webhooks/events.ts';
export { DEFAULT_SUBSCRIBED_PROPERTIES } from './webhooks/subscriptions.ts';
export { signatureHeaders } from './webhooks/signature.ts';
export { hsDateTime } from './datetime.ts';
