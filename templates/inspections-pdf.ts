import type { Content, TableCell } from 'pdfmake/interfaces';
import type { InspectionFigures } from '../functions/domain/field-inspection';
import type { ProvinceSemester, RankedMetrics } from '../functions/domain/semester-metrics';
import { displayName, fmtNumber, noValue, tableLayout, th } from './pdf-kit';

/**
 * Field inspections in the semester PDFs, in Indonesian: how many were planned, done on time or late,
 * and how long they took. Only lays out what functions/domain/field-inspection.ts computed.
 */

const right = (text: string): TableCell => ({ text, alignment: 'right' });

const days = (value: number | undefined) => (value === undefined ? noValue : `${fmtNumber(value, 1)} HK`);

/** "4 direncanakan: 3 tepat waktu, 1 terlambat" */
function summary(f: InspectionFigures): string {
  const parts = [`${fmtNumber(f.doneOnTime)} dilaksanakan tepat waktu`, `${fmtNumber(f.late)} terlambat`];
  if (f.upcoming > 0) parts.push(`${fmtNumber(f.upcoming)} belum tiba jadwalnya`);
  return `${fmtNumber(f.planned)} pemeriksaan lapangan dijadwalkan semester ini: ${parts.join(', ')}.`;
}

/** The regency's block on field inspections; nothing when none was planned in the semester. */
export function inspectionsSection(report: RankedMetrics): Content[] {
  const f = report.fieldInspections;
  if (!f || f.planned === 0) return [];
  return [
    { text: 'Pemeriksaan lapangan', style: 'h2' },
    { text: summary(f), margin: [0, 0, 0, 4] },
    {
      table: {
        headerRows: 1,
        widths: ['*', 90],
        body: [
          [th('Ukuran'), th('Nilai', 'right')],
          ['Dijadwalkan dalam semester', right(fmtNumber(f.planned))],
          ['Dilaksanakan pada atau sebelum jadwal', right(fmtNumber(f.doneOnTime))],
          ['Terlambat (sesudah jadwal, atau belum dilaksanakan)', right(fmtNumber(f.late))],
          [
            `Median hari kerja dari disposisi ke pemeriksaan (${fmtNumber(f.doneWithDisposition)} pemeriksaan)`,
            right(days(f.medianWorkingDaysDispositionToInspection)),
          ],
          [
            `Median hari kerja dari pemeriksaan ke selesai (${fmtNumber(f.completedAfterInspection)} laporan)`,
            right(days(f.medianWorkingDaysInspectionToCompletion)),
          ],
        ],
      },
      layout: tableLayout,
      style: 'tableSmall',
    },
    {
      text: 'Pemeriksaan dihitung pada semester tanggal rencananya. Laporan yang memerlukan pemeriksaan lapangan dinilai dengan batas penyelesaian kelas pengaduan berkadar pengawasan.',
      style: 'note',
    },
  ];
}

/** The province summary's table of field inspections per regency; nothing when none was planned. */
export function inspectionsComparison(province: ProvinceSemester): Content[] {
  const regencies = province.regencies.filter((r) => (r.fieldInspections?.planned ?? 0) > 0);
  if (regencies.length === 0) return [];
  return [
    { text: 'Pemeriksaan lapangan per kabupaten/kota', style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 52, 52, 52, 70, 70],
        body: [
          [
            th('Daerah'),
            th('Dijadwalkan', 'right'),
            th('Tepat waktu', 'right'),
            th('Terlambat', 'right'),
            th('Disposisi ke pemeriksaan (median)', 'right'),
            th('Pemeriksaan ke selesai (median)', 'right'),
          ],
          ...regencies.map((r): TableCell[] => {
            const f = r.fieldInspections as InspectionFigures;
            return [
              displayName(r.regencyName),
              right(fmtNumber(f.planned)),
              right(fmtNumber(f.doneOnTime)),
              right(fmtNumber(f.late)),
              right(days(f.medianWorkingDaysDispositionToInspection)),
              right(days(f.medianWorkingDaysInspectionToCompletion)),
            ];
          }),
        ],
      },
      layout: tableLayout,
      style: 'tableSmall',
    },
    {
      text: 'Kabupaten/kota tanpa pemeriksaan lapangan terjadwal dalam semester ini tidak dicantumkan.',
      style: 'note',
    },
  ];
}
