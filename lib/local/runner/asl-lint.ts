/**
 * What our workflows may use: the subset the local runner runs the way Step Functions does. Each
 * problem names the state and why (aws-local-stepfunctions ignores these silently, or gets them
 * wrong — docs/notes/aws-local-stepfunctions.md), followed by every asl-validator error.
 */
import type { AslDefinition, AslState } from './asl.ts';
import { isDefinition, isObject, walkStates } from './asl.ts';
import { placeholderOf } from './placeholders.ts';
import { validateAsl } from './validate-asl.ts';

const MAP_FIELDS_IGNORED = ['ItemReader', 'ItemBatcher', 'ResultWriter'];
const JSONATA_FIELDS = ['Output', 'Arguments'];
// Real time in the engine, whatever the clock says; pass clock time in from Plan instead.
const REAL_TIME_CONTEXT = ['$$.Execution.StartTime', '$$.State.EnteredTime'];

export function lintDefinition(definition: unknown): string[] {
  if (!isDefinition(definition)) return ['not an ASL definition: "States" must be an object of states'];
  const problems: string[] = [];
  if (definition.QueryLanguage === 'JSONata')
    problems.push('QueryLanguage JSONata: the local runner runs JSONPath only');
  problems.push(...realTimeReads('definition', definition));
  for (const [name, state] of walkStates(definition)) problems.push(...stateProblems(name, state));
  problems.push(...validateAsl(definition));
  return problems;
}

function stateProblems(name: string, state: AslState): string[] {
  const at = `state "${name}"`;
  const problems: string[] = [];
  if (state.QueryLanguage === 'JSONata')
    problems.push(`${at}: QueryLanguage JSONata is not run locally (JSONPath only)`);
  // Assign may sit on the state, a Choice rule or a catcher; all are ignored locally.
  const assigners = [state, ...arrayOf(state.Choices), ...arrayOf(state.Catch)];
  if (assigners.some((o) => 'Assign' in o)) problems.push(`${at}: Assign (variables) is ignored by the local runner`);
  for (const field of JSONATA_FIELDS) {
    if (field in state) problems.push(`${at}: ${field} is a JSONata field, ignored by the local runner`);
  }
  if (typeof state.Resource === 'string' && /\.waitForTaskToken|\.sync/.test(state.Resource)) {
    problems.push(`${at}: ${state.Resource}: .waitForTaskToken/.sync integrations are not run locally`);
  }
  if (state.Type === 'Map') {
    for (const field of Object.keys(state)) {
      if (MAP_FIELDS_IGNORED.includes(field) || field.startsWith('ToleratedFailure')) {
        problems.push(`${at}: Map ${field} is ignored by the local runner`);
      }
    }
  }
  if (state.ResultPath === '$' || arrayOf(state.Catch).some((c) => c.ResultPath === '$')) {
    problems.push(`${at}: ResultPath "$" is mishandled by the local runner (writes a key named "$"); omit it`);
  }
  if (state.Type === 'Pass' && 'Result' in state && !state.Result) {
    problems.push(`${at}: Pass with a falsy Result passes its input through locally`);
  }
  if (state.Type === 'Task') problems.push(...taskProblems(at, state));
  if ((state.Type === 'Parallel' || state.Type === 'Map') && 'Retry' in state) {
    problems.push(`${at}: Retry on ${state.Type} retries at once locally (only Task retries wait on the clock)`);
  }
  return problems;
}

function taskProblems(at: string, state: AslState): string[] {
  const problems: string[] = [];
  if (typeof state.TimeoutSeconds !== 'number') {
    problems.push(`${at}: Task needs an explicit TimeoutSeconds (the engine's default is 60 s, AWS's is 3 years)`);
  }
  if (placeholderOf(state.Resource) === undefined && !/\.waitForTaskToken|\.sync/.test(String(state.Resource))) {
    problems.push(`${at}: Task Resource must be a definitionSubstitutions placeholder like "\${PlanFunctionArn}"`);
  }
  return problems;
}

function realTimeReads(where: string, value: AslDefinition | AslState): string[] {
  const text = JSON.stringify(value);
  return REAL_TIME_CONTEXT.filter((path) => text.includes(path)).map(
    (path) => `${where}: ${path} reads real time in the local runner, not the clock`,
  );
}

function arrayOf(value: unknown): Readonly<Record<string, unknown>>[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
