import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { fromSnapshotItem, toSnapshotItem } from '../../functions/adapters/complaint-store';
import { citizenFactKeys } from '../../functions/domain/citizens';
import { complaintFields } from '../../functions/domain/complaint';
import { importColumns } from '../../functions/domain/import-rows';
import { type ExportRow, exportStateKey, updateFromExportRow } from '../../functions/domain/lapor-export';
import { foldUpdate, type Snapshot, snapshotFields } from '../../functions/domain/snapshot';
import { type ComplaintUpdate, updateFields, validateUpdate } from '../../functions/domain/update';
import { calendar, kalsel, nationalPolicy } from '../support/data';

const clock = new Date('2026-06-05T02:00:00Z');

/** An update that says everything an update can say (the compiler holds it to every field). */
const everything: Required<ComplaintUpdate> = {
  trackingId: 'FIELDS-1',
  regencyCode: '6302',
  unit: 'Dinas Kesehatan',
  category: 'Kesehatan',
  classification: 'pengaduan-tidak-berkadar-pengawasan',
  status: 'terdisposisi-sedang-diproses',
  occurredAt: '2026-06-04T09:00:00+08:00',
  submittedAt: '2026-06-01T08:00:00+08:00',
  sourceUpdateId: 'FIELDS-1-1',
  note: 'catatan',
  bukanWewenang: false,
  channel: 'website',
  district: 'Pelaihari',
  village: 'Angsau',
  rating: '5',
  reporterReplied: true,
  confidential: true,
  fieldInspection: { plannedOn: '2026-06-08' },
};

/** A snapshot with every field set (the compiler holds it to every field). */
const fullSnapshot: Required<Snapshot> = {
  trackingId: 'FIELDS-2',
  regencyCode: '6302',
  unit: 'Dinas Kesehatan',
  category: 'Kesehatan',
  classification: 'pengaduan-berkadar-pengawasan',
  status: 'terdisposisi-selesai',
  submittedAt: '2026-06-01T00:00:00.000Z',
  lastEventAt: '2026-06-04T01:00:00.000Z',
  fieldInspection: { plannedOn: '2026-06-02', doneOn: '2026-06-03', markedAt: '2026-06-01T02:00:00.000Z' },
  open: false,
  paused: false,
  closedAt: '2026-06-04T01:00:00.000Z',
  timeline: [
    {
      id: 'FIELDS-2-1',
      at: '2026-06-01T00:00:00.000Z',
      status: 'belum-terverifikasi',
      classification: 'pengaduan-berkadar-pengawasan',
      inspection: { plannedOn: '2026-06-02' },
    },
    {
      id: 'FIELDS-2-2',
      at: '2026-06-04T01:00:00.000Z',
      status: 'terdisposisi-selesai',
      classification: 'pengaduan-berkadar-pengawasan',
      bukanWewenang: true,
    },
  ],
  dueHint: { stage: 'completion', due: '2026-08-01T00:00:00.000Z' },
  completion: { at: '2026-06-04T01:00:00.000Z', onTime: true },
  channel: 'website',
  district: 'Pelaihari',
  village: 'Angsau',
  rating: '5',
  reporterReplied: true,
  confidential: true,
  version: 2,
};

describe("a complaint's fields, declared once", () => {
  it('builds the snapshot and update lists from the complaint fields and the citizens side', () => {
    for (const list of [snapshotFields, updateFields] as readonly (readonly string[])[]) {
      expect(list).toEqual(expect.arrayContaining([...complaintFields, ...citizenFactKeys, 'confidential']));
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('validates every field of the list and nothing else: an update keeps all of them', () => {
    // Act
    const result = validateUpdate({ ...everything, unlisted: 1 }, kalsel(), clock);
    // Assess
    expect(result.ok && result.ignoredFields).toEqual(['unlisted']);
    expect(Object.keys(result.ok ? result.update : {}).sort()).toEqual([...updateFields].sort());
  });

  it('keeps on the snapshot every field of the update that the snapshot lists', () => {
    // Act
    const { snapshot } = foldUpdate(
      undefined,
      everything,
      { calendar: calendar(), policy: nationalPolicy() },
      clock,
    );
    // Assess
    const kept = updateFields.filter((f) => (snapshotFields as readonly string[]).includes(f));
    expect(kept.filter((f) => (snapshot as unknown as Record<string, unknown>)[f] === undefined)).toEqual([]);
    expect(Object.keys(snapshot).filter((k) => !(snapshotFields as readonly string[]).includes(k))).toEqual(
      [],
    );
  });

  it('reads back from the DynamoDB item every field of the snapshot', () => {
    const item = toSnapshotItem(fullSnapshot);
    expect(fromSnapshotItem(item)).toEqual(fullSnapshot);
    expect(Object.keys(fromSnapshotItem(item))).toEqual([...snapshotFields]);
  });

  it('has an import column for every update field (the inspection as two, the confidential mark as none)', () => {
    const expected = updateFields.flatMap((f) =>
      f === 'fieldInspection' ? ['inspectionPlannedOn', 'inspectionDoneOn'] : f === 'confidential' ? [] : [f],
    );
    expect(Object.keys(importColumns).sort()).toEqual(expected.sort());
  });

  it("carries each of an export row's fields into the update and its state key", () => {
    // Prepare
    const row: ExportRow = {
      line: 5,
      statusLabel: 'Ditanggapi oleh Pelapor',
      trackingId: 'FIELDS-3',
      regencyCode: '6302',
      unit: 'Dinas Kesehatan',
      category: 'Kesehatan',
      classification: 'aspirasi',
      status: 'terdisposisi-sedang-diproses',
      submittedAt: '2026-06-01T08:00:00+08:00',
      bukanWewenang: false,
      channel: 'website',
      district: 'Pelaihari',
      village: 'Angsau',
      rating: '5',
      reporterReplied: true,
      confidential: true,
    };
    // Act
    const update = updateFromExportRow(
      row,
      DateTime.fromISO('2026-06-05T10:00:00+08:00', { setZone: true }),
      kalsel().zone,
    );
    // Assess: every row field but the result's own (line, label) reaches the update...
    const rowFields = Object.keys(row).filter(
      (k) => k !== 'line' && k !== 'statusLabel' && k !== 'bukanWewenang',
    );
    expect(rowFields.filter((k) => (update as unknown as Record<string, unknown>)[k] === undefined)).toEqual(
      [],
    );
    // ...and each one changes the state key (so a change to it is a new update, not "unchanged")
    const key = exportStateKey(row);
    for (const k of [...citizenFactKeys, 'confidential'] as const) {
      expect(exportStateKey({ ...row, [k]: undefined }), k).not.toBe(key);
    }
  });
});
