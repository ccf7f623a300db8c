import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Commitment, CommitmentResult, TargetResult } from '../functions/domain/commitments';
import { minimumCases } from '../functions/domain/semester-method';
import type { RankedMetrics } from '../functions/domain/semester-metrics';
import { dayText } from './format';
import {
  bareName,
  colors,
  fmtNumber,
  noValue,
  pageHeading,
  right,
  tableLayout,
  th,
  warningBox,
} from './pdf-kit';

// --- the head's commitment (shared with the province summary) -------------------------------------

/** Words and colours of a target's verdict; the word is always printed, so colour is never the only signal. */
const verdictStyle = {
  met: { word: 'TERPENUHI', color: colors.better },
  missed: { word: 'TIDAK TERPENUHI', color: colors.worse },
  open: { word: 'BELUM DAPAT DINILAI', color: colors.muted },
} as const;

/** A target's promised figure, in its unit. */
function committedText(t: TargetResult): string {
  switch (t.kind) {
    case 'follow-up':
      return `${fmtNumber(t.committed)}% laporan`;
    case 'backlog':
      return `paling banyak ${fmtNumber(t.committed)} laporan`;
    case 'liaison':
      return 'setiap hari';
    case 'volume':
      return `sedikitnya ${fmtNumber(t.committed, 1)}`;
  }
}

/** What was achieved, in the same unit; the parts of a share below it. */
function achievedText(t: TargetResult): string {
  if (t.achieved === undefined) {
    return t.parts ? `${fmtNumber(t.parts.numerator)} dari ${fmtNumber(t.parts.denominator)}` : noValue;
  }
  switch (t.kind) {
    case 'follow-up':
      return `${fmtNumber(t.achieved, 1)}%${t.parts ? ` (${fmtNumber(t.parts.numerator)} dari ${fmtNumber(t.parts.denominator)})` : ''}`;
    case 'backlog':
      return `${fmtNumber(t.achieved)} laporan`;
    case 'liaison':
      return t.achieved === 0 ? 'setiap hari' : `${fmtNumber(t.achieved)} hari tanpa admin atau cadangan`;
    case 'volume':
      return `${fmtNumber(t.achieved, 1)} per 100.000`;
  }
}

/** "Bupati Tanah Laut, ditandatangani 18 Desember 2025, nomor ..., berlaku sejak 1 Januari 2026." */
export function commitmentSource(c: Commitment): string {
  const document = /^https?:\/\//.test(c.document) ? `dokumen ${c.document}` : `nomor ${c.document}`;
  return `${c.signatory}, ditandatangani ${dayText(c.signed)}, ${document}, berlaku sejak ${dayText(c.from)}${c.to ? ` sampai ${dayText(c.to)}` : ''}.`;
}

/** The per-target table of a commitment: promised, achieved, met or not and by how much. */
export function commitmentTable(result: CommitmentResult): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 78, 100, 120],
      body: [
        [th('Target'), th('Komitmen', 'right'), th('Capaian', 'right'), th('Hasil')],
        ...result.targets.map((t): TableCell[] => {
          const style =
            t.met === undefined ? verdictStyle.open : t.met ? verdictStyle.met : verdictStyle.missed;
          return [
            t.label,
            right(committedText(t)),
            right(achievedText(t), { bold: true }),
            {
              stack: [
                { text: style.word, bold: true, color: style.color, fontSize: 8.5 },
                { text: t.byHowMuch ?? t.verdict, fontSize: 8 },
              ],
            },
          ];
        }),
      ],
    },
    layout: tableLayout,
    style: 'table',
  };
}

export function commitmentPage(report: RankedMetrics): Content[] {
  const result = report.commitment;
  if (!result) return [];
  const place = `${report.headTitle} ${bareName(report.regencyName)}`;
  const heading = pageHeading(`Komitmen ${report.headTitle}`);
  if (result.status !== 'in-force' || !result.commitment) {
    return [
      heading,
      warningBox(
        result.status === 'expired' && result.commitment
          ? `Komitmen ${place} tentang pengelolaan pengaduan SP4N-LAPOR! berakhir ${dayText(result.commitment.to as string)} dan belum diperbarui (${commitmentSource(result.commitment)}) Karena itu semester ini tidak dinilai terhadap komitmen. Provinsi meminta komitmen tertulis yang baru.`
          : `Belum ada komitmen tertulis ${place} tentang pengelolaan pengaduan SP4N-LAPOR!. Provinsi meminta setiap kepala daerah menandatangani komitmen dengan target yang terukur (tindak lanjut, tunggakan, admin penghubung, volume laporan).`,
      ),
    ];
  }
  return [
    heading,
    {
      text: ['Komitmen tertulis: ', { text: commitmentSource(result.commitment), bold: true }],
      style: 'lead',
    },
    {
      text: [
        'Hasil semester ini: ',
        { text: result.summary, bold: true },
        result.kept === true
          ? '. Komitmen ditepati.'
          : result.kept === false
            ? '. Komitmen belum ditepati.'
            : '.',
      ],
      margin: [0, 0, 0, 8],
    },
    commitmentTable(result),
    {
      text: `Capaian dihitung dari angka laporan ini pada batas data. Tindak lanjut: laporan yang sudah mendapat tindak lanjut pertama, atau yang belum setelah lebih dari N HK; bagian dari kurang dari ${minimumCases} laporan tidak dinilai. Admin penghubung dan cadangan menurut SK yang tercatat (daftar petugas).`,
      style: 'note',
    },
  ];
}
