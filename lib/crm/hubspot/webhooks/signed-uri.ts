/**
 * The request URI as HubSpot signs it for v3: "decode any of the URL-encoded characters listed in
 * the table" of HubSpot's "Validating requests" page — these twelve, and no others (`%20`, `%26`,
 * `+` stay as they are). The `?` that starts the query is already literal. Hex digits are matched
 * in either case: RFC 3986 §2.1 makes `%3a` and `%3A` the same octet.
 */
const DECODED: Readonly<Record<string, string>> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

/** One pass over every escape, so `%253A` stays `%253A`: nothing is decoded twice. */
const ESCAPE = /%[0-9A-Fa-f]{2}/g;

export function v3SignedUri(uri: string): string {
  return uri.replace(ESCAPE, (encoded) => DECODED[encoded.toUpperCase()] ?? encoded);
}
