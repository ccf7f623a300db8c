#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npx lapor-paman` works right after `npm install`, on the
// project's Node 24 (Lambda's nodejs24.x). npm scripts and npx find that Node first on PATH
// (node_modules/.bin/node, from the node-linux-* package: see README "Which Node"); started by another
// Node (`node bin/lapor-paman.mjs` with a system Node 20), this re-runs itself on the project's Node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

if (process.versions.node.split('.')[0] !== '24') {
  const projectNode = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
  if (!existsSync(projectNode)) {
    console.error(
      `lapor-paman runs on Node.js 24 and this is ${process.version}. On Linux, npm install brings Node 24 ` +
        'into node_modules/.bin; elsewhere install Node 24 (README, "Which Node").',
    );
    process.exit(1);
  }
  const run = spawnSync(projectNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (run.signal) process.kill(process.pid, run.signal);
  process.exit(run.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
await import('../cli/main.ts');
