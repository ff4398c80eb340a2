/** Helpers every CRM's webhook reading shares. */
export { sameSecret } from './constant-time.ts';
export { describeIssues } from './describe-issues.ts';
