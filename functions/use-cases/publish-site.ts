import { createHash } from 'node:crypto';
import type { CalendarYear, WorkingCalendar } from '../domain/calendar';
import type { Regions } from '../domain/regions';
import {
  buildScoreboard,
  type CommitmentOutcome,
  type Scoreboard,
  scoreboardSemester,
  twelveMonths,
} from '../domain/scoreboard';
import type { ProvinceSemester } from '../domain/semester-metrics';
import type { SlaRules } from '../domain/sla-policy';
import type { Snapshot } from '../domain/snapshot';
import type { ComplaintQueries } from '../ports/complaint-queries';
import type { RosterDirectory } from '../ports/province-data';
import type { CdnInvalidator, SiteTarget } from '../ports/site-target';
import type { SiteView } from '../ports/site-view';

export interface SiteDeps {
  regions: Regions;
  /** The daily check's policy and calendar. */
  sla: { policy: SlaRules; calendar: WorkingCalendar };
  /** The policies the semester evaluation measures against (method page). */
  policies: readonly SlaRules[];
  calendarYears: readonly CalendarYear[];
  population: ReadonlyMap<string, { value: number; year: number; source: string }>;
  queries: Pick<ComplaintQueries, 'allOpen' | 'receivedByMonth'>;
  roster: RosterDirectory;
  /** The ranked evaluation of a semester as the semester job stored it; undefined before its run. */
  loadSemester(semesterId: string): Promise<ProvinceSemester | undefined>;
  /** HOOK: the heads' commitments (issue 18), once their domain exists. */
  loadCommitments?(at: Date): Promise<ReadonlyMap<string, CommitmentOutcome>>;
  /** The pages' layout and words (templates/site.ts). */
  view: SiteView;
  target: SiteTarget;
  invalidator?: CdnInvalidator;
  clock: () => Date;
}

export interface PublishResult {
  board: Scoreboard;
  files: { path: string; bytes: number }[];
  changed: string[];
  removed: string[];
  invalidated: string[];
}

/** Beyond this many changed paths one wildcard invalidation is cheaper (CloudFront bills per path). */
const maxInvalidationPaths = 10;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Builds the scoreboard as of the daily check's instant and writes the site: only files whose
 * content changed are written, files no longer produced are removed, and the CDN is told the
 * changed paths. A re-run with the same data and instant writes nothing. Reads one regency at a
 * time through the indexes (open complaints, monthly counters): no scan.
 * @param input.at the daily check's instant @default the clock
 * @param input.province the semester's ranked evaluation, when the caller has just computed it
 */
export async function publishSite(
  deps: SiteDeps,
  input: { at?: Date; province?: ProvinceSemester } = {},
): Promise<PublishResult> {
  const at = input.at ?? deps.clock();
  const province = input.province ?? (await deps.loadSemester(scoreboardSemester(at, deps.regions.zone).id));
  const codes = deps.regions.regencies.map((r) => r.code);
  const board = buildScoreboard({
    at,
    generatedAt: deps.clock(),
    regions: deps.regions,
    ...(province ? { province } : {}),
    open: await openByRegency(deps, codes),
    sla: deps.sla,
    policies: deps.policies,
    calendarYears: deps.calendarYears,
    roster: await deps.roster.listMany(codes),
    received: await receivedByMonth(deps, codes, at),
    population: deps.population,
    ...(deps.loadCommitments ? { commitments: await deps.loadCommitments(at) } : {}),
  });
  const files = deps.view.build(board);
  const before = await deps.target.manifest();
  const after: Record<string, string> = {};
  const changed: string[] = [];
  for (const file of files) {
    const hash = sha256(file.body);
    after[file.path] = hash;
    if (before[file.path] === hash) continue;
    await deps.target.put(file);
    changed.push(file.path);
  }
  const removed = Object.keys(before).filter((p) => !(p in after));
  for (const p of removed) await deps.target.remove(p);
  if (changed.length > 0 || removed.length > 0) await deps.target.saveManifest(after);
  const invalidated = invalidationPaths([...changed, ...removed]);
  if (invalidated.length > 0) await deps.invalidator?.invalidate(invalidated);
  return {
    board,
    files: files.map((f) => ({ path: f.path, bytes: Buffer.byteLength(f.body) })),
    changed,
    removed,
    invalidated,
  };
}

/** CDN paths of changed files; the province page is also the site's root. */
export function invalidationPaths(paths: readonly string[]): string[] {
  if (paths.length === 0) return [];
  if (paths.length > maxInvalidationPaths) return ['/*'];
  return paths.flatMap((p) => (p === 'index.html' ? ['/', '/index.html'] : [`/${p}`]));
}

async function openByRegency(deps: SiteDeps, codes: readonly string[]) {
  const open = new Map<string, Snapshot[]>();
  for (const code of codes) open.set(code, await deps.queries.allOpen(code));
  return open;
}

async function receivedByMonth(deps: SiteDeps, codes: readonly string[], at: Date) {
  const months = twelveMonths(deps.regions.zone.date(at));
  const received = new Map<string, Map<string, number>>();
  for (const code of codes) {
    received.set(
      code,
      await deps.queries.receivedByMonth(code, months[0] as string, months.at(-1) as string),
    );
  }
  return received;
}
