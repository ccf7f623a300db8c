import { describe, expect, it } from 'vitest';
import { DynamoComplaintQueries } from '../../functions/adapters/complaint-queries';
import { computeSla } from '../../functions/domain/sla';
import { policyInForce } from '../../functions/domain/sla-policy';
import { checkDeadlines, scheduledInstant } from '../../functions/use-cases/check-deadlines';
import { importFile, resultCsv } from '../../functions/use-cases/import-file';
import { ingestBatch, recordUpdate } from '../../functions/use-cases/ingest-updates';
import { kalsel } from '../support/data';
import { deadlineWorld } from '../support/deadlines';
import { anUpdate } from '../support/fixtures';
import { localIngest } from '../support/ingest';
import { receivedMail } from '../support/local-aws';

/** A complaint of Kotabaru disposed on 2 June 2026, being handled. */
async function knownComplaint(trackingId: string) {
  const local = await localIngest();
  const base = {
    trackingId,
    regencyCode: '6302',
    unit: 'Dinas PUPR',
    category: 'Infrastruktur',
    classification: 'pengaduan-tidak-berkadar-pengawasan',
  };
  const results = await ingestBatch(
    local.deps,
    [
      {
        ...base,
        status: 'Belum Terverifikasi',
        occurredAt: '2026-06-01T09:00:00+08:00',
        sourceUpdateId: `${trackingId}-1`,
      },
      {
        ...base,
        status: 'Terdisposisi Sedang Diproses',
        occurredAt: '2026-06-02T10:00:00+08:00',
        sourceUpdateId: `${trackingId}-2`,
      },
    ],
    'test',
  );
  expect(results.map((r) => r.result)).toEqual(['created', 'applied']);
  return local;
}

describe('field inspections', () => {
  it('are marked through the API: the 60-working-day class applies and the dates are kept', async () => {
    const { deps, store } = await knownComplaint('INSP-API');
    const [result] = await ingestBatch(
      deps,
      [
        {
          trackingId: 'INSP-API',
          regencyCode: '6302',
          unit: 'Dinas PUPR',
          category: 'Infrastruktur',
          classification: 'pengaduan-tidak-berkadar-pengawasan',
          status: 'Terdisposisi Sedang Diproses',
          occurredAt: '2026-06-03T10:00:00+08:00',
          sourceUpdateId: 'INSP-API-3',
          fieldInspection: { plannedOn: '2026-06-10' },
        },
      ],
      'api',
    );
    expect(result?.result).toBe('applied');
    const snapshot = await store.getSnapshot('INSP-API');
    expect(snapshot?.classification).toBe('pengaduan-berkadar-pengawasan');
    expect(snapshot?.fieldInspection).toMatchObject({ plannedOn: '2026-06-10' });
  });

  it('are refused through the API with a clear error when a date is wrong, and nothing is written', async () => {
    const { deps, store } = await knownComplaint('INSP-BAD');
    const before = await store.getHistory('INSP-BAD');
    const [result] = await ingestBatch(
      deps,
      [
        {
          trackingId: 'INSP-BAD',
          regencyCode: '6302',
          unit: 'Dinas PUPR',
          category: 'Infrastruktur',
          classification: 'pengaduan-tidak-berkadar-pengawasan',
          status: 'Terdisposisi Sedang Diproses',
          occurredAt: '2026-06-03T10:00:00+08:00',
          sourceUpdateId: 'INSP-BAD-3',
          fieldInspection: { plannedOn: '2026-06-10', doneOn: '2026-06-09' },
        },
      ],
      'api',
    );
    expect(result).toMatchObject({
      result: 'rejected',
      errors: [
        { path: 'fieldInspection.doneOn', message: '2026-06-09 is before the planned date 2026-06-10' },
      ],
    });
    expect(await store.getHistory('INSP-BAD')).toEqual(before);
  });

  it('are marked through the per-update file by two columns of their own', async () => {
    const { deps, store } = await knownComplaint('INSP-ROW');
    const report = await importFile(deps, {
      name: 'pembaruan.csv',
      content: Buffer.from(
        [
          'ID Tracking;Kode Wilayah;Instansi;Kategori;Klasifikasi;Status;Waktu Status;Rencana Pemeriksaan Lapangan;Pemeriksaan Lapangan Selesai',
          'INSP-ROW;6302;Dinas PUPR;Infrastruktur;Pengaduan tidak berkadar pengawasan;Terdisposisi Sedang Diproses;2026-06-04 10:00;08/06/2026;',
          'INSP-ROW;6302;Dinas PUPR;Infrastruktur;Pengaduan tidak berkadar pengawasan;Terdisposisi Sedang Diproses;2026-06-05 10:00;2026-06-08;2026-06-07',
        ].join('\r\n'),
      ),
    });
    expect(report.results.map((r) => r.result)).toEqual(['applied', 'rejected']);
    expect(JSON.stringify(report.results[1])).toContain('fieldInspection.doneOn');
    expect((await store.getSnapshot('INSP-ROW'))?.fieldInspection).toMatchObject({ plannedOn: '2026-06-08' });
  });

  it("are marked by the admin's small inspection file, keeping the status and every clock; bad rows are refused with their reason", async () => {
    const { deps, store, doc, tableName } = await knownComplaint('INSP-CSV');
    const before = await store.getSnapshot('INSP-CSV');
    const file = {
      name: 'pemeriksaan-lapangan.csv',
      content: Buffer.from(
        [
          'ID Tracking,Rencana Pemeriksaan,Tanggal Pemeriksaan,Instansi',
          'INSP-CSV,2026-06-15,,Dinas PUPR',
          'TIDAK-ADA,2026-06-15,,Dinas PUPR',
          'INSP-CSV,31/06/2026,,',
          'INSP-CSV,2026-06-15,2026-06-12,',
        ].join('\r\n'),
      ),
    };
    const report = await importFile(deps, file);
    expect(report.format).toBe('inspections');
    expect(report.results.map((r) => [r.line, r.result])).toEqual([
      [2, 'applied'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'rejected'],
    ]);
    const csv = resultCsv(report, kalsel().zone);
    expect(csv).toContain('TIDAK-ADA');
    expect(csv).toContain('tidak dikenal');
    expect(csv).toContain('must be a date YYYY-MM-DD');
    expect(csv).toContain('is before the planned date');
    expect(await store.getSnapshot('TIDAK-ADA')).toBeUndefined();

    const after = await store.getSnapshot('INSP-CSV');
    expect(after?.status).toBe(before?.status);
    expect(after?.classification).toBe('pengaduan-berkadar-pengawasan');
    expect(after?.fieldInspection).toMatchObject({ plannedOn: '2026-06-15' });
    // The reporter's clock still runs from the follow-up on 2 June (a mark is no new action); the
    // completion limit is now the inspection class's.
    const stages = (s: typeof after) =>
      computeSla(s?.timeline ?? [], deps.sla.policy, deps.sla.calendar, deps.clock(), s?.submittedAt).stages;
    const closure = (s: typeof after) => stages(s).find((x) => x.stage === 'closure')?.clockStart;
    expect(closure(after)).toBe(closure(before));
    expect(closure(after)).toBe('2026-06-02T02:00:00.000Z');
    expect(stages(after).find((x) => x.stage === 'completion')?.limit).toBe(
      policyInForce(deps.sla.policy, '2026-06-01').limits.completion['pengaduan-berkadar-pengawasan'],
    );

    const again = await importFile(deps, file);
    expect(again.results[0]?.result).toBe('duplicate');

    // In the inspection index while it is still to do, out of it once done.
    const queries = new DynamoComplaintQueries(doc, tableName);
    expect((await queries.inspectionsPlannedBy('6302', '2026-06-15')).map((c) => c.trackingId)).toEqual([
      'INSP-CSV',
    ]);
    expect(await queries.inspectionsPlannedBy('6302', '2026-06-14')).toEqual([]);
    const done = await importFile(deps, {
      name: 'pemeriksaan-selesai.csv',
      content: Buffer.from(
        'ID Tracking,Rencana Pemeriksaan,Tanggal Pemeriksaan\r\nINSP-CSV,2026-06-15,2026-06-16',
      ),
    });
    expect(done.results[0]?.result).toBe('applied');
    expect((await store.getSnapshot('INSP-CSV'))?.fieldInspection).toMatchObject({ doneOn: '2026-06-16' });
    expect(await queries.inspectionsPlannedBy('6302', '2026-12-31')).toEqual([]);
  });
});

