import type { Command } from 'commander';
import { DynamoClientRegistry } from '../../functions/adapters/client-registry';
import { getDocumentClient } from '../../functions/adapters/clients';
import { loadRegions } from '../../functions/adapters/data-files';
import {
  type ClientScope,
  describeScope,
  isPrincipalArn,
  principalKey,
} from '../../functions/domain/client-scope';
import { smokeRegencyCode } from '../../functions/domain/smoke';
import { loadConfig } from '../../handlers/support/config';
import { CliError } from '../errors';
import { tableEnv } from '../local-env';

function context() {
  const config = loadConfig(tableEnv());
  return {
    regions: loadRegions(config.dataDir, config.province),
    registry: new DynamoClientRegistry(getDocumentClient(), config.tableName),
  };
}

function checkedArn(arn: string): string {
  if (!isPrincipalArn(arn)) {
    throw new CliError(
      `"${arn}" is not the ARN of an IAM user or role (arn:aws:iam::<account>:role/<name> or .../user/<name>)`,
    );
  }
  return arn;
}

/** `lapor-paman clients grant|revoke|list`: which IAM principals may write which regencies. */
export function registerClientCommands(program: Command): void {
  const clients = program
    .command('clients')
    .description('Register ingest API clients (IAM users or roles) with the regencies they may write.');
  clients
    .command('grant')
    .description('Register a client, or change its scope: some regencies, or explicitly the whole province.')
    .argument('<principal-arn>', 'the IAM role or user ARN the client signs as')
    .option('--regencies <codes>', 'comma-separated regency codes, e.g. 6302 or 6301,6302')
    .option('--province', 'the whole province (a province-wide system, e.g. the LAPOR! integration)')
    .option('--note <text>', 'who the client is (a system or an office; no personal data)')
    .action(async (arn: string, opts: { regencies?: string; province?: boolean; note?: string }) => {
      const { regions, registry } = context();
      checkedArn(arn);
      if (Boolean(opts.regencies) === Boolean(opts.province)) {
        throw new CliError('give exactly one of --regencies <codes> or --province');
      }
      let scope: ClientScope;
      if (opts.province) scope = { province: true };
      else {
        const codes = [...new Set((opts.regencies ?? '').split(',').map((c) => c.trim()))].filter(Boolean);
        // The smoke test's reserved regency (<province>99) may be granted: the smoke role writes only there.
        const unknown = codes.filter((c) => !regions.has(c) && c !== smokeRegencyCode(regions.province.code));
        if (codes.length === 0 || unknown.length > 0) {
          throw new CliError(
            `--regencies: ${unknown.join(', ') || 'none given'} ${unknown.length === 1 ? 'is not a regency' : 'are not regencies'} of province ${regions.province.code}`,
          );
        }
        scope = { regencies: codes };
      }
      const principal = await registry.grant(arn, scope, opts.note, new Date());
      process.stdout.write(`${principal} may now write ${describeScope(scope)} (within a minute)\n`);
    });
  clients
    .command('revoke')
    .description('Remove a client: its requests are refused (403) within a minute.')
    .argument('<principal-arn>', 'the IAM role or user ARN')
    .action(async (arn: string) => {
      const { registry } = context();
      if (!(await registry.revoke(checkedArn(arn)))) {
        throw new CliError(`${principalKey(arn)} is not a registered client`);
      }
      process.stdout.write(`${principalKey(arn)} removed\n`);
    });
  clients
    .command('list')
    .description('List the registered clients and their scopes.')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const { registry } = context();
      const list = await registry.list();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      for (const c of list) {
        process.stdout.write(`${c.principal}  ${describeScope(c.scope)}${c.note ? `  (${c.note})` : ''}\n`);
      }
      if (list.length === 0) process.stdout.write('no clients registered: every API request is refused\n');
    });
}
