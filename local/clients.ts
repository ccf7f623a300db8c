import type { DynamoClientRegistry } from '../functions/adapters/client-registry';
import type { ClientScope } from '../functions/domain/client-scope';
import type { Regions } from '../functions/domain/regions';

/** The account id the local stack's callers belong to (no AWS account is involved). */
export const localAccountId = '000000000000';

/** The IAM user ARN the local API reports for an access key, as API Gateway reports a caller. */
export function localPrincipal(accessKeyId: string): string {
  return `arn:aws:iam::${localAccountId}:user/${accessKeyId}`;
}

/** One key the local API accepts, and the regencies its caller is registered for. */
export interface LocalKey {
  accessKeyId: string;
  secretAccessKey: string;
  scope: ClientScope;
}

/**
 * The local API's keys: `local` for the whole province, and `local-<code>` for each regency alone,
 * every one with the secret `local`, so that scoping can be tried with curl.
 */
export function localKeys(regions: Regions): LocalKey[] {
  return [
    { accessKeyId: 'local', secretAccessKey: 'local', scope: { province: true } },
    ...regions.regencies.map((r) => ({
      accessKeyId: `local-${r.code}`,
      secretAccessKey: 'local',
      scope: { regencies: [r.code] },
    })),
  ];
}

/** Access key id -> secret, as the local SigV4 check takes them. */
export function localCredentials(keys: readonly LocalKey[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k.accessKeyId, k.secretAccessKey]));
}

/** Registers each local key's principal with its scope, as an operator registers a client in AWS. */
export async function registerLocalClients(
  registry: DynamoClientRegistry,
  keys: readonly LocalKey[],
  at = new Date(),
): Promise<void> {
  for (const key of keys) {
    await registry.grant(localPrincipal(key.accessKeyId), key.scope, 'local stack key', at);
  }
}
