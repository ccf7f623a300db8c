import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { renderPdf } from '../../functions/adapters/pdf-renderer';
import { lastEndedSemester, parseSemester, SemesterError } from '../../functions/domain/semester';
import { runSemesterReport, type SemesterRunResult } from '../../functions/use-cases/semester-report';
import { semesterDeliveryDeps } from '../../handlers/support/compose';
import { loadConfig } from '../../handlers/support/config';
import { semesterViews } from '../../templates/semester-views';
import { placeFromEnv } from '../context';
import { CliError } from '../errors';
import { tableEnv } from '../local-env';

/** `lapor-paman semester-report`: the semester evaluation, for any semester, on demand. */
export function registerSemesterReportCommand(program: Command): void {
  program
    .command('semester-report')
    .description(
      'Compute, render and (with --send) e-mail the semester evaluation of every regency and the province summary.',
    )
    .option(
      '--semester <id>',
      'YYYY-H1 (January-June) or YYYY-H2 (July-December); default: the last one that ended',
    )
    .option('--regency <code>', 'only this regency (all are still computed, for the ranking)')
    .option('--out <dir>', 'write the PDFs into this folder')
    .option('--send', 'e-mail the reports (each recipient at most once per semester and report)')
    .option('--resend', 'with --send: send again even to recipients who already got it')
    .option('--json', 'print the result and every figure of the PDFs as JSON (shape: README)')
    .action(
      async (opts: {
        semester?: string;
        regency?: string;
        out?: string;
        send?: boolean;
        resend?: boolean;
        json?: boolean;
      }) => {
        let semesterId: string;
        try {
          const zone = placeFromEnv().zone;
          semesterId = opts.semester
            ? parseSemester(opts.semester, zone).id
            : lastEndedSemester(new Date(), zone).id;
        } catch (error) {
          if (error instanceof SemesterError) throw new CliError(error.message);
          throw error;
        }
        if (opts.resend && !opts.send) throw new CliError('--resend only makes sense with --send');
        const env = tableEnv();
        const config = loadConfig(env, { email: opts.send === true });
        const deps = semesterDeliveryDeps(config, { renderPdf, views: semesterViews });
        if (opts.out) await mkdir(opts.out, { recursive: true });
        const result = await runSemesterReport(deps, semesterId, {
          ...(opts.regency ? { regency: opts.regency } : {}),
          send: opts.send === true,
          resend: opts.resend === true,
          ...(opts.out
            ? { write: (name: string, pdf: Buffer) => writeFile(path.join(opts.out as string, name), pdf) }
            : {}),
          onProgress: (m) => {
            if (!opts.json && process.stderr.isTTY) process.stderr.write(`  ${m}\n`);
          },
        });
        process.stdout.write(
          opts.json ? `${JSON.stringify(jsonResult(result), null, 2)}\n` : summary(result, opts.out),
        );
        const failed = [...result.regencies, result.summary].some(
          (r) => r.error || r.delivery?.status === 'failed',
        );
        if (failed) process.exitCode = 2;
      },
    );
}

/**
 * The --json output: what was rendered and sent, the ranking, and under `figures` every figure the
 * PDFs print (the domain's ProvinceSemester: each regency's shares with numerator and denominator,
 * score terms, flag reasons, previous semester, the province totals and comparison figures, and the
 * method), so a script can recompute them without reading a PDF. Shape documented in the README.
 */
export function jsonResult(result: SemesterRunResult) {
  const { province, ...rest } = result;
  return {
    ...rest,
    ranking: province.regencies.map((r) => ({
      rank: r.rank,
      code: r.regencyCode,
      score: Number(r.score.toFixed(1)),
      flag: r.flag,
    })),
    figures: province,
  };
}

export function summary(result: SemesterRunResult, out?: string): string {
  const lines = [`Semester evaluation ${result.province.semesterLabel}`];
  for (const r of result.province.regencies) {
    const row = result.regencies.find((x) => x.code === r.regencyCode);
    if (!row) continue;
    lines.push(
      `  ${String(r.rank).padStart(2)}. ${r.regencyCode} ${r.regencyName.padEnd(32)} score ${r.score.toFixed(1).padStart(5)} ${r.flag.padEnd(6)} ${
        row.error
          ? `ERROR ${row.error}`
          : row.delivery
            ? `e-mail ${row.delivery.status}`
            : `${row.bytes} bytes`
      }`,
    );
  }
  if (result.summary.fileName || result.summary.error) {
    lines.push(
      `  province summary: ${result.summary.error ? `ERROR ${result.summary.error}` : result.summary.delivery ? `e-mail ${result.summary.delivery.status}` : `${result.summary.bytes} bytes`}`,
    );
  }
  if (out) lines.push(`  PDFs in ${out}`);
  return `${lines.join('\n')}\n`;
}
