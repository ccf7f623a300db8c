import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/lapor-paman.mjs', import.meta.url));

/** Runs the CLI as a user would and returns its exit code and output. */
export function runCli(args: string[], env: Record<string, string> = {}, timeout = 60_000) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
