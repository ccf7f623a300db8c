import { fractionId } from '../functions/domain/method-text';
import type { Scoreboard, ScoreboardRegency, ShownShare } from '../functions/domain/scoreboard';
import type { Flag, FlagReason } from '../functions/domain/semester-metrics';
import type { SiteFile } from '../functions/ports/site-target';
import {
  escapeHtml as esc,
  officeContactText,
  officeText,
  percentId,
  shareParts,
  sharePercent,
  shareText,
  zoneFormat,
} from './format';
import type { LagWording } from './lag-words';
import { displayName, flagStyles, fmtNumber } from './pdf-kit';

/**
 * What every page of the public scoreboard shares: its paths, the page frame with its navigation,
 * figures and tables, the wording helpers and the one style sheet.
 */

export type { SiteFile };

/** The Content-Security-Policy every page carries (also sent as a header: infra/site-headers.ts). */
export const siteContentSecurityPolicy =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/**
 * Width of the charts' drawing, in their own units; CSS scales it to the column, so on a phone the
 * PDFs' 9 pt labels come out at 11-13 px. Month charts need room for twelve "Agu"-wide labels.
 */
export const chartWidth = 250;
export const monthChartWidth = 290;

export const html = 'text/html; charset=utf-8';

export const sitePaths = {
  province: 'index.html',
  method: 'metode.html',
  data: 'data.html',
  css: 'gaya.css',
  json: 'data/papan-skor.json',
  regencyCsv: 'data/daerah.csv',
  monthlyCsv: 'data/bulanan.csv',
  regency: (r: Pick<ScoreboardRegency, 'code' | 'slug'>) => `daerah/${r.code}-${r.slug}.html`,
} as const;

// --- wording ------------------------------------------------------------------------------------

/** "Rabu, 1 Juli 2026 pukul 08.00 WITA": an instant in the province's zone (its place profile). */
export const atText = (board: Scoreboard, instant: string) => zoneFormat(board.province).dateTime(instant);
/** WIB, WITA or WIT: the zone of the board's dates. */
export const zoneName = (board: Scoreboard) => board.province.timeZoneAbbreviation;

/** The same in a table cell: the percentage, and its count on a line of its own. */
export function shareCell(s: ShownShare): string {
  if (s.denominator === 0 || s.value === undefined || s.small || s.numerator === undefined)
    return shareText(s);
  return `${percentId(s.value)} <span class="parts">(${shareParts(s)})</span>`;
}

/** Why a regency has its flag, in one sentence each (the reasons and settings come from the evaluation). */
export function flagReasonText(reason: FlagReason, settings: Scoreboard['method']['flagSettings']): string {
  return {
    'too-few': `Kurang dari ${settings.minimumCases} laporan diterima dalam semester: belum dapat dinilai, status merah karena volume.`,
    'low-volume': `Laporan per 100.000 penduduk kurang dari ${fractionId(settings.lowVolumeRatio)} angka provinsi: status merah karena volume.`,
    score: 'Status mengikuti skor.',
    'no-admin': `${settings.noAdminCapDays} hari atau lebih tanpa admin penghubung aktif: status paling tinggi kuning.`,
  }[reason];
}

/** The public page's way of writing a lag reason: shares under the small-number rule, no dates. */
export const siteLagWording: LagWording = {
  share: (s) => sharePercent(s as ShownShare),
  date: () => undefined,
};

export const flagBadge = (flag: Flag) => `<span class="flag flag-${flag}">${flagStyles[flag].word}</span>`;

export const num = (v: number | undefined, decimals = 0) => fmtNumber(v, decimals);

// --- page frame ---------------------------------------------------------------------------------

