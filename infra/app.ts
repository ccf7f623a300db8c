import { App } from 'aws-cdk-lib';
import { DeployConfigError } from './config';
import { defineApp } from './define-app';

/** The CDK app (`npm run synth`, `npx cdk deploy --all`); configuration: cdk.json "laporPaman". */
try {
  defineApp(new App());
} catch (error) {
  // A configuration mistake (no stage, an unknown one, a bad value) is a message for a person, not a
  // stack trace: print it alone and fail.
  if (!(error instanceof DeployConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
