/**
 * A calendar date in Indonesian words for the texts the domain publishes (policy citations,
 * commitment summaries). Without luxon, which the ingest API's bundle leaves out; the views write
 * dates with templates/format.ts.
 */
const months = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** "31 Desember 2025" from "2025-12-31". */
export function dateId(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${months[m - 1]} ${y}`;
}
