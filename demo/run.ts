import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DateTime } from 'luxon';
import { localAppConfig, localClients } from '../cli/local-env';
import { loadDistricts, loadRegions } from '../functions/adapters/data-files';
import { S3FileStore } from '../functions/adapters/file-store';
import { renderPdf } from '../functions/adapters/pdf-renderer';
import { CommitmentStore, OutreachStore, RosterStore } from '../functions/adapters/province-data-store';
import { SqsWorkQueue } from '../functions/adapters/queue';
import { composeRawEmail, sendEmail } from '../functions/adapters/ses-mailer';
import { DirectorySiteTarget } from '../functions/adapters/site-target';
import { spreadsheetRows } from '../functions/adapters/spreadsheet';
import { handleApiRequest } from '../functions/api/ingest-routes';
import { parseCommitmentsCsv } from '../functions/domain/commitments';
import { type ImportField, importColumns } from '../functions/domain/import-rows';
import { parseOutreachCsv } from '../functions/domain/outreach';
import { parseRosterCsv } from '../functions/domain/roster';
import { parseSemester, previousSemester } from '../functions/domain/semester';
import type { ComplaintUpdate } from '../functions/domain/update';
import type { Mailer } from '../functions/ports/mailer';
import { checkDeadlines, scheduledInstant } from '../functions/use-cases/check-deadlines';
import {
  type ImportDeps,
  importPrefix,
  importStoredFile,
  storedResultKey,
} from '../functions/use-cases/import-stored-file';
import type { IngestDeps } from '../functions/use-cases/ingest-updates';
import { publishSite } from '../functions/use-cases/publish-site';
import {
  type FanoutDeps,
  handleSemesterBatch,
  startSemesterRun,
} from '../functions/use-cases/semester-fanout';
import {
  provinceSemester,
  type SemesterDeliveryDeps,
  type SemesterRunResult,
} from '../functions/use-cases/semester-report';
import { deadlineDeps, ingestDeps, semesterDeliveryDeps, siteDeps } from '../handlers/support/compose';
import { apiGatewayEvent } from '../local/api-event';
import { localKeys, registerLocalClients } from '../local/clients';
import { drain } from '../local/event-source';
import { type LocalStack, localAwsEnv, localResources, localS3Client } from '../local/stack';
import { deadlineViews } from '../templates/deadline-emails';
import { semesterViews } from '../templates/semester-views';
import { siteView } from '../templates/site';
import { demoSemesterUpdates } from './generate';
import { withDemoInspections } from './inspections';

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
  /** The heads' commitments (data/commitments/63-demo.csv); none loaded without it. */
  commitmentsFile?: string;
  /** Outreach events (data/outreach/63-demo.csv); none loaded without it. */
  outreachFile?: string;
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
 * ingest handler, runs the daily deadline check at the place profile's time (`schedule.dailyCheck`, in its zone) on every working day with the clock
 * injected, then the semester job, writing every e-mail (.eml) and PDF to the output folder.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const config = { ...localAppConfig(options.stack), sesMaxSendRate: Number.POSITIVE_INFINITY };
  const place = loadRegions(config.dataDir, config.province);
  const zone = place.zone;
  const semester = parseSemester(options.semester ?? '2026-H1', zone);
  const previous = previousSemester(semester, zone);
  const seed = options.seed ?? 2026;
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
      // Dated by the replay's clock, so that a mail program files each on its day.
      const raw = await composeRawEmail({ ...email, date: clock() });
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
  const deadlines = deadlineDeps(config, { ...wiring, views: deadlineViews });
  const reports = semesterDeliveryDeps(config, { ...wiring, renderPdf, views: semesterViews });

  log('Loading the roster (heads, liaison admins, backups, province team)...');
  const roster = parseRosterCsv(
    await readFile(options.rosterFile, 'utf8'),
    deadlines.regions,
    options.rosterFile,
  );
  await new RosterStore(clients.doc, config.tableName).replace(roster);
  if (options.commitmentsFile) {
    log("Loading the regency heads' commitments...");
    const commitments = parseCommitmentsCsv(
      await readFile(options.commitmentsFile, 'utf8'),
      deadlines.regions,
      options.commitmentsFile,
    );
    await new CommitmentStore(clients.doc, config.tableName).replace(commitments);
  }
  if (options.outreachFile) {
    log('Loading the outreach events (sosialisasi, admin training, media)...');
    const events = parseOutreachCsv(
      await readFile(options.outreachFile, 'utf8'),
      deadlines.regions,
      options.outreachFile,
    );
    await new OutreachStore(clients.doc, config.tableName).replace(events);
  }

  const until = scheduledInstant(
    DateTime.fromISO(semester.end).setZone(zone.id).plus({ days: 1 }).toISODate() as string,
    place,
  );
  const districts = loadDistricts(config.dataDir, config.province);
  const generate = (s: typeof semester, prefix: string, stop: string) =>
    demoSemesterUpdates({
      semester: s,
      calendar: deadlines.sla.calendar,
      seed,
      complaints: options.complaints,
      until: stop,
      prefix,
      ...(districts ? { districts } : {}),
    });
  const before = generate(previous, 'LP', semester.start);
  // A handful of complaints in Kotabaru and Tanah Bumbu carry field inspections, one done late.
  const during = withDemoInspections(generate(semester, 'LP', until.toISOString()), deadlines.sla.calendar);
  log(`Ingesting ${previous.id} through the ingest API handler: ${before.length} updates...`);
  now = new Date(semester.start);
  await post(ingest, before);

  log(
    `Replaying ${semester.id} day by day: updates through the handler, the deadline check at ${place.province.schedule.dailyCheck} ${zone.abbreviation} on every working day...`,
  );
  let next = 0;
  let workingDays = 0;
  let month = '';
  for (
    let day = DateTime.fromISO(semester.firstDate, { zone: zone.id });
    (day.toISODate() as string) <= semester.lastDate;
    day = day.plus({ days: 1 })
  ) {
    const date = day.toISODate() as string;
    const at = scheduledInstant(date, place);
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

  log('Uploading an admin export to the import bucket: S3 event, bulk import, result file under results/...');
  const imported = await uploadAsDeployed(options.stack, ingest, before.slice(0, 40));
  log(`  ${imported.key}: ${imported.summary}`);

  log(
    `Running the semester evaluation of ${semester.id} as deployed: semester-start queues a unit per regency on the queue, the worker computes, queues the deliveries, renders and mails...`,
  );
  const report = await semesterAsDeployed(options.stack, reports, semester.id, reportDir, log);
  // The figures behind the reports, for scripts/render-samples.ts (npm run samples).
  await writeFile(
    path.join(options.outDir, 'province-semester.json'),
    JSON.stringify(report.province, null, 1),
  );
  log('Writing the public scoreboard (static site)...');
  const siteDir = path.join(options.outDir, 'site');
  const site = await publishSite(
    siteDeps(config, { ...wiring, view: siteView, target: new DirectorySiteTarget(siteDir) }),
    {
      at: until,
      province: report.province,
    },
  );
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

/**
 * The semester job as AWS runs it: semester-start's use case sends one unit per regency through the
 * SQS adapter (the SDK, over the SQS JSON protocol, to the local emulator); the local event source
 * hands batches to the worker's use case, deletes what succeeded, redelivers what failed after the
 * visibility timeout, and parks in the dead-letter queue what failed three times.
 */
async function semesterAsDeployed(
  stack: LocalStack,
  deps: SemesterDeliveryDeps,
  semesterId: string,
  reportDir: string,
  log: (line: string) => void,
): Promise<SemesterRunResult> {
  const sqs = new SQSClient({
    endpoint: stack.sqs.endpoint,
    region: localAwsEnv.AWS_REGION,
    credentials: {
      accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID,
      secretAccessKey: localAwsEnv.AWS_SECRET_ACCESS_KEY,
    },
  });
  const delivered = new Map<
    string,
    { fileName: string; bytes: number; delivery?: SemesterRunResult['summary']['delivery'] }
  >();
  const fanout: FanoutDeps = {
    ...deps,
    queue: new SqsWorkQueue(sqs, stack.sqs.url(localResources.semesterQueue)),
    onDelivered: async (d) => {
      await writeFile(path.join(reportDir, d.fileName), d.pdf);
      delivered.set(d.regency ?? 'province', {
        fileName: d.fileName,
        bytes: d.pdf.length,
        ...(d.delivery ? { delivery: d.delivery } : {}),
      });
    },
  };
  try {
    const started = await startSemesterRun(fanout, semesterId);
    log(`  ${started.queued} compute units queued`);
    const queue = stack.sqs.queue(localResources.semesterQueue);
    const invocations = await drain(queue, (event) =>
      handleSemesterBatch(fanout, event, (m, outcome) => {
        if (outcome.startsWith('failed') || outcome.includes('queued'))
          log(
            `  ${m?.kind ?? '?'} ${'regency' in (m ?? {}) ? (m as { regency: string }).regency : ''}: ${outcome}`,
          );
      }),
    );
    const parked = await stack.sqs.queue(localResources.semesterDeadLetters).depth();
    log(`  ${invocations} worker invocations; ${parked} unit(s) in the dead-letter queue`);
    if (parked > 0)
      throw new Error(`${parked} semester unit(s) ended in the dead-letter queue; see the lines above`);
  } finally {
    sqs.destroy();
  }
  const province = await provinceSemester(deps, semesterId);
  const summary = delivered.get('province');
  return {
    semester: semesterId,
    province,
    regencies: province.regencies.map((r) => ({
      code: r.regencyCode,
      name: r.regencyName,
      fileName: delivered.get(r.regencyCode)?.fileName ?? '',
      bytes: delivered.get(r.regencyCode)?.bytes ?? 0,
      ...(delivered.get(r.regencyCode)?.delivery ? { delivery: delivered.get(r.regencyCode)?.delivery } : {}),
    })),
    summary: {
      fileName: summary?.fileName ?? '',
      bytes: summary?.bytes ?? 0,
      ...(summary?.delivery ? { delivery: summary.delivery } : {}),
    },
  };
}

/**
 * An admin's upload as AWS runs it: the file goes to the import bucket (fauxqs) through the S3 API,
 * the bucket's notification invokes the bulk import's use case, which reads the object, imports it
 * and writes its answer under results/ (`results/63/ekspor-demo.csv.result.csv`). The rows are
 * updates the API already delivered, so the demo's figures stay the same: the result file lists them
 * as duplicates.
 */
async function uploadAsDeployed(
  stack: LocalStack,
  ingest: IngestDeps,
  updates: readonly ComplaintUpdate[],
): Promise<{ key: string; summary: string }> {
  const s3 = localS3Client(stack.s3.endpoint);
  const deps: ImportDeps = {
    ...ingest,
    readRows: spreadsheetRows,
    files: new S3FileStore(s3, stack.s3.bucket),
  };
  const runs: ReturnType<typeof importStoredFile>[] = [];
  stack.s3.onObjectCreated(importPrefix, (event) => {
    const started = event.Records.map((record) =>
      importStoredFile(deps, decodeURIComponent(record.s3.object.key.replace(/\+/g, ' ')), {
        uploader: record.userIdentity.principalId,
      }),
    );
    runs.push(...started);
    return Promise.all(started);
  });
  // The importer's own field names as the header (it takes them besides the LAPOR! ones).
  // (Fields a file carries in columns of their own, such as the inspection dates, are not among them.)
  const columns = (Object.keys(importColumns) as ImportField[]).filter(
    (c): c is ImportField & keyof ComplaintUpdate =>
      updates.some((u) => (u as unknown as Record<string, unknown>)[c] !== undefined),
  );
  const cell = (v: unknown) => {
    const text = v === undefined ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const csv = [columns.join(','), ...updates.map((u) => columns.map((c) => cell(u[c])).join(','))].join(
    '\r\n',
  );
  const key = `${importPrefix}${ingest.regions.province.code}/ekspor-demo.csv`;
  try {
    await s3.send(
      new PutObjectCommand({ Bucket: stack.s3.bucket, Key: key, Body: csv, ContentType: 'text/csv' }),
    );
    // S3 notifies asynchronously (the result file, under results/, raises no import).
    await stack.s3.idle();
    const outcomes = await Promise.all(runs);
    const result = await s3.send(
      new GetObjectCommand({ Bucket: stack.s3.bucket, Key: storedResultKey(key) }),
    );
    const bytes = (await result.Body?.transformToByteArray())?.length ?? 0;
    const imported = outcomes.find((o) => o.status === 'imported');
    const counts: Record<string, number> = imported?.status === 'imported' ? imported.counts : {};
    const summary = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    const removed = imported?.status === 'imported' && imported.removed ? '; the upload is deleted' : '';
    return {
      key: storedResultKey(key),
      summary: `${summary || 'nothing imported'} (${bytes} bytes)${removed}`,
    };
  } finally {
    s3.destroy();
  }
}
