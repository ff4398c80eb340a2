/**
 * What must never be in a synthesized template: a secret value, a token, or the people and ids the
 * config names. The config (targets' e-mails and CRM ids included) is compiled into the Lambda
 * bundles by esbuild's define, so it reaches the asset bucket, never the template or its outputs.
 * The one address the template may hold is mailFrom: the SES permission is scoped to it.
 */
import type { Config } from '../../../lib/core/config/index.ts';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** Shapes of real credentials: AWS access keys, HubSpot private-app tokens, Salesforce session ids, PEM keys. */
const CREDENTIAL_SHAPES: readonly [string, RegExp][] = [
  ['AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['HubSpot private app token', /\bpat-(?:na|eu)\d-[0-9a-f-]{20,}/],
  ['Salesforce session id', /\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{20,}/],
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['bearer token', /\bBearer\s+[A-Za-z0-9._~+/-]{16,}/],
];

/** Values of the config a template must not contain (it names people and CRM records). */
export function configValues(config: Config): string[] {
  const values = new Set<string>();
  for (const target of Object.values(config.targets ?? {})) {
    for (const value of [target.email, target.salesforce, target.hubspot]) if (value) values.add(value);
  }
  if (config.crm.salesforce) values.add(config.crm.salesforce.orgId);
  if (config.crm.hubspot) values.add(config.crm.hubspot.portalId);
  return [...values];
}

export interface ScanResult {
  readonly emails: string[];
  readonly configValues: string[];
  readonly credentials: string[];
  readonly secretStrings: string[];
}

export function scanTemplate(template: unknown, config: Config): ScanResult {
  const text = JSON.stringify(template);
  const secretStrings: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'SecretString' || key === 'SecretStringValue') secretStrings.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
    }
  };
  walk(template, '$');
  return {
    emails: [...new Set(text.match(EMAIL) ?? [])].sort(),
    // Short ids ("101") occur inside hashes and numbers by chance: those must not be a whole string.
    configValues: configValues(config).filter(
      (value) => text.includes(JSON.stringify(value)) || (value.length >= 8 && text.includes(value)),
    ),
    credentials: CREDENTIAL_SHAPES.filter(([, shape]) => shape.test(text)).map(([name]) => name),
    secretStrings,
  };
}
