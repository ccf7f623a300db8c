import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDefaults } from '../../cli/local-env';
import { signedApi } from '../../cli/smoke/adapters';
import { type DeploymentProbe, runSmoke, type SmokeApi } from '../../cli/smoke/run';
import { DynamoClientRegistry } from '../../functions/adapters/client-registry';
import { createDocumentClient } from '../../functions/adapters/clients';
import { DynamoComplaintStore } from '../../functions/adapters/complaint-store';
import { handleApiRequest } from '../../functions/api/ingest-routes';
import { checkDeadlines } from '../../functions/use-cases/check-deadlines';
import { deadlineDeps } from '../../handlers/support/compose';
import { loadConfig } from '../../handlers/support/config';
import { localCredentials, localKeys, registerLocalClients } from '../../local/clients';
import { type LocalApi, startLocalApi } from '../../local/http-api';
import { localAwsEnv, localResources, startS3AndSqs } from '../../local/stack';
import { deadlineViews } from '../../templates/deadline-emails';
import { localCliEnv } from '../support/cli-env';
import { calendar, kalsel, nationalPolicy } from '../support/data';
import { localIngest } from '../support/ingest';
import { localDynamoDbClient } from '../support/local-aws';

/** A local ingest API on one table, as `lapor-paman local` serves it (its keys registered), with the real clock. */
async function apiOn(tableName: string): Promise<LocalApi> {
  const doc = createDocumentClient(localDynamoDbClient());
  const deps = {
    store: new DynamoComplaintStore(doc, tableName, kalsel().zone),
    clients: new DynamoClientRegistry(doc, tableName),
    regions: kalsel(),
    sla: { calendar: calendar(), policy: nationalPolicy() },
    clock: () => new Date(),
  };
  const keys = localKeys(deps.regions);
  await registerLocalClients(deps.clients, keys).catch(() => undefined); // fails on a missing table: on purpose
  return startLocalApi({
    handle: (event) => handleApiRequest(deps, event),
    credentials: localCredentials(keys),
    port: 0,
  });
}

let tableName: string;
let api: LocalApi;
let allItems: () => Promise<Record<string, unknown>[]>;
beforeAll(async () => {
  ({ tableName, allItems } = await localIngest(new Date().toISOString()));
  api = await apiOn(tableName);
});
afterAll(() => api.stop());

const bin = fileURLToPath(new URL('../../bin/lapor-paman.mjs', import.meta.url));
/** Runs `lapor-paman smoke` as a person would; asynchronously, so that this process's local API answers it. */
function smoke(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, 'smoke', ...args],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
const keyOf = (i: Record<string, unknown>) => `${i.pk} ${i.sk}`;

/** The daily check for the real regencies, as a dry run: what digests and escalations would say. */
async function realFigures(at: Date) {
  const deps = deadlineDeps(loadConfig({ ...localDefaults, ...localCliEnv(tableName) }, { email: true }), {
    doc: createDocumentClient(localDynamoDbClient()),
    views: deadlineViews,
  });
  const report = await checkDeadlines(deps, { at, dryRun: true });
  return JSON.stringify({ regencies: report.regencies, province: report.province });
}

