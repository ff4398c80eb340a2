import { z } from 'zod';
import { configSchema } from './schema.ts';

/** JSON Schema of crmflow.config.yaml for editors (e.g. the YAML language server's `# yaml-language-server: $schema=`). */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any', target: 'draft-07' });
}
