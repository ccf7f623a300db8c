import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { type DemoResult, runDemo } from '../../demo/run';
import { startSiteServer } from '../../local/site-server';
import { startLocalStack } from '../../local/stack';
import { numberId, percentId } from '../../templates/format';
import { printStack, toPort, waitForSignal } from './local';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** `lapor-paman demo` (what `npm start` runs): the main job end to end on the embedded stack. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      `Run a believable semester of South Kalimantan end to end on the embedded local stack (what \`npm start\` runs): starts ${embeddedServers}, and stops them at the end unless --keep.`,
    )
    .option('--semester <id>', 'the semester to replay and report', '2026-H1')
    .option('--seed <n>', 'seed of the synthetic data (same seed, same data)', (v) => toPort(v), 2026)
    .option('--complaints <n>', 'complaints per semester', (v) => toPort(v), 1400)
    .option('--out <dir>', 'where the PDFs and .eml files go', 'out/demo')
    .option(
      '--keep',
      'keep the local servers up afterwards, with the scoreboard served over HTTP, to browse the received mail (Ctrl-C to stop)',
    )
    .action(
      async (opts: { semester: string; seed: number; complaints: number; out: string; keep?: boolean }) => {
        const say = (line: string) => process.stdout.write(`${line}\n`);
        say(`Starting the embedded stack (${embeddedServers})...`);
        const stack = await startLocalStack();
        try {
          const result = await runDemo({
            stack,
            semester: opts.semester,
            seed: opts.seed,
            complaints: opts.complaints,
            outDir: path.resolve(opts.out),
            rosterFile: path.join(repoRoot, 'data/roster/63-demo.csv'),
            commitmentsFile: path.join(repoRoot, 'data/commitments/63-demo.csv'),
            outreachFile: path.join(repoRoot, 'data/outreach/63-demo.csv'),
            log: say,
          });
          say('');
          say(demoSummary(result));
          say(receivedMailLine(stack.ses.mailPageUrl, opts.keep === true));
          if (opts.keep) {
            const site = await startSiteServer(result.site.dir);
            printStack(stack, undefined, site);
            await waitForSignal();
          }
        } finally {
          await stack.stop();
        }
      },
    );
}

/** Every server the embedded stack starts (local/stack.ts). */
export const embeddedServers = 'DynamoDB Local, the SES emulator, and S3 and SQS (fauxqs)';

/**
 * Where the received mail is. Without --keep the servers stop as the demo ends: the SES emulator's page
 * is gone by the time anyone reads the line, so it points at the .eml files and at --keep instead.
 */
export function receivedMailLine(mailPageUrl: string, keep: boolean): string {
  return keep
    ? `Received mail: ${mailPageUrl} (the SES emulator's page, up until Ctrl-C)`
    : 'Received mail: the .eml files above; the SES emulator stopped with the demo (`npm start -- --keep` keeps it and its page up).';
}

/** The closing table: per regency, complaints, on-time share, overdue, flag; then where to look. */
export function demoSummary(result: DemoResult): string {
  const p = result.report.province;
  const lines = [
    `${p.semesterLabel}, ${p.province.brand} — ${numberId(result.updates)} updates ingested, ${result.workingDaysChecked} working days checked, ${result.seconds} s`,
    '',
    `${'Kabupaten/Kota'.padEnd(32)} ${'Laporan'.padStart(7)} ${'Tepat waktu'.padStart(11)} ${'Terlambat'.padStart(9)}  Status  Peringkat  Komitmen`,
  ];
  for (const r of [...p.regencies].sort((a, b) => a.regencyCode.localeCompare(b.regencyCode))) {
    lines.push(
      `${r.regencyName.padEnd(32)} ${numberId(r.received.total).padStart(7)} ${percentId(r.completedWithinLimit.value).padStart(11)} ${numberId(r.overdueAtEnd).padStart(9)}  ${r.flag.padEnd(6)}  ${`${r.rank}/${r.of}`.padEnd(9)}  ${r.commitment?.summary ?? '–'}`,
    );
  }
  const e = result.emails;
  lines.push(
    '',
    `E-mails sent (each once): ${e.digests} daily digests to admins, ${e.escalations} escalations to regency heads, ${e.provinceDigests} province digests, ${e.reports} semester reports.`,
    `Regencies with days without an active admin: ${
      Object.entries(result.vacantDays)
        .map(([code, days]) => `${code} (${days} days)`)
        .join(', ') || 'none'
    }.`,
    '',
    'Where to look:',
    `  PDFs:   ${path.join(result.outDir, 'reports')}`,
    `  E-mail: ${path.join(result.outDir, 'mail')} (.eml files, open with any mail program)`,
    `  Site:   ${pathToFileURL(path.join(result.site.dir, 'index.html')).href} (the public scoreboard, ${result.site.files} files; \`npx lapor-paman local\` serves it over HTTP)`,
  );
  return lines.join('\n');
}
