/**
 * Stacks for the infra tests. Most tests need the construct tree and the template, not the bundles:
 * `bundle: false` tells CDK to skip bundling (context aws:cdk:bundling-stacks = []), which makes a
 * synth take a second instead of nine esbuild runs. bundles.test.ts is the one that bundles for real
 * (through lib/app.ts, as `cdk synth` does).
 */
import { App, CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfigText, type Config } from '../../../lib/core/config/index.ts';
import { CrmFlowStack } from '../../../lib/infra/crm-flow-stack.ts';
import type { CrmFlowProps } from '../../../lib/infra/crm-flow.ts';
import { missingEntries } from '../../../lib/infra/functions.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CONFIG_PATH = `${ROOT}crmflow.config.yaml`;
export const MAIL_FROM = 'crmflow@acme.test';

/** The contract's entry points that are not there yet; synth-based suites skip while any is missing. */
export const MISSING_ENTRIES = missingEntries(ROOT);
export const SKIP_REASON = MISSING_ENTRIES.length ? ` (skipped: missing ${MISSING_ENTRIES.join(', ')})` : '';

export function rootConfig(): Config {
  const result = parseConfigText(readFileSync(CONFIG_PATH, 'utf8'));
  if (!result.ok) throw new Error(`crmflow.config.yaml is invalid: ${JSON.stringify(result.problems)}`);
  return result.config;
}

export interface Built {
  readonly app: App;
  readonly stack: CrmFlowStack;
  readonly template: Template;
  /** The synthesized template as plain JSON. */
  readonly json: { Resources: Record<string, CfnResourceJson>; Outputs?: Record<string, unknown> };
}

export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

export function buildStack(overrides: Partial<CrmFlowProps> = {}, stackName = 'CrmFlowTest'): Built {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new CrmFlowStack(app, stackName, { config: rootConfig(), mailFrom: MAIL_FROM, ...overrides });
  const template = Template.fromStack(stack);
  return { app, stack, template, json: template.toJSON() as Built['json'] };
}

export function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}`);
  return value;
}

/** The logical id of a CfnElement, or of an L2 construct's default child. */
export function logicalId(construct: IConstruct): string {
  const element = CfnElement.isCfnElement(construct)
    ? construct
    : must(construct.node.defaultChild, `a default child of ${construct.node.path}`);
  const stack = Stack.of(element);
  return stack.resolve(stack.getLogicalId(element as CfnElement)) as string;
}

export const refTo = (construct: IConstruct) => ({ Ref: logicalId(construct) });
export const arnTo = (construct: IConstruct) => ({ 'Fn::GetAtt': [logicalId(construct), 'Arn'] });

/** A construct's resource in the template. */
export function resourceOf(built: Built, construct: IConstruct): CfnResourceJson {
  return must(built.json.Resources[logicalId(construct)], `a resource for ${construct.node.path}`);
}

/** A construct's resource properties in the template. */
export function propsOf(built: Built, construct: IConstruct): Record<string, any> {
  return must(resourceOf(built, construct).Properties, `properties of ${construct.node.path}`);
}

export interface Statement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

/** The statements of a role's DefaultPolicy, as synthesized. */
export function roleStatements(built: Built, role: iam.IRole | undefined): Statement[] {
  const policy = must(role, 'a role').node.tryFindChild('DefaultPolicy');
  if (!policy) return [];
  return (propsOf(built, policy)['PolicyDocument']?.Statement ?? []) as Statement[];
}

export const actionsOf = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

export const resourcesOf = (statement: Statement): unknown[] =>
  Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];

export interface Finding {
  readonly pack: string;
  readonly rule: string;
  readonly severity: string;
  readonly path: string;
}

/** Both packs' findings; with `raw`, as if nothing were acknowledged. */
export function nagFindings(scope: IConstruct, raw = false): Finding[] {
  const packs = [new AwsSolutionsChecks(), new ServerlessChecks()];
  return packs.flatMap((pack) => {
    if (raw) (pack as any).isAcknowledged = () => false;
    return pack.validateScope(scope).violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => ({
        pack: pack.name,
        rule: violation.ruleName,
        severity: violation.severity ?? 'error',
        path: resource.constructPath ?? '?',
      })),
    );
  });
}

export interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

/** Every Validations.of(…).acknowledge(…) in the tree, where it was made. */
export function acknowledgements(scope: IConstruct): Acknowledgement[] {
  return scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}
