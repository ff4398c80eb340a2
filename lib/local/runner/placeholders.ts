/**
 * CDK deploys our ASL with `definitionSubstitutions`: a Task's Resource is `${PlanFunctionArn}` in
 * the file and a Lambda ARN in the cloud. Locally the placeholder name picks the handler.
 */
const PLACEHOLDER = /^\$\{([A-Za-z0-9_]+)\}$/;
const ANY_PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

/** `PlanFunctionArn` for `"${PlanFunctionArn}"`; undefined for anything else. */
export function placeholderOf(resource: unknown): string | undefined {
  return typeof resource === 'string' ? PLACEHOLDER.exec(resource)?.[1] : undefined;
}

/** A syntactically valid Lambda ARN standing in for a placeholder (for validation only). */
export function fakeLambdaArn(placeholder: string): string {
  return `arn:aws:lambda:us-east-1:123456789012:function:${placeholder}`;
}

/** A deep copy with every `${Name}` inside every string replaced, as CloudFormation would. */
export function substitutePlaceholders<T>(value: T, replace: (name: string) => string = fakeLambdaArn): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === 'string' ? v.replace(ANY_PLACEHOLDER, (_m, name: string) => replace(name)) : v,
  ) as T;
}
