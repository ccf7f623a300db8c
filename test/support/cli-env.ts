import { localAwsEnv } from '../../local/stack';
import { localEndpoints } from './local-aws';

/** The environment a person pastes from `lapor-paman local`, for one test table. */
export function localCliEnv(tableName: string): Record<string, string> {
  return {
    ...localAwsEnv,
    TABLE_NAME: tableName,
    AWS_ENDPOINT_URL_DYNAMODB: localEndpoints().dynamodb,
    AWS_ENDPOINT_URL_SES: localEndpoints().ses,
  };
}
