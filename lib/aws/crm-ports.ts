/**
 * The CRM adapters of the configured CRMs, with credentials from Secrets Manager. A CRM the config
 * names must have its secret variable (the construct sets it exactly then); one it does not name is
 * not built, whatever the environment says.
 */
import type { Config } from '../core/config/index.ts';
import { teamZone, type Settings } from '../core/config/settings.ts';
import type { CrmName } from '../core/model/canonical.ts';
import { CrmError, type CrmPort } from '../core/ports/crm.ts';
import { HubSpotCrm } from '../crm/hubspot/index.ts';
import { DEFAULT_API_VERSION, SalesforceCrm } from '../crm/salesforce/index.ts';
import { setTimeout } from 'node:timers/promises';
import { withCrmRetries } from '../crm/shared/retrying-crm.ts';
import { hubspotMapping, salesforceMapping } from '../crm/snapshots.ts';
import { requiredEnv, type Env } from './env.ts';
import { hubspotRefresh } from './hubspot-session.ts';
import { salesforceRefresh } from './salesforce-session.ts';
import { hubspotSecretSchema, salesforceSecretSchema } from './secret-schemas.ts';
import { SecretUnavailableError, readJsonSecret, type SecretRef, type SecretSource } from './secrets.ts';
import { systemClock } from './system-clock.ts';

export type CrmLookup = (name: CrmName) => CrmPort;

export async function cloudCrms(
  config: Config,
  settings: Settings,
  env: Env,
  secrets: SecretSource,
): Promise<CrmLookup> {
  const [salesforce, hubspot] = await Promise.all([
    config.crm.salesforce && salesforceCrm(config, settings, env, secrets),
    config.crm.hubspot && hubspotCrm(config, env, secrets),
  ]).catch((error: unknown) => {
    // Credentials out of reach for now is the CRM out of reach: the workflows' Retry names that.
    if (error instanceof SecretUnavailableError) throw new CrmError('SECRET_UNAVAILABLE', error.message, true);
    throw error;
  });
  const ports = new Map<CrmName, CrmPort>();
  // Back off in real time between attempts of one call (1, 2, 4, 8 s), well inside a step's timeout.
  const retried = (port: CrmPort) => withCrmRetries(port, { sleep: (ms) => setTimeout(ms) });
  if (salesforce) ports.set('salesforce', retried(salesforce));
  if (hubspot) ports.set('hubspot', retried(hubspot));
  return (name) => {
    const port = ports.get(name);
    if (!port) throw new Error(`crm.${name} is not configured`);
    return port;
  };
}

async function salesforceCrm(config: Config, settings: Settings, env: Env, secrets: SecretSource) {
  const ref: SecretRef = {
    env: 'CRMFLOW_SALESFORCE_SECRET_ARN',
    arn: requiredEnv('CRMFLOW_SALESFORCE_SECRET_ARN', undefined, env),
  };
  const secret = await readJsonSecret(ref, salesforceSecretSchema, secrets);
  return new SalesforceCrm({
    instanceUrl: secret.instanceUrl,
    accessToken: secret.accessToken,
    apiVersion: config.crm.salesforce?.apiVersion ?? DEFAULT_API_VERSION,
    timezone: teamZone(settings),
    mapping: salesforceMapping(config),
    refreshAccessToken: salesforceRefresh(secret, () => readJsonSecret(ref, salesforceSecretSchema, secrets, true)),
  });
}

async function hubspotCrm(config: Config, env: Env, secrets: SecretSource) {
  const ref: SecretRef = {
    env: 'CRMFLOW_HUBSPOT_SECRET_ARN',
    arn: requiredEnv('CRMFLOW_HUBSPOT_SECRET_ARN', undefined, env),
  };
  const secret = await readJsonSecret(ref, hubspotSecretSchema, secrets);
  return new HubSpotCrm({
    accessToken: secret.accessToken,
    mapping: hubspotMapping(config),
    clock: systemClock,
    refreshAccessToken: hubspotRefresh(secret, () => readJsonSecret(ref, hubspotSecretSchema, secrets, true)),
  });
}
