import { App } from 'aws-cdk-lib';
import { StatefulStack } from './stateful-stack';

const app = new App();
const env = {
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: process.env.CDK_DEFAULT_REGION ?? 'ap-southeast-3',
};
new StatefulStack(app, 'LaporPaman-Stateful', { env });
