/**
 * Entry points of workflow steps: deps built once per container, the mailer bound per invocation to
 * the record the step is about, so each e-mail's ledger entry names its record.
 */
import type { Context } from 'aws-lambda';
import type { StepDeps } from '../../lib/aws/cloud-deps.ts';
import type { RecordRef } from '../../lib/core/model/crm-event.ts';
import type { Mailer } from '../../lib/core/ports/mailer.ts';
import { lambdaEntry } from './lambda-entry.ts';

type Handler<E, R> = (event: E, context: Context) => Promise<R>;

export function stepEntry<D extends { mailer: Mailer }, E, R>(
  component: string,
  build: () => Promise<StepDeps<D>>,
  recordOf: (event: E) => RecordRef,
  create: (deps: D) => Handler<E, R>,
) {
  return lambdaEntry(component, build, ({ mailerFor, ...deps }: StepDeps<D>, event: E, context) => {
    const withMailer = { ...deps, mailer: mailerFor(recordOf(event)) } as unknown as D;
    return create(withMailer)(event, context);
  });
}
