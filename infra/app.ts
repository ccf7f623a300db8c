import { App } from 'aws-cdk-lib';
import { defineApp } from './define-app';

/** The CDK app (`npm run synth`, `npx cdk deploy --all`); configuration: cdk.json "laporPaman". */
defineApp(new App());
