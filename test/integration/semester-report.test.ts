import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/clients';
import { DynamoComplaintQueries } from '../../functions/adapters/complaint-queries';
import { DynamoComplaintStore } from '../../functions/adapters/complaint-store';
import { loadPopulation } from '../../functions/adapters/data-files';
import { EmailChannel } from '../../functions/adapters/email-channel';
import { Ledger } from '../../functions/adapters/ledger';
import { renderPdf } from '../../functions/adapters/pdf-renderer';
import { RosterStore } from '../../functions/adapters/province-data-store';
import { DynamoSemesterStore } from '../../functions/adapters/semester-store';
import { SesMailer } from '../../functions/adapters/ses-mailer';
import type { RosterEntry } from '../../functions/domain/roster';
import type { ProvinceSemester, RankedMetrics } from '../../functions/domain/semester-metrics';
import type { Mailer, OutgoingEmail } from '../../functions/ports/mailer';
import { ingestBatch } from '../../functions/use-cases/ingest-updates';
import {
  handleSemesterMessage,
  type SemesterMessage,
  startSemesterRun,
} from '../../functions/use-cases/semester-fanout';
import { runSemesterReport, type SemesterDeliveryDeps } from '../../functions/use-cases/semester-report';
import { semesterViews } from '../../templates/semester-views';
import { runCli } from '../support/cli';
import { localCliEnv } from '../support/cli-env';
import { calendar, dataDir, kalsel, kalselPolicy, nationalPolicy } from '../support/data';
import { anUpdate, onRoster } from '../support/fixtures';
import {
  freshTable,
  localDynamoDbClient,
  localSesClient,
  receivedMail,
  type StoredEmail,
} from '../support/local-aws';
import { flat, readPdf } from '../support/pdf-text';

let tableName: string;
let domain: string;
const regencies = kalsel().regencies;
const doc = createDocumentClient(localDynamoDbClient());
const realMailer = new SesMailer(localSesClient(), { maxPerSecond: Number.POSITIVE_INFINITY });

function deps(mailer: Mailer = realMailer): SemesterDeliveryDeps {
  return {
    regions: kalsel(),
    calendar: calendar(),
    national: nationalPolicy(),
    provincial: kalselPolicy(),
    population: loadPopulation(dataDir, '63'),
    queries: new DynamoComplaintQueries(doc, tableName),
    roster: new RosterStore(doc, tableName),
    store: new DynamoSemesterStore(doc, tableName),
    ledger: new Ledger(doc, tableName),
    channels: [new EmailChannel(mailer, `LAPOR Paman <no-reply@${domain}>`, { semester: semesterViews })],
    renderPdf,
    views: semesterViews,
    clock: () => new Date('2026-07-01T07:00:00+08:00'),
  };
}

const headAddress = (code: string) => `bupati.${code}@${domain}`;

beforeAll(async () => {
  tableName = await freshTable('semester');
  domain = `s${randomUUID().slice(0, 8)}.example`;
  const roster: RosterEntry[] = [
    ...regencies.flatMap((r) => [
      onRoster(r.code, 'head', `${r.headTitle} ${r.name}`, headAddress(r.code)),
      onRoster(r.code, 'admin', `Admin ${r.name}`, `admin.${r.code}@${domain}`),
    ]),
    onRoster('63', 'province', 'Tim Provinsi', `provinsi@${domain}`),
  ];
  await new RosterStore(doc, tableName).replace(roster);
  // A few complaints per regency, handled at different speeds.
  const ingest = {
    store: new DynamoComplaintStore(doc, tableName, kalsel().zone),
    regions: kalsel(),
    sla: { calendar: calendar(), policy: nationalPolicy() },
    clock: () => new Date('2026-07-01T07:00:00+08:00'),
  };
  const updates = regencies
    .flatMap((r, i) =>
      Array.from({ length: 3 + (i % 4) }, (_, n) => {
        const id = `SEM-${r.code}-${n}`;
        const day = String(2 + n * 5).padStart(2, '0');
        const submitted = anUpdate({
          trackingId: id,
          regencyCode: r.code,
          occurredAt: `2026-03-${day}T09:00:00+08:00`,
          sourceUpdateId: `${id}-1`,
        });
        const later =
          n % 3 === 0
            ? []
            : [
                {
                  ...submitted,
                  status: 'terdisposisi-sedang-diproses' as const,
                  occurredAt: `2026-04-${day}T09:00:00+08:00`,
                  sourceUpdateId: `${id}-2`,
                },
              ];
        return [submitted, ...later];
      }),
    )
    .flat();
  const results = await ingestBatch(ingest, updates, 'test');
  expect(results.every((r) => r.result === 'created' || r.result === 'applied')).toBe(true);
}, 120_000);

