import { sameSecret } from '../../shared/constant-time.ts';
import { headerValue } from './headers.ts';

/**
 * A workflow "Send a webhook" action may authenticate with an API key in a request header the
 * admin names, instead of a signature. The key is a bearer secret with no timestamp: a shorter one
 * than this, or a header name HTTP cannot carry, is treated as no key at all.
 */
export const MIN_API_KEY_LENGTH = 24;

export interface WorkflowApiKey {
  /** The header's name, as entered in the action ("API key name"); matched case-insensitively. */
  readonly header: string;
  readonly value: string;
}

/** An RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function isUsableApiKey(key: WorkflowApiKey | undefined): key is WorkflowApiKey {
  return key !== undefined && HEADER_NAME.test(key.header) && key.value.length >= MIN_API_KEY_LENGTH;
}

/** The key the request carries in the configured header, if any. */
export function presentedApiKey(
  headers: Readonly<Record<string, string | undefined>>,
  key: WorkflowApiKey,
): string | undefined {
  return headerValue(headers, key.header.toLowerCase());
}

export function apiKeyMatches(presented: string, key: WorkflowApiKey): boolean {
  return sameSecret(presented, key.value);
}
