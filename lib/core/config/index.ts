export { configJsonSchema } from './json-schema.ts';
export { parseConfigText, validateConfig, type ConfigResult } from './parse-config.ts';
export { formatPath, formatProblem, type ConfigProblem } from './problem.ts';
export type {
  CalendarConfig,
  Config,
  ConfigInput,
  EscalationPolicyConfig,
  ExpeditePolicyConfig,
  FollowUpPolicyConfig,
  TargetConfig,
} from './schema.ts';
