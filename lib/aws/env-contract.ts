/**
 * The environment the CDK construct gives each Lambda (names are final: lib/infra sets them). Each
 * name carries what it should hold, so a missing or wrong one fails with words an admin can act on.
 */
export const ENV = {
  CRMFLOW_TABLE_NAME: 'the name of the DynamoDB table crmflow keeps its state in',
  CRMFLOW_QUEUE_URL: 'the URL of the SQS queue between the webhook edge and the router',
  CRMFLOW_EDGE_SECRET_ARN: 'the ARN of the Secrets Manager secret with the webhook secrets (JSON)',
  CRMFLOW_PUBLIC_BASE_URL: 'the http(s) URL CRMs call the webhook edge at, without query or credentials',
  CRMFLOW_STATE_MACHINES: 'a JSON object of workflow name → state machine ARN ({"escalation":"arn:…",…})',
  CRMFLOW_SALESFORCE_SECRET_ARN: 'the ARN of the Secrets Manager secret with the Salesforce credentials (JSON)',
  CRMFLOW_HUBSPOT_SECRET_ARN: 'the ARN of the Secrets Manager secret with the HubSpot access token (JSON)',
  CRMFLOW_MAIL_FROM: 'the SES-verified sender identity e-mail is sent from',
} as const;

export type EnvName = keyof typeof ENV;

/**
 * Not read through the helpers: esbuild's `define` replaces the literal expression
 * `process.env.CRMFLOW_CONFIG_JSON` at synth time, so config.ts must spell it out.
 */
export const CONFIG_ENV = 'CRMFLOW_CONFIG_JSON';