export function page(
  board: Scoreboard,
  input: { title: string; depth: 0 | 1; current: 'province' | 'method' | 'data' | 'regency'; body: string },
): string {
  const up = input.depth ? '../' : '';
  const nav = (
    [
      ['province', sitePaths.province, 'Peringkat provinsi'],
      ['method', sitePaths.method, 'Metode'],
      ['data', sitePaths.data, 'Data terbuka'],
    ] as const
  )
    .map(
      ([key, href, label]) =>
        `<li><a href="${up}${href}"${key === input.current ? ' aria-current="page"' : ''}>${label}</a></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${siteContentSecurityPolicy}">
<meta name="referrer" content="no-referrer">
<title>${esc(input.title)} · ${esc(board.province.brand)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${up}${sitePaths.css}">
</head>
<body>
<a class="skip" href="#isi">Langsung ke isi</a>
<header class="site"><p class="brand">${esc(board.province.brand)} · SP4N-LAPOR! Provinsi ${esc(board.province.name)}</p>
<nav aria-label="Halaman"><ul>${nav}</ul></nav></header>
<main id="isi">
${input.body}
</main>
<footer class="site"><p>Angka hari ini per ${esc(atText(board, board.at))}; halaman dibuat ${esc(atText(board, board.generatedAt))}. Hanya angka agregat: tanpa identitas pelapor, nomor laporan, atau isi laporan.</p>
<p>Lisensi data: <a href="${esc(board.licence.url)}" rel="license">${esc(board.licence.name)}</a>. Cara menghitung: <a href="${up}${sitePaths.method}">Metode</a>.</p>${officeFooter(board)}</footer>
</body>
</html>
`;
}

/** Who runs the service and where readers ask, when the place profile names the office. */
function officeFooter(board: Scoreboard): string {
  const office = board.province.office;
  // Plain text, no mailto link: the pages link only to themselves and the licence.
  return office
    ? `\n<p>Pengelola: ${esc(officeText(office))}. Pertanyaan: ${esc(officeContactText(office))}.</p>`
    : '';
}

/** A chart as an image with its finding in title and description; the table beside carries the numbers. */
export function figure(id: string, svg: string, title: string, finding: string): string {
  const labelled = svg.replace(
    /^<svg /,
    `<svg role="img" aria-labelledby="${id}-t ${id}-d" focusable="false" class="chart" `,
  );
  const withTitle = labelled.replace(
    />/,
    `><title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(finding)}</desc>`,
  );
  return `<figure>${withTitle}<figcaption>${esc(finding)}</figcaption></figure>`;
}

export function table(input: {
  caption: string;
  head: { text: string; numeric?: boolean }[];
  rows: { cells: string[]; rowHeader?: boolean; code?: string }[];
  className?: string;
}): string {
  const th = input.head
    .map((h) => `<th scope="col"${h.numeric ? ' class="num"' : ''}>${esc(h.text)}</th>`)
    .join('');
  const rows = input.rows
    .map((r) => {
      const cells = r.cells
        .map((c, i) => {
          const numeric = input.head[i]?.numeric ? ' class="num"' : '';
          return i === 0 && r.rowHeader !== false
            ? `<th scope="row"${numeric}>${c}</th>`
            : `<td${numeric}>${c}</td>`;
        })
        .join('');
      return `<tr${r.code ? ` data-code="${r.code}"` : ''}>${cells}</tr>`;
    })
    .join('\n');
  return `<div class="table"><table${input.className ? ` class="${input.className}"` : ''}><caption>${esc(input.caption)}</caption><thead><tr>${th}</tr></thead><tbody>
${rows}
</tbody></table></div>`;
}

export const regencyLink = (r: ScoreboardRegency, up = '') =>
  `<a href="${up}${sitePaths.regency(r)}">${esc(displayName(r.name))}</a>`;

// --- style --------------------------------------------------------------------------------------

/** The one style sheet: phone first, system fonts, flag colours of the PDFs. */
export function styleSheet(): string {
  const flags = (Object.keys(flagStyles) as Flag[])
    .map((f) => `.flag-${f}{background:${flagStyles[f].fill};color:${flagStyles[f].text}}`)
    .join('\n');
  return `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#222;background:#fff}
a{color:#0B3D66;text-decoration-thickness:1px;text-underline-offset:2px;padding:4px 0}
a:focus-visible{outline:3px solid #E69F00;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:8px}
.skip:focus{left:8px}
header.site,footer.site{background:#0B3D66;color:#fff;padding:12px 16px}
header.site a,footer.site a{color:#fff}
.brand{margin:0 0 4px;font-weight:600}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
nav a{display:inline-block;min-height:32px;line-height:32px}
nav a[aria-current=page]{font-weight:700}
main{max-width:960px;margin:0 auto;padding:8px 16px 24px}
footer.site{font-size:14px}
h1{font-size:1.5rem;line-height:1.25;margin:16px 0 8px;color:#0B3D66}
h2{font-size:1.2rem;line-height:1.3;margin:28px 0 8px;color:#0B3D66}
.lead{font-size:1.05rem}
.cards{display:grid;gap:12px;grid-template-columns:repeat(auto-fit,minmax(260px,1fr))}
.card{border:1px solid #9DB3C8;border-radius:6px;padding:4px 14px;background:#F5F8FB}
.card h2{margin-top:8px}
.table{max-width:100%}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:15px}
caption{text-align:left;font-weight:600;padding:4px 0;font-size:14px;color:#444}
th,td{padding:6px 4px;border-bottom:1px solid #D9D9D9;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #444;font-size:14px}
.num{text-align:right;font-variant-numeric:tabular-nums}
.flag{display:inline-block;padding:1px 6px;border-radius:4px;font-weight:700;font-size:14px;letter-spacing:.02em}
${flags}
.nowrap{white-space:nowrap}
.parts{display:block;font-size:14px;color:#444}
.note-small{font-size:14px;color:#444}
.compare th[scope=row]{font-weight:600;width:42%}
figure{margin:8px 0 4px}
svg.chart{display:block;width:100%;max-width:500px;height:auto}
svg.chart text{font-family:Roboto,Arial,"Liberation Sans","Helvetica Neue",sans-serif}
figcaption{font-size:14px;color:#444;margin-top:4px}
dt{font-weight:600;margin-top:8px}
dd{margin:0 0 4px}
.files li{margin:6px 0}
.note{background:#FFF4CE;border-left:4px solid #C98A00;padding:8px}
code{font-size:14px;overflow-wrap:anywhere}
.crumb{margin:12px 0 0}
@media (min-width:800px){
header.site,footer.site{padding-left:max(24px,calc((100% - 912px)/2));padding-right:max(24px,calc((100% - 912px)/2))}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:32px;align-items:start}
th,td{padding:6px 8px}
main{padding:8px 24px 32px}
h1{font-size:1.9rem}
}
`;
}
