/**
 * E-mail templates in the cloud. FileEmailTemplates finds templates/email relative to its own
 * module, which inside a bundle points nowhere; the CDK construct copies templates/ next to the bundle
 * (NodejsFunction commandHooks.afterBundling), so a bundle looks beside itself first. From source
 * (tests, tsx) that directory does not exist and the repository's templates are used.
 */
import { existsSync } from 'node:fs';
import { defaultTemplateDirectory, FileEmailTemplates } from '../mail/file-templates.ts';

/** `templates/email/` beside the running module: /var/task/templates/email/ for a bundled handler. */
export const BUNDLED_TEMPLATE_DIRECTORY = new URL('./templates/email/', import.meta.url);

export function templateDirectory(): URL {
  if (existsSync(BUNDLED_TEMPLATE_DIRECTORY)) return BUNDLED_TEMPLATE_DIRECTORY;
  try {
    return defaultTemplateDirectory();
  } catch {
    // A bundle without its templates and outside any crmflow package: fail naming the file it lacks.
    return BUNDLED_TEMPLATE_DIRECTORY;
  }
}

/** Reads and parses every template now: a missing one fails the cold start, not a customer's e-mail. */
export const cloudTemplates = (): FileEmailTemplates => new FileEmailTemplates(templateDirectory());
