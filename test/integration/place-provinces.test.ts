import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/clients';
import { renderPdf } from '../../functions/adapters/pdf-renderer';
import { RosterStore } from '../../functions/adapters/province-data-store';
import type { RosterEntry } from '../../functions/domain/roster';
import { checkDeadlines, scheduledInstant } from '../../functions/use-cases/check-deadlines';
import { ingestBatch } from '../../functions/use-cases/ingest-updates';
import { runSemesterReport } from '../../functions/use-cases/semester-report';
import { deadlineDeps, ingestDeps, semesterDeliveryDeps } from '../../handlers/support/compose';
import { loadConfig } from '../../handlers/support/config';
import { deadlineViews } from '../../templates/deadline-emails';
import { semesterViews } from '../../templates/semester-views';
import { anUpdate, onRoster } from '../support/fixtures';
import { freshTable, localDynamoDbClient, localSesClient, receivedMail } from '../support/local-aws';
import { flat, readPdf } from '../support/pdf-text';

/**
 * Two provinces from their data files alone (data/regions/61.json in WIB, 81.json in WIT, with their
 * escalation and population files): composed as the handlers compose them, with PROVINCE_CODE as the
 * only difference, against DynamoDB Local and the SES emulator. Each case is an instant whose local
 * day differs from its WITA day, so a WITA-bound computation would fail it.
 */
async function province(code: string) {
  const tableName = await freshTable(`place${code}`);
  const domain = `p${code}${randomUUID().slice(0, 6)}.example`;
  const config = loadConfig(
    { TABLE_NAME: tableName, PROVINCE_CODE: code, SENDER_ADDRESS: `LAPOR <no-reply@${domain}>` },
    { email: true },
  );
  let now = new Date();
  const options = {
    doc: createDocumentClient(localDynamoDbClient()),
    ses: localSesClient(),
    clock: () => now,
  };
  const ingest = ingestDeps({ ...config, sesMaxSendRate: 1000 }, options);
  const deadlines = () =>
    deadlineDeps({ ...config, sesMaxSendRate: 1000 }, { ...options, views: deadlineViews });
  const semester = () =>
    semesterDeliveryDeps(
      { ...config, sesMaxSendRate: 1000 },
      { ...options, renderPdf, views: semesterViews },
    );
  const regencies = ingest.regions.regencies;
  const roster: RosterEntry[] = [
    ...regencies.flatMap((r) => [
      onRoster(r.code, 'head', `${r.headTitle} ${r.name} (fiktif)`, `kepala.${r.code}@${domain}`),
      onRoster(r.code, 'admin', `Admin ${r.name} (fiktif)`, `admin.${r.code}@${domain}`),
    ]),
    onRoster(code, 'province', 'Tim Provinsi (fiktif)', `provinsi@${domain}`),
  ];
  await new RosterStore(options.doc, tableName).replace(roster);
  return {
    regions: ingest.regions,
    zone: ingest.regions.zone,
    setNow: (at: Date | string) => {
      now = new Date(at);
    },
    ingest: async (updates: Parameters<typeof ingestBatch>[1]) => {
      const results = await ingestBatch(ingest, updates, 'api');
      expect(results.map((r) => r.result)).toEqual(updates.map(() => 'created'));
    },
    deadlines,
    semester,
    mail: async (to: string) =>
      (await receivedMail()).filter((m) => m.destination.to.some((t) => t.includes(to))),
    address: (local: string, regency: string) => `${local}.${regency}@${domain}`,
  };
}

