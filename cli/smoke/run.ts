import { randomBytes } from 'node:crypto';
import { smokeTrackingId, smokeUpdate } from '../../functions/domain/smoke';

/** One line of the smoke test's verdict. `n/a` is a check that has no meaning where it ran (locally). */
export interface SmokeCheck {
  name: string;
  status: 'pass' | 'warn' | 'fail' | 'n/a';
  detail: string;
}

export interface SmokeReport {
  target: string;
  at: Date;
  checks: SmokeCheck[];
  passed: boolean;
}

/** The ingest API, as the smoke test calls it (signed requests). */
export interface SmokeApi {
  readonly url: string;
  post(body: unknown): Promise<{ status: number; body: unknown }>;
  get(path: string): Promise<{ status: number; body: unknown }>;
}

/** What the daily check reports, as much as the smoke test prints. */
export interface DryRunSummary {
  skipped: boolean;
  date: string;
  regencies: number;
  overdue: number;
  emailsSent: number;
  failures: number;
}

/** The deployed resources the smoke test looks at, in AWS (Scheduler, SQS, CloudWatch). */
export interface DeploymentProbe {
  /** The schedule's state (ENABLED, DISABLED), or undefined when it does not exist. */
  scheduleState(group: string, name: string): Promise<string | undefined>;
  /** Messages waiting in the queue, or undefined when it does not exist. */
  queueDepth(url: string): Promise<number | undefined>;
  /** The alarms that exist among these names. */
  alarms(names: string[]): Promise<{ name: string; state: string; actionsEnabled: boolean }[]>;
}

/** What the smoke test runs against: the deployed names (SmokeManifest output), or the local stack. */
export interface SmokeTarget {
  /** "staging", "production" or "local". */
  stage: string;
  provinceCode: string;
  /** Locally: the SQS emulator's queues (name -> URL), when the local stack runs one. */
  localQueues?: Record<string, string>;
  /** Deployed resources to look at; undefined locally (no Scheduler or CloudWatch there). */
  deployment?: {
    scheduleGroup: string;
    schedules: string[];
    schedulesEnabled: boolean;
    queues: Record<string, string>;
    alarms: string[];
  };
}