describe('the daily digest', () => {
  it('lists the inspections planned for the next working days and those past their date with none done', {
    timeout: 120_000,
  }, async () => {
    const world = await deadlineWorld();
    await world.roster.replace([world.person('6302', 'admin', 'a'), world.person('63', 'province', 'p')]);
    const mark = async (trackingId: string, plannedOn: string) => {
      world.setNow('2026-03-03T09:00:00+08:00');
      for (const [i, status, at] of [
        [1, 'belum-terverifikasi', '2026-03-02T09:00:00+08:00'],
        [2, 'terdisposisi-sedang-diproses', '2026-03-03T09:00:00+08:00'],
      ] as const) {
        await recordUpdate(
          world.ingest,
          anUpdate({
            trackingId,
            regencyCode: '6302',
            status,
            occurredAt: at,
            sourceUpdateId: `${trackingId}-${i}`,
            ...(i === 2 ? { fieldInspection: { plannedOn } } : {}),
          }),
          'test',
        );
      }
    };
    await mark('LEWAT', '2026-03-09');
    await mark('BESOK', '2026-03-12');
    await mark('NANTI', '2026-04-20');
    world.setNow('2026-03-11T08:00:00+08:00');
    const report = await checkDeadlines(world.deps(), { at: scheduledInstant('2026-03-11', kalsel()) });
    expect(report.regencies.find((r) => r.code === '6302')?.inspections).toEqual({ coming: 1, overdue: 1 });
    const [digest] = await receivedMail(`a.6302@${world.domain}`);
    const text = digest?.body.text?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('PEMERIKSAAN LAPANGAN LEWAT JADWAL (1) LEWAT - Dinas');
    expect(text).toContain('dijadwalkan Senin, 9 Maret 2026, lewat 2 HK tanpa tanggal pelaksanaan');
    expect(text).toContain('PEMERIKSAAN LAPANGAN TERJADWAL (1) BESOK - Dinas');
    expect(text).not.toContain('NANTI');
  });
});
