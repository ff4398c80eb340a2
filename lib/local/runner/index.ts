export { LocalStepFunctions } from './local-step-functions.ts';
export type { LocalStepFunctionsOptions } from './local-step-functions.ts';
export type { ExecutionEvent, ExecutionRecord, ExecutionStatus } from './execution-record.ts';
export type { TaskHandler } from './execution-scope.ts';
export { ExecutionAlreadyExists, InvalidName, StateMachineDoesNotExist } from './errors.ts';
export { lintDefinition } from './asl-lint.ts';
