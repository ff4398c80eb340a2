/**
 * `crmflow failures --stack <name>`: the failures of a deployed stack, through the same adapters
 * the Lambdas use — DynamoStore on the stack's table, StepFunctionsStarter on its state machines.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { failureAdmin, type FailureAdmin } from '../../core/failures/failure-admin.ts';
import { StepFunctionsStarter } from '../step-functions-starter.ts';
import { createDocumentClient } from '../store/document-client.ts';
import { DynamoStore } from '../store/dynamo-store.ts';
import { readStackOutputs } from './stack-outputs.ts';

export interface CloudClients {
  readonly cloudFormation: CloudFormationClient;
  readonly dynamo: DynamoDBClient;
  readonly stepFunctions: SFNClient;
}

/** Clients on the default credential chain; the region from `region`, else AWS_REGION / the profile. */
export function cloudClients(region?: string): CloudClients {
  const config = region ? { region } : {};
  return {
    cloudFormation: new CloudFormationClient(config),
    dynamo: new DynamoDBClient(config),
    stepFunctions: new SFNClient(config),
  };
}

export async function cloudFailureAdmin(stackName: string, clients: CloudClients): Promise<FailureAdmin> {
  const { tableName, stateMachines } = await readStackOutputs(clients.cloudFormation, stackName);
  return failureAdmin({
    store: new DynamoStore({ client: createDocumentClient(clients.dynamo), tableName }),
    workflows: new StepFunctionsStarter({ client: clients.stepFunctions, stateMachines }),
  });
}

export function closeClients(clients: CloudClients): void {
  clients.cloudFormation.destroy();
  clients.dynamo.destroy();
  clients.stepFunctions.destroy();
}
