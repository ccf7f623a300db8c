import type { TestProject } from 'vitest/node';
import { startLocalStack } from '../../local/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    sesEndpoint: string;
  }
}

/** Starts the real local servers once per test run; every test file gets its own table. */
export default async function setup(project: TestProject) {
  // Any free ports, never the well-known ones: eight runs at once on one machine must not meet on 8000.
  const stack = await startLocalStack({ tableName: 'global-setup-probe', dynamodb: { port: 0 }, sesPort: 0 });
  project.provide('dynamodbEndpoint', stack.dynamodb.endpoint);
  project.provide('sesEndpoint', stack.ses.endpoint);
  return () => stack.stop();
}