async function mine(): Promise<StoredEmail[]> {
  return receivedMail(domain);
}

describe('the semester job, end to end (DynamoDB Local + SES emulator)', () => {
  it('sends every head exactly one e-mail with a readable PDF of their own regency; a second run sends nothing', async () => {
    const first = await runSemesterReport(deps(), '2026-H1', { send: true });
    expect(first.regencies.map((r) => r.delivery?.status)).toEqual(regencies.map(() => 'sent'));
    expect(first.summary.delivery?.status).toBe('sent');

    const mails = await mine();
    for (const r of regencies) {
      const toHead = mails.filter((m) => m.destination.to.some((t) => t.includes(headAddress(r.code))));
      expect(toHead, r.code).toHaveLength(1);
      const [attachment] = toHead[0]?.attachments ?? [];
      expect(attachment?.contentType).toBe('application/pdf');
      expect(toHead[0]?.destination.cc.join(' ')).toContain(`admin.${r.code}@${domain}`);
      expect(toHead[0]?.destination.cc.join(' ')).toContain(`provinsi@${domain}`);
      if (r.code === '6302') {
        const pdf = await readPdf(Buffer.from(attachment?.content ?? '', 'base64'));
        expect(flat(pdf.pages.join(' '))).toContain('Kabupaten Kotabaru');
        expect(flat(pdf.pages.join(' '))).toContain('Semester I 2026');
        expect(toHead[0]?.subject).toBe(
          '[LAPOR Paman] Laporan Evaluasi LAPOR! Semester I 2026 (Januari–Juni) — Kabupaten Kotabaru',
        );
      }
    }
    const summaries = mails.filter((m) => m.subject.includes('Ringkasan Evaluasi'));
    expect(summaries).toHaveLength(1);

    const second = await runSemesterReport(deps(), '2026-H1', { send: true });
    expect(second.regencies.every((r) => r.delivery?.status === 'already-sent')).toBe(true);
    expect(second.summary.delivery?.status).toBe('already-sent');
    expect(await mine()).toHaveLength(mails.length);
  }, 180_000);

  it('leaves the others sent when one regency fails, and retries only that one', async () => {
    let refuse = true;
    const flaky: Mailer = {
      send: async (email: OutgoingEmail) => {
        if (refuse && email.to.some((t) => t.includes(headAddress('6371'))))
          throw new Error('SES: throttled');
        return realMailer.send(email);
      },
    };
    const before = (await mine()).length;
    const first = await runSemesterReport(deps(flaky), '2026-H2', { send: true, regency: '6371' });
    expect(first.regencies).toHaveLength(1);
    expect(first.regencies[0]?.delivery).toMatchObject({ status: 'failed', error: 'SES: throttled' });
    const all = await runSemesterReport(deps(flaky), '2026-H2', { send: true });
    expect(all.regencies.filter((r) => r.delivery?.status === 'sent')).toHaveLength(12);
    expect(all.regencies.find((r) => r.code === '6371')?.delivery?.status).toBe('failed');
    refuse = false;
    const retry = await runSemesterReport(deps(flaky), '2026-H2', { send: true });
    expect(retry.regencies.find((r) => r.code === '6371')?.delivery?.status).toBe('sent');
    expect(retry.regencies.filter((r) => r.delivery?.status === 'already-sent')).toHaveLength(12);
    const h2 = (await mine()).slice(before).filter((m) => m.subject.includes('Semester II 2026'));
    expect(h2.filter((m) => m.subject.includes('Laporan Evaluasi'))).toHaveLength(13);
  }, 180_000);

  it('sends again on purpose with --resend', async () => {
    const before = (await mine()).filter((m) =>
      m.destination.to.some((t) => t.includes(headAddress('6309'))),
    ).length;
    const again = await runSemesterReport(deps(), '2026-H1', { send: true, resend: true, regency: '6309' });
    expect(again.regencies[0]?.delivery?.status).toBe('sent');
    const after = (await mine()).filter((m) =>
      m.destination.to.some((t) => t.includes(headAddress('6309'))),
    ).length;
    expect(after).toBe(before + 1);
  }, 120_000);
});

