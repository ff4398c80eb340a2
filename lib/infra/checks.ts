/**
 * cdk-nag's AwsSolutions and Serverless packs, as lib/app.ts runs them on every synth. Its own module
 * (`crmflow/checks`), so that using the construct does not require cdk-nag.
 */
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';

/**
 * Registers both packs on the app: an unacknowledged error fails synth, a warning is printed. The
 * CrmFlow construct acknowledges its own findings, each with its reason (lib/infra/crm-flow.ts).
 */
export function addCrmFlowChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}
