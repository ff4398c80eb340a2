/**
 * The Step Functions definitions in `workflows/*.asl.json` and the `${…FunctionArn}` placeholders
 * their Task states name: each placeholder maps to one of crmflow's functions, and a placeholder
 * nobody knows fails synth (rather than deploying a state machine whose Task cannot resolve).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CrmFlowFunctionName } from './functions.ts';

/** `${Placeholder}` in an ASL file → the function whose ARN replaces it. */
export const PLACEHOLDER_FUNCTIONS: Readonly<Record<string, CrmFlowFunctionName>> = {
  EscalationPlanFunctionArn: 'escalationPlan',
  EscalationActFunctionArn: 'escalationAct',
  FollowUpPlanFunctionArn: 'followUpPlan',
  FollowUpActFunctionArn: 'followUpAct',
  ExpeditePlanFunctionArn: 'expeditePlan',
  ExpediteActFunctionArn: 'expediteAct',
  RecordFailureFunctionArn: 'recordFailure',
};

/** The workflows the router starts; CRMFLOW_STATE_MACHINES has exactly these keys. */
export const WORKFLOW_NAMES = ['escalation', 'follow-up', 'expedite'] as const;
export type WorkflowName = (typeof WORKFLOW_NAMES)[number];

export interface WorkflowFile {
  /** The file's name without `.asl.json`: `escalation`, `follow-up`, `expedite`. */
  readonly name: WorkflowName;
  readonly path: string;
  /** The definition as written, placeholders included. */
  readonly text: string;
  /** Each placeholder of the file → the function it names. */
  readonly placeholders: Readonly<Record<string, CrmFlowFunctionName>>;
}

const SUFFIX = '.asl.json';

/** `${Name}` as Step Functions' definitionSubstitutions understands it. */
const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

export function readWorkflows(directory: string): WorkflowFile[] {
  const files = readdirSync(directory)
    .filter((file) => file.endsWith(SUFFIX))
    .sort();
  const found = files.map((file) => readWorkflow(join(directory, file)));
  const names = found.map((workflow) => workflow.name);
  const missing = WORKFLOW_NAMES.filter((name) => !names.includes(name));
  if (missing.length) {
    throw new Error(`crmflow: ${directory} has no ${missing.map((name) => name + SUFFIX).join(', ')}`);
  }
  return found;
}

export function readWorkflow(path: string): WorkflowFile {
  const name = basename(path, SUFFIX);
  if (!isWorkflowName(name)) {
    throw new Error(
      `crmflow: ${path}: no infrastructure for a workflow named "${name}" — known: ${WORKFLOW_NAMES.join(', ')}`,
    );
  }
  const text = readFileSync(path, 'utf8');
  JSON.parse(text); // a broken file fails here, naming the file, not at deploy time
  const placeholders: Record<string, CrmFlowFunctionName> = {};
  const unknown: string[] = [];
  for (const [, placeholder] of text.matchAll(PLACEHOLDER)) {
    if (placeholder === undefined) continue;
    const fn = PLACEHOLDER_FUNCTIONS[placeholder];
    if (fn === undefined) unknown.push(placeholder);
    else placeholders[placeholder] = fn;
  }
  if (unknown.length) {
    throw new Error(
      `crmflow: ${path}: no function for \${${unknown.join('}, ${')}} — known: ${Object.keys(PLACEHOLDER_FUNCTIONS).join(', ')}`,
    );
  }
  return { name, path, text, placeholders };
}

function isWorkflowName(name: string): name is WorkflowName {
  return (WORKFLOW_NAMES as readonly string[]).includes(name);
}
