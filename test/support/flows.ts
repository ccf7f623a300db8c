import { randomUUID } from 'node:crypto';
import { createDocumentClient } from '../../functions/adapters/clients';
import { RosterStore } from '../../functions/adapters/province-data-store';
import { localAwsEnv, type S3AndSqs } from '../../local/stack';
import { kalsel } from './data';
import { onRoster } from './fixtures';
import { freshTable, localDynamoDbClient, localEndpoints } from './local-aws';

/**
 * For tests that run the Lambda modules themselves (they read their configuration at import): a
 * fresh table, the process environment pointed at the local stack and that table, mail to a test
 * domain of its own, and a roster of a head per regency plus the province team.
 */
export async function deployedFlowsSetup(storage: S3AndSqs, tablePrefix: string) {
  const domain = `d${randomUUID().slice(0, 8)}.example`;
  const tableName = await freshTable(tablePrefix);
  Object.assign(process.env, {
    ...localAwsEnv,
    ...storage.env,
    TABLE_NAME: tableName,
    PROVINCE_CODE: '63',
    SENDER_ADDRESS: `LAPOR Paman <no-reply@${domain}>`,
    SES_MAX_SEND_RATE: '100',
    AWS_ENDPOINT_URL_DYNAMODB: localEndpoints().dynamodb,
    AWS_ENDPOINT_URL_SES: localEndpoints().ses,
    POWERTOOLS_METRICS_NAMESPACE: 'LaporPaman',
    POWERTOOLS_DEV: 'true',
  });
  await new RosterStore(createDocumentClient(localDynamoDbClient()), tableName).replace([
    ...kalsel().regencies.map((r) =>
      onRoster(r.code, 'head', `Kepala ${r.code}`, `head.${r.code}@${domain}`),
    ),
    onRoster('63', 'province', 'Tim Provinsi', `p.63@${domain}`),
  ]);
  return { domain, tableName };
}
