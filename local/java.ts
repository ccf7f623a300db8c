import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Raised when no usable Java runtime is found; its message says how to install one. */
export class JavaMissingError extends Error {
  override name = 'JavaMissingError';
}

export const javaInstallHint = [
  'DynamoDB Local needs Java 17 or newer, and none was found.',
  'Install it, then run the command again:',
  '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
  '  macOS:         brew install openjdk@17',
  '  Windows:       winget install Microsoft.OpenJDK.17',
  'or point JAVA_HOME at an existing Java 17+ installation.',
].join('\n');

/**
 * Finds a Java 17+ executable: $JAVA_HOME/bin/java, else `java` on PATH.
 * @returns the executable and its major version
 */
export function findJava(env: NodeJS.ProcessEnv = process.env): { executable: string; major: number } {
  const candidates = env.JAVA_HOME ? [path.join(env.JAVA_HOME, 'bin', 'java'), 'java'] : ['java'];
  for (const executable of candidates) {
    const result = spawnSync(executable, ['-version'], { env, encoding: 'utf8' });
    if (result.error || result.status !== 0) continue;
    const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
    if (!match) continue;
    // Java 8 and older report "1.8"; from 9 on the first number is the major version.
    const major = match[1] === '1' ? Number(match[2]) : Number(match[1]);
    if (major >= 17) return { executable, major };
    throw new JavaMissingError(
      `${javaInstallHint}\n(found Java ${major} at ${executable}, which is too old)`,
    );
  }
  throw new JavaMissingError(javaInstallHint);
}