describe('the semester job fanned out through a queue', () => {
  it('computes one unit per regency, queues the reports exactly once, and mails each head once despite a redelivered unit', async () => {
    const queued: SemesterMessage[] = [];
    const fanout = {
      ...deps(),
      queue: { send: async (m: readonly object[]) => void queued.push(...(m as SemesterMessage[])) },
    };
    expect(await startSemesterRun(fanout, '2025-H2')).toEqual({ semester: '2025-H2', queued: 13 });
    expect(queued.filter((m) => m.kind === 'compute')).toHaveLength(13);
    // SQS delivers at least once and in any order: one compute unit arrives twice, last.
    queued.reverse().push({ ...(queued[3] as SemesterMessage) });
    const outcomes: string[] = [];
    while (queued.length > 0)
      outcomes.push(await handleSemesterMessage(fanout, queued.shift() as SemesterMessage));
    expect(outcomes.filter((o) => o.includes('reports queued'))).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'delivery sent')).toHaveLength(14);
    const h2 = (await mine()).filter((m) => m.subject.includes('Semester II 2025'));
    for (const r of regencies) {
      expect(
        h2.filter((m) => m.destination.to.some((t) => t.includes(headAddress(r.code)))),
        r.code,
      ).toHaveLength(1);
    }
    expect(h2.filter((m) => m.subject.includes('Ringkasan Evaluasi'))).toHaveLength(1);
  }, 180_000);
});

describe('semester-report --json', () => {
  it('carries every figure with its parts, so a script can recompute one regency', () => {
    const { status, stdout, stderr } = runCli(
      ['semester-report', '--semester', '2026-H1', '--json'],
      localCliEnv(tableName),
      120_000,
    );
    expect(stderr).not.toContain('Error');
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    const figures = out.figures as ProvinceSemester;
    expect(figures.regencies).toHaveLength(13);
    // The regency with the most complaints (6 in this data set).
    const r = [...figures.regencies].sort((a, b) => b.received.total - a.received.total)[0] as RankedMetrics;
    expect(r.received.total).toBe(6);
    // Counts add up.
    expect(r.received.byMonth.reduce((n, m) => n + m.count, 0)).toBe(r.received.total);
    expect(Object.values(r.received.byClassification).reduce((n, c) => n + c, 0)).toBe(r.received.total);
    // Each share is its numerator over its denominator, and only from five cases on.
    for (const s of [
      r.verifiedWithinLimit,
      r.followUpWithinLimit.national,
      r.followUpWithinLimit.provincial,
      r.completedWithinLimit,
    ]) {
      expect(s.value).toBe(s.denominator >= 5 ? s.numerator / s.denominator : undefined);
    }
    // Per 100,000 from the population named beside it, and the province's from the totals.
    expect(r.perHundredThousand).toBeCloseTo((r.received.total / (r.population?.value ?? 0)) * 100_000, 9);
    const people = figures.regencies.reduce((n, x) => n + (x.population?.value ?? 0), 0);
    expect(figures.totals.perHundredThousand).toBeCloseTo((figures.totals.received / people) * 100_000, 9);
    // The score from its terms, and each term from the figures printed beside it.
    const term = (key: string) => r.scoreParts.find((p) => p.key === key);
    expect(term('T')?.value).toBe(r.followUpWithinLimit.national.value ?? 0);
    expect(term('S')?.value).toBe(r.completedWithinLimit.value ?? 0);
    expect(term('K')?.value).toBe(
      r.backlogAtEnd > 0 ? (r.backlogAtEnd - r.overdueAtEnd) / r.backlogAtEnd : 1,
    );
    expect(term('V')?.value).toBeCloseTo(
      Math.min(1, (r.perHundredThousand ?? 0) / (figures.totals.perHundredThousand ?? 1)),
      9,
    );
    const weight = r.scoreParts.reduce((n, p) => n + p.weight, 0);
    expect(r.score).toBeCloseTo((100 * r.scoreParts.reduce((n, p) => n + p.weight * p.value, 0)) / weight, 9);
    expect(out.ranking.find((x: { code: string }) => x.code === r.regencyCode)).toMatchObject({
      rank: r.rank,
      flag: r.flag,
    });
    // Regencies with fewer than five complaints are MERAH for volume and ranked after the others.
    const few = figures.regencies.filter((x) => x.received.total < 5);
    expect(few.length).toBeGreaterThan(0);
    for (const x of few) {
      expect(x.flag).toBe('merah');
      expect(x.rank).toBeGreaterThan(figures.regencies.length - few.length);
    }
  }, 180_000);
});
