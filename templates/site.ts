import type { Scoreboard } from '../functions/domain/scoreboard';
import type { SiteFile } from '../functions/ports/site-target';
import type { SiteView } from '../functions/ports/site-view';
import { html, sitePaths, styleSheet } from './site-frame';
import { dataPage, methodPage, monthlyCsv, regencyCsv } from './site-method';
import { provincePage } from './site-province';
import { regencyPage } from './site-regency';

/**
 * The public scoreboard as static files, in Indonesian: the province page, one page per regency,
 * the method page, the open-data page with its CSV and JSON, and one style sheet. Pure: lays out
 * the figures of functions/domain/scoreboard.ts and formats them; computes none.
 *
 * Pages work from a folder, a private prefix or a CloudFront distribution alike: every link is
 * relative, nothing is fetched from elsewhere, no script runs. Charts are the PDFs' own SVG
 * builders (templates/charts.ts), each an image with a title and a description stating the finding,
 * beside a table of the same numbers.
 */

export { type SiteFile, siteContentSecurityPolicy, sitePaths } from './site-frame';

/** The site as the publishing use case asks for it (the port it is given). */
export const siteView: SiteView = { build: (board) => buildSite(board) };

/** Every file of the site for one scoreboard. */
export function buildSite(board: Scoreboard): SiteFile[] {
  return [
    { path: sitePaths.province, body: provincePage(board), contentType: html },
    ...board.regencies.map((r) => ({
      path: sitePaths.regency(r),
      body: regencyPage(board, r),
      contentType: html,
    })),
    { path: sitePaths.method, body: methodPage(board), contentType: html },
    { path: sitePaths.data, body: dataPage(board), contentType: html },
    { path: sitePaths.css, body: styleSheet(), contentType: 'text/css; charset=utf-8' },
    { path: sitePaths.json, body: `${JSON.stringify(board, null, 1)}\n`, contentType: 'application/json' },
    { path: sitePaths.regencyCsv, body: regencyCsv(board), contentType: 'text/csv; charset=utf-8' },
    { path: sitePaths.monthlyCsv, body: monthlyCsv(board), contentType: 'text/csv; charset=utf-8' },
  ];
}
