#!/usr/bin/env node
// The installed command. A published package runs the compiled CLI in dist/; a checkout runs the
// TypeScript source directly (Node >= 22.18 strips types, outside node_modules only).
import { existsSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
const compiled = new URL('../dist/bin/crmflow.js', import.meta.url);
const source = new URL('./crmflow.ts', import.meta.url);

if (existsSync(source) && !import.meta.url.includes('/node_modules/')) {
  if (major < 22 || (major === 22 && minor < 18) || (major === 23 && minor < 6)) {
    console.error(
      `crmflow needs Node >= 22.18 (24 recommended); this is ${process.version}.\n` +
        'In a checkout, `source .ci/node.sh` puts Node 24 on PATH (npm scripts do it for you).',
    );
    process.exit(1);
  }
  await import(source.href);
} else {
  await import(compiled.href);
}
