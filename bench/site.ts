import { gzipSync } from 'node:zlib';
import { buildSite, sitePaths } from '../templates/site';
import { fixtureScoreboard } from '../test/support/scoreboard-fixture';
import { fmt, median, progress, table, time } from './support';

/** The budget of one page: HTML with its inline SVG, plus the one style sheet (issue 16). */
export const pageBudgetBytes = 100 * 1024;

/**
 * The public scoreboard's weight per page and its build time, on the hand-built 2026-H1 province
 * (13 regencies, every page, categories and charts filled; test/support/scoreboard-fixture.ts). A
 * page's weight is its HTML (inline SVG included) plus the style sheet; nothing else is fetched.
 */
export async function benchSite(): Promise<string> {
  progress('site: building the scoreboard 20 times');
  const board = fixtureScoreboard();
  const runs: number[] = [];
  let files = buildSite(board);
  for (let i = 0; i < 20; i++) {
    const { ms, value } = await time(async () => buildSite(board));
    runs.push(ms);
    files = value;
  }
  const css = files.find((f) => f.path === sitePaths.css)?.body ?? '';
  const cssBytes = Buffer.byteLength(css);
  const pages = files
    .filter((f) => f.path.endsWith('.html'))
    .map((f) => {
      const html = Buffer.byteLength(f.body);
      const svg = (f.body.match(/<svg[\s\S]*?<\/svg>/g) ?? []).reduce((n, s) => n + Buffer.byteLength(s), 0);
      return {
        path: f.path,
        html,
        svg,
        total: html + cssBytes,
        gzip: gzipSync(f.body).length + gzipSync(css).length,
      };
    });
  const regencies = pages.filter((p) => p.path.startsWith('daerah/'));
  const heaviestRegency = [...regencies].sort((a, b) => b.total - a.total)[0];
  const shown = [
    ...pages.filter((p) => !p.path.startsWith('daerah/')),
    ...(heaviestRegency
      ? [{ ...heaviestRegency, path: `${heaviestRegency.path} (heaviest of ${regencies.length})` }]
      : []),
  ];
  const heaviest = Math.max(...pages.map((p) => p.total));
  const kb = (n: number) => `${fmt(n / 1024, 1)} KB`;
  const data = files.filter((f) => f.path.startsWith('data/'));
  return [
    '## Public scoreboard (site)',
    '',
    `Every page of the static site for one province (13 regencies), built from the hand-built 2026-H1 figures. Weight = HTML with its inline SVG charts + the style sheet (${kb(cssBytes)}); no script, font or image is fetched. Budget: ${kb(pageBudgetBytes)} a page.`,
    '',
    table(
      ['page', 'HTML', 'of which inline SVG', 'HTML + CSS', 'gzip (HTML + CSS)'],
      shown.map((p) => [p.path, kb(p.html), kb(p.svg), kb(p.total), kb(p.gzip)]),
    ),
    '',
    `Heaviest page: ${kb(heaviest)}, ${heaviest <= pageBudgetBytes ? 'within' : 'OVER'} the ${kb(pageBudgetBytes)} budget. Open data: ${data.map((f) => `${f.path} ${kb(Buffer.byteLength(f.body))}`).join(', ')}.`,
    `Building all ${files.length} files: median ${fmt(median(runs), 1)} ms over ${runs.length} runs (pure templates; the publisher's reads are one query per regency and index).`,
  ].join('\n');
}
