/**
 * The nine Lambda functions of crmflow as data: entry point (the contract with functions/), size,
 * and what each may touch. The construct turns each row into a NodejsFunction and grants exactly
 * what its `access` says.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** What a function is allowed to reach, beyond its own log group and X-Ray. */
export type FunctionRole =
  /** API Gateway → verify, parse, enqueue: the edge secret and SQS send; no table, no CRM SDK. */
  | 'edge'
  /** SQS → dedupe, enrich, start workflows: table, queue consume, StartExecution, CRM secrets. */
  | 'router'
  /** A workflow's Plan state: table and CRM secrets. */
  | 'plan'
  /** A workflow's Act state: table, CRM secrets, SES from mailFrom. */
  | 'act'
  /** Every workflow's RecordFailure state: the table only. */
  | 'failure';

export interface FunctionSpec {
  /** Path of the entry point from the package root, without extension (`.ts` source or built `.js`). */
  readonly entry: string;
  readonly description: string;
  readonly role: FunctionRole;
  readonly memorySize: number;
  /** Seconds. Below the Task's TimeoutSeconds in the ASL so Lambda, not Step Functions, times out first. */
  readonly timeoutSeconds: number;
}

export const FUNCTION_SPECS = {
  webhook: {
    entry: 'functions/webhook/handler',
    description: 'crmflow edge: verifies and normalises CRM webhooks, enqueues them',
    role: 'edge',
    memorySize: 512,
    timeoutSeconds: 10,
  },
  router: {
    entry: 'functions/router/lambda',
    description: 'crmflow router: dedupes events, updates record state, starts workflows',
    role: 'router',
    memorySize: 512,
    timeoutSeconds: 60,
  },
  escalationPlan: {
    entry: 'functions/escalation/plan-lambda',
    description: 'crmflow escalation workflow: Plan',
    role: 'plan',
    memorySize: 512,
    timeoutSeconds: 50,
  },
  escalationAct: {
    entry: 'functions/escalation/act-lambda',
    description: 'crmflow escalation workflow: Act',
    role: 'act',
    memorySize: 512,
    timeoutSeconds: 100,
  },
  followUpPlan: {
    entry: 'functions/follow-up/plan-lambda',
    description: 'crmflow follow-up workflow: Plan',
    role: 'plan',
    memorySize: 512,
    timeoutSeconds: 50,
  },
  followUpAct: {
    entry: 'functions/follow-up/act-lambda',
    description: 'crmflow follow-up workflow: Act',
    role: 'act',
    memorySize: 512,
    timeoutSeconds: 100,
  },
  expeditePlan: {
    entry: 'functions/expedite/plan-lambda',
    description: 'crmflow expedite workflow: Plan',
    role: 'plan',
    memorySize: 512,
    timeoutSeconds: 50,
  },
  expediteAct: {
    entry: 'functions/expedite/act-lambda',
    description: 'crmflow expedite workflow: Act',
    role: 'act',
    memorySize: 512,
    timeoutSeconds: 100,
  },
  recordFailure: {
    entry: 'functions/failures/record-lambda',
    description: 'crmflow: records a workflow step that kept failing',
    role: 'failure',
    memorySize: 256,
    timeoutSeconds: 30,
  },
} as const satisfies Record<string, FunctionSpec>;

export type CrmFlowFunctionName = keyof typeof FUNCTION_SPECS;

export const FUNCTION_NAMES = Object.keys(FUNCTION_SPECS) as readonly CrmFlowFunctionName[];

/**
 * Step Lambdas (every Task of a workflow) find the e-mail templates in `<bundle>/templates/email/`.
 * Only Act sends mail, but nine small files are cheap insurance for a deps builder shared by steps.
 */
export function needsTemplates(role: FunctionRole): boolean {
  return role === 'plan' || role === 'act' || role === 'failure';
}

/**
 * The entry file of a function: the TypeScript source in a checkout, the compiled JavaScript in an
 * installed package (`dist/`). Undefined when neither exists yet.
 */
export function findEntry(packageRoot: string, spec: Pick<FunctionSpec, 'entry'>): string | undefined {
  const candidates = [join(packageRoot, `${spec.entry}.ts`), join(packageRoot, 'dist', `${spec.entry}.js`)];
  return candidates.find((candidate) => existsSync(candidate));
}

/** The contract's entry points that do not exist (yet) under the package root, as relative paths. */
export function missingEntries(packageRoot: string): string[] {
  return FUNCTION_NAMES.map((name) => FUNCTION_SPECS[name])
    .filter((spec) => findEntry(packageRoot, spec) === undefined)
    .map((spec) => `${spec.entry}.ts`);
}

/**
 * How every Lambda is bundled (esbuild, ESM): the construct and `npm run bench` share these so the
 * bench measures exactly what is deployed.
 */
export const BUNDLE = {
  /** ESM output, CommonJS dependencies (jsforce, the SDK's own): give them a real `require`. */
  banner:
    "import { createRequire as __crmflowRequire } from 'node:module'; const require = __crmflowRequire(import.meta.url);",
  mainFields: ['module', 'main'],
  minify: true,
  /** Error names must survive minifying: the state machines' Retry matches them. */
  keepNames: true,
  /** The validated config is compiled in under this expression (lib/aws/config.ts reads it). */
  configDefine: 'process.env.CRMFLOW_CONFIG_JSON',
} as const;