describe('lapor-paman smoke --stage local', () => {
  it('passes against the local stack, says so in a few lines, and marks what only AWS has as not applicable', async () => {
    const { status, stdout, stderr } = await smoke(
      ['--stage', 'local', '--api-url', api.url],
      localCliEnv(tableName),
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(8); // read in ten seconds
    expect(stdout).toMatch(/PASS {2}API accepts a signed update +SMOKE-63: (created|applied)/);
    expect(stdout).toMatch(/PASS {2}API reads it back +status belum-terverifikasi/);
    expect(stdout).toMatch(/PASS {2}Deadline check \(dry run\) +\d{4}-\d{2}-\d{2}/);
    for (const name of ['Schedules', 'Queues', 'Alarms']) {
      expect(stdout).toMatch(new RegExp(`n/a {3}${name} +not applicable locally \\(the local stack has no `));
    }
    expect(lines.at(-1)).toBe('PASSED');
  });

  it('writes only under its reserved tracking id and regency, and changes no real figure', async () => {
    const at = new Date();
    const before = await allItems();
    const figuresBefore = await realFigures(at);
    const run = await smoke(['--stage', 'local', '--api-url', api.url], localCliEnv(tableName));
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const after = await allItems();
    // Nothing it did not create is gone or changed.
    const afterByKey = new Map(after.map((i) => [keyOf(i), i]));
    for (const item of before) {
      const still = afterByKey.get(keyOf(item));
      expect(still, keyOf(item)).toBeDefined();
      if (!String(item.pk).includes('SMOKE-') && !String(item.pk).endsWith('#6399'))
        expect(still).toEqual(item);
    }
    // Everything it wrote is the smoke complaint's or the reserved regency's.
    const written = after.filter(
      (i) =>
        !before.some((b) => keyOf(b) === keyOf(i)) ||
        JSON.stringify(i) !== JSON.stringify(before.find((b) => keyOf(b) === keyOf(i))),
    );
    expect(written.length).toBeGreaterThan(0);
    for (const item of written) expect(`${item.pk}`).toMatch(/^(C#SMOKE-63|[A-Z]+#6399)$/);
    expect(await realFigures(at)).toBe(figuresBefore);
  });

  it('checks the queues of the local SQS emulator when the local stack runs one', async () => {
    const storage = await startS3AndSqs();
    try {
      const env = { ...localCliEnv(tableName), ...storage.env };
      const ok = await smoke(['--stage', 'local', '--api-url', api.url], env);
      expect(ok.stdout).toMatch(/PASS {2}Queues +2 found, dead-letter queues empty/);
      await storage.sqs.queue(localResources.semesterDeadLetters).send('{"kind":"nope"}');
      const parked = await smoke(['--stage', 'local', '--api-url', api.url], env);
      expect(parked.status).toBe(0); // a warning: the deployment works, someone must re-drive
      expect(parked.stdout).toMatch(
        /WARN {2}Queues +2 found; waiting in dead-letter queues: SemesterWorkDeadLetters 1 \(README\.md#re-drive-a-dead-letter-queue\)/,
      );
      const missing = await smoke(['--stage', 'local', '--api-url', api.url], {
        ...env,
        SEMESTER_QUEUE_URL: storage.sqs.url('no-such-queue'),
      });
      expect(missing.status).toBe(1);
      expect(missing.stdout).toMatch(/FAIL {2}Queues +missing: SemesterWork\n/);
    } finally {
      await storage.stop();
    }
  }, 120_000); // three runs of the CLI, each a new process

  it('fails, naming the cause, when the API is not there', async () => {
    const { status, stdout } = await smoke(
      ['--stage', 'local', '--api-url', 'http://127.0.0.1:9'],
      localCliEnv(tableName),
    );
    expect(status).toBe(1);
    expect(stdout).toMatch(
      /FAIL {2}API accepts a signed update +http:\/\/127\.0\.0\.1:9 not reachable: fetch failed/,
    );
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^FAILED: \d check\(s\) failed$/);
  });

  it('fails, naming the cause, when the table is not there', async () => {
    const missing = await apiOn('no-such-table');
    try {
      const { status, stdout } = await smoke(
        ['--stage', 'local', '--api-url', missing.url],
        localCliEnv('no-such-table'),
      );
      expect(status).toBe(1);
      expect(stdout).toMatch(
        /FAIL {2}API accepts a signed update +HTTP 500: internal: Cannot do operations on a non-existent table/,
      );
      expect(stdout).toMatch(/FAIL {2}Deadline check \(dry run\) +the table does not exist: /);
    } finally {
      await missing.stop();
    }
  });

  it('says what to do when it is not given an API or a stage it knows', async () => {
    const env = localCliEnv(tableName);
    const noApi = await smoke(['--stage', 'local'], { ...env, LAPOR_PAMAN_API_URL: '' });
    expect(noApi.status).toBe(1);
    expect(noApi.stderr).toContain('no ingest API: pass --api-url');
    const unknown = await smoke(['--stage', 'qa'], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('stage "qa" is not configured');
    const noOutputs = await smoke(['--stage', 'staging', '--outputs', 'nowhere.json'], env);
    expect(noOutputs.status).toBe(1);
    expect(noOutputs.stderr).toContain(
      'no outputs file nowhere.json: deploy with `npx cdk deploy -c stage=staging',
    );
  });
});

describe('the smoke test of a deployment', () => {
  const deployment = {
    scheduleGroup: 'LaporPaman-Staging-Schedules',
    schedules: ['DeadlineCheck', 'SemesterStart'],
    schedulesEnabled: true,
    queues: { SemesterWork: 'q1', SemesterWorkDeadLetters: 'q2' },
    alarms: ['a1', 'a2'],
  };
  /** The real local API and table; a probe standing in for Scheduler, SQS and CloudWatch (fault injection). */
  const deps = (probe: Partial<DeploymentProbe>) => {
    const api: SmokeApi = signedApi(api0(), localAwsEnv.AWS_REGION, {
      accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID,
      secretAccessKey: localAwsEnv.AWS_SECRET_ACCESS_KEY,
    });
    const healthy: DeploymentProbe = {
      scheduleState: async () => 'ENABLED',
      queueDepth: async () => 0,
      alarms: async (names) => names.map((name) => ({ name, state: 'OK', actionsEnabled: true })),
    };
    return {
      api,
      probe: { ...healthy, ...probe },
      deadlineDryRun: async () => ({
        skipped: false,
        date: '2026-11-30',
        regencies: 13,
        overdue: 0,
        emailsSent: 0,
        failures: 0,
      }),
      runbook: (s: string) => `README.md#${s}`,
    };
  };
  const api0 = () => api.url;
  const target = { stage: 'staging', provinceCode: '63', deployment };

  it('passes when every schedule, queue and alarm is there and enabled', async () => {
    const report = await runSmoke(target, deps({}));
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['API accepts a signed update', 'pass'],
      ['API reads it back', 'pass'],
      ['Deadline check (dry run)', 'pass'],
      ['Schedules', 'pass'],
      ['Queues', 'pass'],
      ['Alarms', 'pass'],
    ]);
    expect(report.passed).toBe(true);
  });

  it('passes when its clock is behind the last run’s (another runner): the update is stale but recorded', async () => {
    expect((await runSmoke(target, deps({}))).passed).toBe(true);
    const behind = await runSmoke(target, { ...deps({}), clock: () => new Date(Date.now() - 3_600_000) });
    expect(behind.checks.slice(0, 2)).toMatchObject([
      { name: 'API accepts a signed update', status: 'pass', detail: 'SMOKE-63: stale' },
      { name: 'API reads it back', status: 'pass' },
    ]);
  });

  it('fails when a schedule is missing or disabled, naming it', async () => {
    const missing = await runSmoke(
      target,
      deps({ scheduleState: async (_, n) => (n === 'SemesterStart' ? undefined : 'ENABLED') }),
    );
    expect(missing.passed).toBe(false);
    expect(missing.checks.find((c) => c.name === 'Schedules')).toEqual({
      name: 'Schedules',
      status: 'fail',
      detail: 'missing from group LaporPaman-Staging-Schedules: SemesterStart',
    });
    const disabled = await runSmoke(target, deps({ scheduleState: async () => 'DISABLED' }));
    expect(disabled.checks.find((c) => c.name === 'Schedules')?.detail).toBe(
      'DeadlineCheck is DISABLED, SemesterStart is DISABLED; expected ENABLED',
    );
  });

  it('fails on a missing queue or alarm, and warns on dead letters with the runbook link', async () => {
    const report = await runSmoke(
      target,
      deps({
        queueDepth: async (url) => (url === 'q2' ? 3 : 0),
        alarms: async (names) => names.slice(1).map((name) => ({ name, state: 'OK', actionsEnabled: true })),
      }),
    );
    expect(report.checks.find((c) => c.name === 'Queues')).toMatchObject({
      status: 'warn',
      detail:
        '2 found; waiting in dead-letter queues: SemesterWorkDeadLetters 3 (README.md#re-drive-a-dead-letter-queue)',
    });
    expect(report.checks.find((c) => c.name === 'Alarms')).toMatchObject({
      status: 'fail',
      detail: 'missing: a1',
    });
    expect(report.passed).toBe(false);
  });
});
