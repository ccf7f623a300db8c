/**
 * Stands in for `@aws-sdk/credential-provider-node` in the deployed bundles only (an esbuild alias in
 * infra/constructs/house-function.ts). Lambda hands every function its role's credentials in
 * AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN for the life of the execution
 * environment, so the default chain's SSO, INI, process, web-identity and container providers
 * (with the STS, SSO and sign-in clients they carry: about 140 KB of every bundle) are dead code
 * there. Local runs and tests import the SDK unbundled and keep the full chain.
 */
/** The shape the SDK's credential providers resolve to (its AwsCredentialIdentity). */
export interface LambdaCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  accountId?: string;
}

export const defaultProvider = () => async (): Promise<LambdaCredentials> => {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error(
      'no AWS credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY: this bundle expects the Lambda runtime to set them',
    );
  }
  const sessionToken = process.env.AWS_SESSION_TOKEN;
  const accountId = process.env.AWS_ACCOUNT_ID;
  return {
    accessKeyId,
    secretAccessKey,
    ...(sessionToken ? { sessionToken } : {}),
    ...(accountId ? { accountId } : {}),
  };
};

/** Lambda's credentials do not expire before its execution environment does. */
export const credentialsWillNeedRefresh = (): boolean => false;

/** See {@link credentialsWillNeedRefresh}. */
export const credentialsTreatedAsExpired = (): boolean => false;
