/** Signed JSON callouts from Salesforce Apex or Flow (README.md): verify, read, turn into CrmEvents. */
export { readSignedEvents } from './read-signed-events.ts';
export type { SignedJsonRejection, SignedJsonRejectionCode, SignedJsonResult } from './rejection.ts';
export {
  SIGNED_OBJECTS,
  signedEventSchema,
  signedPayloadSchema,
  type SignedEvent,
  type SignedObject,
  type SignedPayload,
} from './schema.ts';
export {
  MIN_SECRET_LENGTH,
  REPLAY_WINDOW_SECONDS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signatureFor,
  verifySignature,
  type SignedRequest,
} from './signature.ts';
