/**
 * asl-validator (CommonJS, untyped) behind a typed function. It mutates what it checks (adds
 * QueryLanguage to every state), so it only ever sees a copy.
 */
import { createRequire } from 'node:module';
import { substitutePlaceholders } from './placeholders.ts';

interface ValidatorError {
  readonly 'Error code'?: string;
  readonly Message?: string;
}
type Validator = (
  definition: unknown,
  options: { checkPaths: boolean; checkArn: boolean },
) => { isValid: boolean; errors: readonly ValidatorError[] };

const aslValidator = createRequire(import.meta.url)('asl-validator') as Validator;

/** asl-validator's findings as `CODE: message` lines, placeholders replaced by fake Lambda ARNs first. */
export function validateAsl(definition: unknown): string[] {
  const { isValid, errors } = aslValidator(substitutePlaceholders(definition), { checkPaths: true, checkArn: true });
  if (isValid) return [];
  return errors.map((e) => `${e['Error code'] ?? 'INVALID'}: ${e.Message ?? JSON.stringify(e)}`);
}
