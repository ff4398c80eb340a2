/** HubSpot's request headers, lower case as the edge sees them. */
export const SIGNATURE_V3_HEADER = 'x-hubspot-signature-v3';
export const TIMESTAMP_HEADER = 'x-hubspot-request-timestamp';
/** The v1 or v2 signature; which one, `X-HubSpot-Signature-Version` says. */
export const SIGNATURE_HEADER = 'x-hubspot-signature';
export const SIGNATURE_VERSION_HEADER = 'x-hubspot-signature-version';

/** A header's trimmed value; blank counts as absent. */
export function headerValue(headers: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = headers[name]?.trim();
  return value ? value : undefined;
}
