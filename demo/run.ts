import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { localAppConfig, localClients } from '../cli/local-env';
import { renderPdf } from '../functions/adapters/pdf-renderer';
import { RosterStore } from '../functions/adapters/roster-store';
import { composeRawEmail, type Mailer, sendEmail } from '../functions/adapters/ses-mailer';
import { DirectorySiteTarget } from '../functions/adapters/site-target';
import { handleApiRequest } from '../functions/api/ingest-routes';
import { timeZone } from '../functions/domain/calendar';
import { parseRosterCsv } from '../functions/domain/roster';
import { parseSemester, previousSemester } from '../functions/domain/semester';
import type { ComplaintUpdate } from '../functions/domain/update';
import { checkDeadlines, scheduledInstant } from '../functions/use-cases/check-deadlines';
import { publishSite } from '../functions/use-cases/publish-site';
import { runSemesterReport, type SemesterRunResult } from '../functions/use-cases/semester-report';
import { deadlineDeps, ingestDeps, semesterDeps, siteDeps } from '../functions/wiring';
import { apiGatewayEvent } from '../local/api-event';
import { localKeys, registerLocalClients } from '../local/clients';
import type { LocalStack } from '../local/stack';
import { generateUpdates } from './generate';

export interface DemoOptions {
  stack: LocalStack;
  /** The semester whose days are replayed and whose reports are sent. @default 2026-H1 */
  semester?: string;
  seed?: number;
  /** Complaints per semester. @default 1400 */
  complaints?: number;
  /** Where the PDFs and .eml files go. */
  outDir: string;
  rosterFile: string;
  log?: (line: string) => void;
}

export interface DemoResult {
  semester: string;
  updates: number;
  workingDaysChecked: number;
  emails: { digests: number; escalations: number; provinceDigests: number; reports: number; total: number };
  vacantDays: Record<string, number>;
  report: SemesterRunResult;
  /** The public scoreboard as of the check after the semester (open site/index.html). */
  site: { dir: string; files: number; bytes: number };
  outDir: string;
  seconds: number;
}

/** Updates through the ingest API handler (the Lambda's own request code), 100 per request. */
async function post(deps: ReturnType<typeof ingestDeps>, updates: readonly ComplaintUpdate[]): Promise<void> {
  for (let i = 0; i < updates.length; i += 100) {
    const event = apiGatewayEvent({
      method: 'POST',
      path: '/v1/updates',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ updates: updates.slice(i, i + 100) }),
    });
    const response = await handleApiRequest(deps, event);
    const body = JSON.parse(response.body ?? '{}') as { summary?: Record<string, number> };
    if (response.statusCode !== 200) {
      throw new Error(
        `the ingest API answered ${response.statusCode}: ${JSON.stringify(body.summary ?? body)}`,
      );
    }
  }
}

