/**
 * What each secret holds. Strict: a misspelt key would otherwise leave its route or adapter quietly
 * unconfigured. Too-short webhook secrets fail here, at cold start, rather than making their route
 * answer `not_configured` to every request.
 */
import { z } from 'zod';
import { MIN_API_KEY_LENGTH, MIN_CLIENT_SECRET_LENGTH, isUsableApiKey } from '../crm/hubspot/webhooks/index.ts';
import { MIN_PATH_TOKEN_LENGTH } from '../crm/salesforce/outbound-message/index.ts';
import { MIN_SECRET_LENGTH } from '../crm/signed-json/index.ts';
import type { EdgeSecrets } from '../edge/index.ts';

const atLeast = (length: number) => z.string().min(length, `must be at least ${length} characters`);

export const edgeSecretsSchema = z
  .strictObject({
    salesforcePathToken: atLeast(MIN_PATH_TOKEN_LENGTH).regex(/^[\w-]+$/, 'must be URL-safe (A-Z a-z 0-9 _ -)'),
    salesforceHmacSecret: atLeast(MIN_SECRET_LENGTH),
    hubspotClientSecret: atLeast(MIN_CLIENT_SECRET_LENGTH),
    hubspotWorkflowApiKey: z
      .strictObject({ header: z.string().min(1), value: atLeast(MIN_API_KEY_LENGTH) })
      .refine(isUsableApiKey, { message: 'must be a valid HTTP header name', path: ['header'] }),
  })
  .partial() satisfies z.ZodType<EdgeSecrets>;

const url = z.url({ protocol: /^https?$/ });

const OAUTH_KEYS = ['refreshToken', 'clientId', 'clientSecret'] as const;

/** An access token, and optionally the OAuth app that renews it (its three keys all or none). */
const oauthCredentials = {
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
};
const allOrNoneOfOAuth = [
  (secret: Partial<Record<(typeof OAUTH_KEYS)[number], string>>) =>
    OAUTH_KEYS.every((key) => secret[key]) || OAUTH_KEYS.every((key) => !secret[key]),
  { message: 'refreshToken, clientId and clientSecret go together: all three (OAuth refresh) or none' },
] as const;

export const salesforceSecretSchema = z
  .strictObject({
    instanceUrl: url,
    ...oauthCredentials,
    /** Where OAuth tokens are refreshed: login.salesforce.com (default), test.salesforce.com or a My Domain. */
    loginUrl: url.optional(),
  })
  .refine(...allOrNoneOfOAuth);
export type SalesforceSecret = z.infer<typeof salesforceSecretSchema>;

export const hubspotSecretSchema = z
  .strictObject({
    /** A private app's token, or an OAuth access token (renewed with the three OAuth keys). */
    ...oauthCredentials,
  })
  .refine(...allOrNoneOfOAuth);
export type HubSpotSecret = z.infer<typeof hubspotSecretSchema>;