describe('Kalimantan Barat (61, WIB) from its data files alone', () => {
  it('counts a complaint submitted Thursday 23:30 WIB from Thursday, and the 08:00 WIB digest says it is late', async () => {
    const kalbar = await province('61');
    expect(kalbar.zone).toMatchObject({ id: 'Asia/Pontianak', abbreviation: 'WIB' });
    // Thu 26 Mar 2026 23:30 WIB (Fri 00:30 WITA): 3 HK to verify end Tue 31 Mar 23:59:59 WIB.
    const submitted = '2026-03-26T23:30:00+07:00';
    kalbar.setNow('2026-03-27T08:00:00+07:00');
    await kalbar.ingest([
      anUpdate({ trackingId: 'KB-1', regencyCode: '6171', occurredAt: submitted, submittedAt: submitted }),
    ]);

    // The check on Wed 1 April runs at 08:00 WIB (01:00 UTC), the day after the deadline.
    const at = scheduledInstant('2026-04-01', kalbar.regions);
    expect(at.toISOString()).toBe('2026-04-01T01:00:00.000Z');
    kalbar.setNow(at);
    const report = await checkDeadlines(kalbar.deadlines(), { at });
    expect(report.date).toBe('2026-04-01');
    const pontianak = report.regencies.find((r) => r.code === '6171');
    expect(pontianak).toMatchObject({ digest: 'sent' });

    const [digest] = await kalbar.mail(kalbar.address('admin', '6171'));
    expect(digest?.subject).toBe(
      '[LAPOR! Kalbar (contoh)] 1 laporan melewati batas waktu — Kota Pontianak, Rabu, 1 April 2026',
    );
    const text = digest?.body.text ?? '';
    expect(text).toContain('batas 31 Mar 2026');
    expect(text).toContain('zona WIB');
    expect(text).not.toContain('WITA');
  }, 120_000);

  it('cuts the semester at 30 June 23:59:59 WIB and prints WIB in the report', async () => {
    const kalbar = await province('61');
    // 30 Jun 2026 23:30 WIB is 1 July in WITA: in Kalimantan Barat it belongs to the first semester.
    const late = '2026-06-30T23:30:00+07:00';
    kalbar.setNow('2026-06-30T23:45:00+07:00');
    await kalbar.ingest([
      anUpdate({ trackingId: 'KB-2', regencyCode: '6101', occurredAt: '2026-03-02T09:00:00+07:00' }),
      anUpdate({ trackingId: 'KB-3', regencyCode: '6101', occurredAt: late, submittedAt: late }),
    ]);
    kalbar.setNow('2026-07-01T07:00:00+07:00');
    const run = await runSemesterReport(kalbar.semester(), '2026-H1', { send: true });
    expect(run.province.method.cutoff).toBe('2026-06-30T16:59:59.999Z');
    const sambas = run.province.regencies.find((r) => r.regencyCode === '6101');
    expect(sambas?.received.total).toBe(2);
    expect(run.regencies.find((r) => r.code === '6101')?.delivery?.status).toBe('sent');

    const [mail] = await kalbar.mail(kalbar.address('kepala', '6101'));
    const pdf = flat(
      (await readPdf(Buffer.from(mail?.attachments[0]?.content ?? '', 'base64'))).pages.join(' '),
    );
    expect(pdf).toContain('Kabupaten Sambas');
    expect(pdf).toContain('Data sampai: Selasa, 30 Juni 2026 pukul 23.59 WIB');
    expect(pdf).toContain('zona waktu WIB');
    expect(pdf).toContain('Senin–Jumat zona WIB (Asia/Pontianak)');
    expect(pdf).not.toContain('WITA');
  }, 180_000);
});

describe('Maluku (81, WIT) from its data files alone', () => {
  it('counts a complaint submitted Monday 00:30 WIT from Monday, and the 08:00 WIT digest says it is due today', async () => {
    const maluku = await province('81');
    expect(maluku.zone).toMatchObject({ id: 'Asia/Jayapura', abbreviation: 'WIT' });
    // Mon 2 Mar 2026 00:30 WIT (Sun 23:30 WITA): 3 HK to verify end Thu 5 Mar 23:59:59 WIT.
    const submitted = '2026-03-02T00:30:00+09:00';
    maluku.setNow('2026-03-02T08:00:00+09:00');
    await maluku.ingest([
      anUpdate({ trackingId: 'MA-1', regencyCode: '8171', occurredAt: submitted, submittedAt: submitted }),
    ]);

    // Thu 5 March, 08:00 WIT is still Wednesday 23:00 UTC; counted in WITA it would be a day late.
    const at = scheduledInstant('2026-03-05', maluku.regions);
    expect(at.toISOString()).toBe('2026-03-04T23:00:00.000Z');
    maluku.setNow(at);
    const report = await checkDeadlines(maluku.deadlines(), { at });
    expect(report.date).toBe('2026-03-05');
    expect(report.regencies.find((r) => r.code === '8171')).toMatchObject({ digest: 'sent' });

    const [digest] = await maluku.mail(maluku.address('admin', '8171'));
    expect(digest?.subject).toBe(
      '[LAPOR! Maluku (contoh)] 1 mendekati batas waktu — Kota Ambon, Kamis, 5 Maret 2026',
    );
    const text = digest?.body.text ?? '';
    expect(text).toContain('jatuh tempo hari ini');
    expect(text).toContain('batas 5 Mar 2026');
    expect(text).toContain('zona WIT');
    expect(text).not.toContain('WITA');
  }, 120_000);

  it('cuts the semester at 30 June 23:59:59 WIT and prints WIT in the report', async () => {
    const maluku = await province('81');
    // 1 Jul 2026 00:30 WIT is still 30 June in WITA: in Maluku it belongs to the second semester.
    const early = '2026-07-01T00:30:00+09:00';
    maluku.setNow('2026-07-01T06:00:00+09:00');
    await maluku.ingest([
      anUpdate({ trackingId: 'MA-2', regencyCode: '8103', occurredAt: '2026-03-02T09:00:00+09:00' }),
      anUpdate({ trackingId: 'MA-3', regencyCode: '8103', occurredAt: early, submittedAt: early }),
    ]);
    maluku.setNow('2026-07-01T07:00:00+09:00');
    const run = await runSemesterReport(maluku.semester(), '2026-H1', { send: true });
    expect(run.province.method.cutoff).toBe('2026-06-30T14:59:59.999Z');
    expect(run.province.regencies.find((r) => r.regencyCode === '8103')?.received.total).toBe(1);

    const [mail] = await maluku.mail(maluku.address('kepala', '8103'));
    const pdf = flat(
      (await readPdf(Buffer.from(mail?.attachments[0]?.content ?? '', 'base64'))).pages.join(' '),
    );
    expect(pdf).toContain('Kabupaten Maluku Tengah');
    expect(pdf).toContain('Data sampai: Selasa, 30 Juni 2026 pukul 23.59 WIT');
    expect(pdf).toContain('zona waktu WIT');
    expect(pdf).not.toContain('WITA');
  }, 180_000);
});
