/**
 * Where crmflow's own files are — the Lambda entry points, `workflows/`, `templates/email/` — whether
 * the construct runs from this checkout (`lib/infra/*.ts`) or from an installed package
 * (`node_modules/crmflow/dist/lib/infra/*.js`): the nearest folder up from here whose package.json
 * is crmflow's.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_NAME = 'crmflow';

export function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`crmflow: no package.json named "${PACKAGE_NAME}" above ${from}`);
  }
}

function readPackageName(manifest: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string'
      ? parsed.name
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The lock file esbuild's project root is taken from: the package's own (a checkout), else the
 * nearest one above it (crmflow installed into an app, whose lock file lists crmflow's dependencies).
 */
export function findLockFile(packageRoot: string): string {
  const names = ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lockb', 'bun.lock'];
  for (let dir = packageRoot; ; dir = dirname(dir)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) {
      throw new Error(`crmflow: no lock file (${names.join(', ')}) in ${packageRoot} or above: run npm install first`);
    }
  }
}
