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
  const stack = await startLocalStack({ tableName: 'global-setup-probe' });
  project.provide('dynamodbEndpoint', stack.dynamodb.endpoint);
  project.provide('sesEndpoint', stack.ses.endpoint);
  return () => stack.stop();
}
