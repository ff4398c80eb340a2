/** The RecordFailure Lambda every workflow's Catch ends in (the construct's entry). */
import { cloudFailureDeps } from '../../lib/aws/cloud-base.ts';
import type { FailureInput } from '../../lib/core/failures/record-failure.ts';
import { lambdaEntry } from '../shared/lambda-entry.ts';
import { createRecordFailureHandler } from './record.ts';

export const handler = lambdaEntry(
  'record-failure',
  async () => createRecordFailureHandler(await cloudFailureDeps()),
  (record, input: FailureInput, context) => record(input, context),
);
