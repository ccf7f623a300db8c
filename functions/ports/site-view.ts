import type { Scoreboard } from '../domain/scoreboard';
import type { SiteFile } from './site-target';

/** Port: the public scoreboard's pages, laid out by the view (templates/site.ts). */
export interface SiteView {
  build(board: Scoreboard): SiteFile[];
}
