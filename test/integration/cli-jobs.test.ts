import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { localCliEnv } from '../support/cli-env';
import { freshTable } from '../support/local-aws';

describe('lapor-paman check-deadlines and semester-report', () => {
  it('skips a non-working day and says so', async () => {
    const env = localCliEnv(await freshTable('cli'));
    const { status, stdout } = runCli(
      ['check-deadlines', '--at', '2026-03-21T08:00:00+08:00', '--dry-run'],
      env,
    );
    expect(status).toBe(0);
    expect(stdout).toBe('2026-03-21: not a working day in Asia/Makassar; nothing checked.\n');
  });

  it('runs a dry check on a working day and reports every regency', async () => {
    const env = localCliEnv(await freshTable('cli'));
    const { status, stdout } = runCli(
      ['check-deadlines', '--at', '2026-03-25T08:00:00+08:00', '--dry-run', '--json'],
      env,
    );
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.date).toBe('2026-03-25');
    expect(report.regencies).toHaveLength(13);
    expect(report.emailsSent).toBe(0);
  });

  it('names a bad semester, a bad instant, and --resend without --send', () => {
    const env = localCliEnv('unused');
    const semester = runCli(['semester-report', '--semester', '2026-H3'], env);
    expect(semester.status).toBe(1);
    expect(semester.stderr).toContain(
      '"2026-H3" is not a semester: write YYYY-H1 (January-June) or YYYY-H2 (July-December)',
    );
    const at = runCli(['check-deadlines', '--at', 'tomorrow'], env);
    expect(at.status).toBe(1);
    expect(at.stderr).toContain('--at must be an ISO-8601 instant');
    expect(at.stderr).toContain('got "tomorrow"');
    const resend = runCli(['semester-report', '--semester', '2026-H1', '--resend'], env);
    expect(resend.stderr).toContain('--resend only makes sense with --send');
  });
});