/**
 * `npm start`: a believable semester of South Kalimantan end to end on the embedded stack.
 * Loads the roster, feeds the previous semester and then the demo semester day by day through the
 * ingest handler, runs the daily deadline check at 08:00 WITA on every working day with the clock
 * injected, then the semester job, writing every e-mail (.eml) and PDF to the output folder.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const semester = parseSemester(options.semester ?? '2026-H1');
  const previous = previousSemester(semester);
  const seed = options.seed ?? 2026;
  const config = { ...localAppConfig(options.stack), sesMaxSendRate: Number.POSITIVE_INFINITY };
  const clients = localClients(options.stack);
  let now = new Date(previous.start);
  const clock = () => now;
  await rm(options.outDir, { recursive: true, force: true });
  const mailDir = path.join(options.outDir, 'mail');
  const reportDir = path.join(options.outDir, 'reports');
  await mkdir(mailDir, { recursive: true });
  await mkdir(reportDir, { recursive: true });

  // Every e-mail goes to the SES emulator and is also kept as an .eml file to open.

  const counts = { digests: 0, escalations: 0, provinceDigests: 0, reports: 0, total: 0 };
  let sequence = 0;
  const mailer: Mailer = {
    send: async (email) => {
      const raw = await composeRawEmail(email);
      const id = await sendEmail(clients.ses, email, undefined, raw);
      const ledger = email.headers?.['X-Lapor-Paman-Ledger'] ?? 'mail';
      const kind = ledger.split('#')[0] ?? 'MAIL';
      if (kind === 'DIGEST') counts.digests += 1;
      else if (kind === 'ESCALATION') counts.escalations += 1;
      else if (kind === 'PROVINCE') counts.provinceDigests += 1;
      else if (kind === 'REPORT') counts.reports += 1;
      counts.total += 1;
      sequence += 1;
      const name = `${String(sequence).padStart(5, '0')}-${ledger.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}.eml`;
      await writeFile(path.join(mailDir, name), raw);
      return id;
    },
  };

  const wiring = { doc: clients.doc, mailer, clock };
  const ingest = { ...ingestDeps(config, wiring), concurrency: 24 };
  // The demo posts as the local stack's province-wide client.
  await registerLocalClients(ingest.clients, localKeys(ingest.regions));
  const deadlines = deadlineDeps(config, wiring);
  const reports = semesterDeps(config, { ...wiring, renderPdf });

  log('Loading the roster (heads, liaison admins, backups, province team)...');
  const roster = parseRosterCsv(
    await readFile(options.rosterFile, 'utf8'),
    deadlines.regions,
    options.rosterFile,
  );
  await new RosterStore(clients.doc, config.tableName).replace(roster);

  const until = scheduledInstant(
    DateTime.fromISO(semester.end).setZone(timeZone).plus({ days: 1 }).toISODate() as string,
  );
  const generate = (s: typeof semester, prefix: string, stop: string) =>
    generateUpdates({
      semester: s,
      calendar: deadlines.sla.calendar,
      seed: seed + s.half + s.year,
      complaints: options.complaints,
      until: stop,
      prefix,
    });
  const before = generate(previous, 'LP', semester.start);
  const during = generate(semester, 'LP', until.toISOString());
  log(`Ingesting ${previous.id} through the ingest API handler: ${before.length} updates...`);
  now = new Date(semester.start);
  await post(ingest, before);

  log(
    `Replaying ${semester.id} day by day: updates through the handler, the deadline check at 08:00 WITA on every working day...`,
  );
  let next = 0;
  let workingDays = 0;
  let month = '';
  for (
    let day = DateTime.fromISO(semester.firstDate, { zone: timeZone });
    (day.toISODate() as string) <= semester.lastDate;
    day = day.plus({ days: 1 })
  ) {
    const date = day.toISODate() as string;
    const at = scheduledInstant(date);
    const due: ComplaintUpdate[] = [];
    while (next < during.length && Date.parse((during[next] as ComplaintUpdate).occurredAt) <= at.getTime())
      due.push(during[next++] as ComplaintUpdate);
    now = at;
    await post(ingest, due);
    const report = await checkDeadlines(deadlines, { at });
    if (!report.skipped) workingDays += 1;
    if (date.slice(0, 7) !== month || date === semester.lastDate) {
      if (month) log(`  ${month}: done (${workingDays} working days so far, ${counts.total} e-mails)`);
      month = date.slice(0, 7);
    }
  }
  now = until;
  await post(ingest, during.slice(next));

  log(`Running the semester evaluation of ${semester.id} and e-mailing the reports...`);
  const report = await runSemesterReport(reports, semester.id, {
    send: true,
    write: (name, pdf) => writeFile(path.join(reportDir, name), pdf),
    onProgress: (m) => log(`  ${m}`),
  });
  // The figures behind the reports, for scripts/render-samples.ts (npm run samples).
  await writeFile(
    path.join(options.outDir, 'province-semester.json'),
    JSON.stringify(report.province, null, 1),
  );
  log('Writing the public scoreboard (static site)...');
  const siteDir = path.join(options.outDir, 'site');
  const site = await publishSite(siteDeps(config, { ...wiring, target: new DirectorySiteTarget(siteDir) }), {
    at: until,
    province: report.province,
  });
  clients.destroy();
  const vacantDays = Object.fromEntries(
    report.province.regencies
      .filter((r) => r.daysWithoutAdmin > 0)
      .map((r) => [r.regencyCode, r.daysWithoutAdmin]),
  );
  return {
    semester: semester.id,
    updates: before.length + during.length,
    workingDaysChecked: workingDays,
    emails: counts,
    vacantDays,
    report,
    site: {
      dir: siteDir,
      files: site.files.length,
      bytes: site.files.reduce((n, f) => n + f.bytes, 0),
    },
    outDir: options.outDir,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}
