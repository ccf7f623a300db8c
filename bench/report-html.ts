import type { ProvinceSemester, RankedMetrics } from '../functions/domain/semester-metrics';
import { barChart, histogram, horizontalBarChart } from '../templates/charts';
import { classificationLabel, escapeHtml, numberId, percentId } from '../templates/format';

/**
 * The regency report as HTML, for the benchmark's baseline only: the usual alternative to pdfmake
 * is to print such a page with headless Chromium. Same figures, same SVG charts, comparable tables.
 */
export function reportHtml(input: { report: RankedMetrics; province: ProvinceSemester }): string {
  const { report: r, province: p } = input;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
  const label = (m: string) => months[Number(m.slice(5, 7)) - 1] ?? m;
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const charts = [
    barChart({
      labels: r.received.byMonth.map((m) => label(m.month)),
      series: [
        { name: r.regencyName, values: r.received.byMonth.map((m) => m.count) },
        { name: 'Rata-rata provinsi', values: p.totals.averageByMonthPerRegency.map((m) => m.count) },
      ],
      width: 480,
      height: 220,
    }),
    histogram({
      bins: r.workingDaysToCompletion.histogram,
      width: 480,
      height: 200,
      xLabel: 'Hari kerja',
      yLabel: 'Laporan',
    }),
    horizontalBarChart({
      items: p.regencies.map((x) => ({
        label: x.regencyName,
        value: x.score,
        highlight: x.regencyCode === r.regencyCode,
      })),
      width: 480,
      height: 320,
    }),
  ];
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><style>
    body { font-family: Roboto, Arial, sans-serif; font-size: 10pt; margin: 0; }
    section { page-break-after: always; padding: 24pt; }
    table { border-collapse: collapse; width: 100%; } td { border-bottom: 1px solid #ddd; padding: 3pt 6pt; }
    h1 { font-size: 22pt; } h2 { font-size: 14pt; } .flag { padding: 8pt; background: #f2c12e; font-weight: bold; }
  </style></head><body>
  <section><h1>Laporan Evaluasi Pengelolaan Pengaduan SP4N-LAPOR!</h1><h2>${escapeHtml(p.semesterLabel)}</h2><h2>${escapeHtml(r.regencyName)}</h2>
    <p>Disampaikan kepada Yth. ${escapeHtml(r.headTitle)}</p></section>
  <section><h2>Ringkasan</h2><div class="flag">${r.flag.toUpperCase()} — peringkat ${r.rank} dari ${r.of}, skor ${numberId(r.score, 1)}</div>
    <table>${row(['Laporan diterima', numberId(r.received.total)])}${row(['Tindak lanjut tepat waktu', percentId(r.followUpWithinLimit.national.value)])}
    ${row(['Penyelesaian tepat waktu', percentId(r.completedWithinLimit.value)])}${row(['Tunggakan', numberId(r.backlogAtEnd)])}${row(['Melewati batas waktu', numberId(r.overdueAtEnd)])}</table>
    ${r.changeSentences.map((s) => `<p>${escapeHtml(s)}</p>`).join('')}</section>
  <section><h2>Grafik</h2>${charts.join('')}</section>
  <section><h2>Rincian</h2><table>${Object.entries(r.received.byClassification)
    .map(([c, n]) => row([escapeHtml(classificationLabel(c as never)), numberId(n)]))
    .join(
      '',
    )}</table><table>${r.received.byCategory.map((c) => row([escapeHtml(c.category), numberId(c.count)])).join('')}</table>
    <table>${r.fieldInspection.cases.map((c) => row([escapeHtml(c.trackingId), numberId(c.workingDays), c.open ? 'terbuka' : 'selesai'])).join('')}</table></section>
  <section><h2>Metode</h2>${p.method.definitions.map((d) => `<p><b>${escapeHtml(d.term)}</b>: ${escapeHtml(d.meaning)}</p>`).join('')}
    ${p.method.scoreFormula.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</section>
  </body></html>`;
}