export interface SmokeDeps {
  api: SmokeApi;
  /** The deadline check as a dry run for the given instant, against the stage's table. */
  deadlineDryRun(at: Date): Promise<DryRunSummary>;
  probe?: DeploymentProbe;
  clock?: () => Date;
  /** Runbook link of a section, for warnings that need a person. */
  runbook?: (section: string) => string;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The smoke test: signs and posts one synthetic update under the reserved tracking id, reads it back,
 * runs the deadline check as a dry run for this moment, and checks that the schedules, queues and
 * alarms exist and are enabled. It writes only its own update (never deletes anything) and sends
 * no mail.
 */
export async function runSmoke(target: SmokeTarget, deps: SmokeDeps): Promise<SmokeReport> {
  const at = deps.clock?.() ?? new Date();
  const checks: SmokeCheck[] = [];
  const runId = `${at.toISOString().replace(/\D/g, '').slice(0, 17)}-${randomBytes(3).toString('hex')}`;
  const update = smokeUpdate(target.provinceCode, at, runId);

  // 1. A signed update in, under the reserved tracking id.
  let recorded = false;
  try {
    const res = await deps.api.post({ updates: [update] });
    const item = (res.body as { results?: { result?: string; errors?: unknown }[] })?.results?.[0];
    // `stale` is recorded too: an earlier run's clock (another runner's) was ahead of this one's.
    if (res.status === 200 && ['created', 'applied', 'stale'].includes(item?.result ?? '')) {
      recorded = true;
      checks.push({
        name: 'API accepts a signed update',
        status: 'pass',
        detail: `${update.trackingId}: ${item?.result}`,
      });
    } else {
      checks.push({
        name: 'API accepts a signed update',
        status: 'fail',
        detail: `HTTP ${res.status}: ${problemText(item ?? res.body)}`,
      });
    }
  } catch (error) {
    checks.push({
      name: 'API accepts a signed update',
      status: 'fail',
      detail: `${deps.api.url} not reachable: ${reason(error)}`,
    });
  }

  // 2. Read it back: the snapshot holds this run's update.
  if (recorded) {
    try {
      const res = await deps.api.get(
        `/v1/complaints/${encodeURIComponent(smokeTrackingId(target.provinceCode))}`,
      );
      const body = res.body as { complaint?: { status?: string }; history?: { sourceUpdateId?: string }[] };
      const ours = body.history?.some((e) => e.sourceUpdateId === update.sourceUpdateId);
      checks.push(
        res.status === 200 && ours
          ? {
              name: 'API reads it back',
              status: 'pass',
              detail: `status ${body.complaint?.status}, ${body.history?.length} update(s) on record`,
            }
          : {
              name: 'API reads it back',
              status: 'fail',
              detail: `HTTP ${res.status}${res.status === 200 ? `: update ${update.sourceUpdateId} is not in the history` : ''}`,
            },
      );
    } catch (error) {
      checks.push({ name: 'API reads it back', status: 'fail', detail: reason(error) });
    }
  } else {
    checks.push({ name: 'API reads it back', status: 'fail', detail: 'skipped: nothing was recorded' });
  }

  // 3. The daily check, as a dry run for this moment: reads the table, sends nothing, records nothing.
  try {
    const r = await deps.deadlineDryRun(at);
    checks.push({
      name: 'Deadline check (dry run)',
      status: r.failures > 0 ? 'fail' : 'pass',
      detail: r.skipped
        ? `${r.date} is not a working day: the check ran and had nothing to do`
        : `${r.date}: ${r.regencies} regencies, ${r.overdue} overdue, ${r.failures} failure(s), nothing sent`,
    });
  } catch (error) {
    checks.push({ name: 'Deadline check (dry run)', status: 'fail', detail: tableHint(reason(error)) });
  }

  // 4-6. The deployed resources. Locally there is no Scheduler or CloudWatch; the queues are the
  // local SQS emulator's when the local stack runs one (`localQueues`).
  const d = target.deployment;
  const notHere = (name: string, service: string): SmokeCheck => ({
    name,
    status: 'n/a',
    detail: `not applicable locally (the local stack has no ${service})`,
  });
  if (d && deps.probe) {
    checks.push(await scheduleCheck(d, deps.probe));
    checks.push(await queueCheck(d.queues, deps.probe, deps.runbook));
    checks.push(await alarmCheck(d, deps.probe));
  } else {
    checks.push(notHere('Schedules', 'EventBridge Scheduler'));
    checks.push(
      target.localQueues && deps.probe
        ? await queueCheck(target.localQueues, deps.probe, deps.runbook)
        : notHere('Queues', 'SQS'),
    );
    checks.push(notHere('Alarms', 'CloudWatch'));
  }

  return { target: target.stage, at, checks, passed: checks.every((c) => c.status !== 'fail') };
}

/** What went wrong, from an API answer: the item's outcome and errors, or the problem's message. */
function problemText(body: unknown): string {
  const b = body as { result?: string; errors?: unknown; error?: string; message?: string } | undefined;
  if (b?.result) return `${b.result}${b.errors ? ` ${JSON.stringify(b.errors)}` : ''}`.slice(0, 300);
  if (b?.message) return `${b.error ?? 'error'}: ${b.message}`.slice(0, 300);
  return JSON.stringify(body).slice(0, 300);
}

function tableHint(message: string): string {
  return /ResourceNotFound|non-existent table|Requested resource not found/i.test(message)
    ? `the table does not exist: ${message}`
    : message;
}

async function scheduleCheck(
  d: NonNullable<SmokeTarget['deployment']>,
  probe: DeploymentProbe,
): Promise<SmokeCheck> {
  const want = d.schedulesEnabled ? 'ENABLED' : 'DISABLED';
  try {
    const states = await Promise.all(
      d.schedules.map(async (n) => [n, await probe.scheduleState(d.scheduleGroup, n)] as const),
    );
    const missing = states.filter(([, s]) => s === undefined).map(([n]) => n);
    const wrong = states.filter(([, s]) => s !== undefined && s !== want).map(([n, s]) => `${n} is ${s}`);
    if (missing.length > 0)
      return {
        name: 'Schedules',
        status: 'fail',
        detail: `missing from group ${d.scheduleGroup}: ${missing.join(', ')}`,
      };
    if (wrong.length > 0)
      return { name: 'Schedules', status: 'fail', detail: `${wrong.join(', ')}; expected ${want}` };
    return {
      name: 'Schedules',
      status: 'pass',
      detail: `${states.length} ${want.toLowerCase()}${d.schedulesEnabled ? '' : ' (as this stage configures)'}`,
    };
  } catch (error) {
    return { name: 'Schedules', status: 'fail', detail: reason(error) };
  }
}

async function queueCheck(
  queues: Record<string, string>,
  probe: DeploymentProbe,
  runbook?: (section: string) => string,
): Promise<SmokeCheck> {
  try {
    const depths = await Promise.all(
      Object.entries(queues).map(async ([n, url]) => [n, await probe.queueDepth(url)] as const),
    );
    const missing = depths.filter(([, v]) => v === undefined).map(([n]) => n);
    if (missing.length > 0)
      return { name: 'Queues', status: 'fail', detail: `missing: ${missing.join(', ')}` };
    const parked = depths.filter(([n, v]) => /DeadLetters$/.test(n) && (v ?? 0) > 0);
    if (parked.length > 0) {
      return {
        name: 'Queues',
        status: 'warn',
        detail: `${depths.length} found; waiting in dead-letter queues: ${parked.map(([n, v]) => `${n} ${v}`).join(', ')}${runbook ? ` (${runbook('re-drive-a-dead-letter-queue')})` : ''}`,
      };
    }
    return { name: 'Queues', status: 'pass', detail: `${depths.length} found, dead-letter queues empty` };
  } catch (error) {
    return { name: 'Queues', status: 'fail', detail: reason(error) };
  }
}

async function alarmCheck(
  d: NonNullable<SmokeTarget['deployment']>,
  probe: DeploymentProbe,
): Promise<SmokeCheck> {
  try {
    const found = await probe.alarms(d.alarms);
    const names = new Set(found.map((a) => a.name));
    const missing = d.alarms.filter((n) => !names.has(n));
    if (missing.length > 0)
      return { name: 'Alarms', status: 'fail', detail: `missing: ${missing.join(', ')}` };
    const disabled = found.filter((a) => !a.actionsEnabled).map((a) => a.name);
    if (disabled.length > 0)
      return { name: 'Alarms', status: 'fail', detail: `actions disabled: ${disabled.join(', ')}` };
    const firing = found.filter((a) => a.state === 'ALARM').map((a) => a.name);
    return firing.length > 0
      ? { name: 'Alarms', status: 'warn', detail: `${found.length} found; in ALARM: ${firing.join(', ')}` }
      : { name: 'Alarms', status: 'pass', detail: `${found.length} found, actions enabled, none in ALARM` };
  } catch (error) {
    return { name: 'Alarms', status: 'fail', detail: reason(error) };
  }
}

/** The verdict as a person reads it: one line a check, then the result. */
export function formatSmoke(report: SmokeReport): string {
  const label = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', 'n/a': 'n/a ' } as const;
  const width = Math.max(...report.checks.map((c) => c.name.length));
  const lines = [`Smoke test of ${report.target}, ${report.at.toISOString()}`];
  for (const c of report.checks) lines.push(`  ${label[c.status]}  ${c.name.padEnd(width)}  ${c.detail}`);
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const warned = report.checks.filter((c) => c.status === 'warn').length;
  lines.push(
    report.passed
      ? `PASSED${warned ? ` with ${warned} warning(s)` : ''}`
      : `FAILED: ${failed} check(s) failed`,
  );
  return `${lines.join('\n')}\n`;
}

/** The verdict as a Markdown table, for a CI job summary. */
export function smokeMarkdown(report: SmokeReport): string {
  const icon = { pass: '✅', warn: '⚠️', fail: '❌', 'n/a': '➖' } as const;
  return [
    `## Smoke test: ${report.target} ${report.passed ? 'passed' : 'FAILED'}`,
    '',
    '| | check | detail |',
    '|---|---|---|',
    ...report.checks.map((c) => `| ${icon[c.status]} | ${c.name} | ${c.detail.replace(/\|/g, '\\|')} |`),
    '',
  ].join('\n');
}
