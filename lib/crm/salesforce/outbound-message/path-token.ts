import { sameSecret } from '../../shared/constant-time.ts';

/**
 * Outbound Messages carry no signature, so the endpoint URL itself holds a secret. Compared in
 * constant time; a configured token shorter than this is treated as no token at all.
 */
export const MIN_PATH_TOKEN_LENGTH = 24;

export function pathTokenMatches(given: string, configured: string): boolean {
  return sameSecret(given, configured);
}
