/**
 * The CDK app (cdk.json: `node lib/app.ts`). Deploys crmflow.config.yaml as the stack CrmFlow:
 *
 *   npx cdk synth                                   # offline: no AWS account, credentials or Docker
 *   npx cdk deploy -c mailFrom=crmflow@yourcompany.com
 *
 * Context (-c key=value): mailFrom (default crmflow@example.com, with a warning), config (path of the
 * config file), stackName (default CrmFlow), eventRelayBus (Salesforce Event Relay partner bus name).
 * A config with problems fails synth with every problem listed, as `crmflow validate` prints them.
 * cdk-nag's AwsSolutions and Serverless packs run on synth; an unacknowledged error fails it.
 */
import { App } from 'aws-cdk-lib';
import { addCrmFlowChecks } from './infra/checks.ts';
import { ConfigFileError, createCrmFlowStack } from './infra/index.ts';

const app = new App();
try {
  createCrmFlowStack(app);
} catch (error) {
  if (!(error instanceof ConfigFileError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
addCrmFlowChecks(app);
app.synth();
