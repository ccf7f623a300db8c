import { describe, expect, it } from 'vitest';
import { loadCalendarYears, loadPopulation } from '../../functions/adapters/data-files';
import type { SiteFile } from '../../functions/ports/site-target';
import {
  invalidationPaths,
  publishSite,
  type SiteDeps,
  sha256,
} from '../../functions/use-cases/publish-site';
import { siteView } from '../../templates/site';
import { calendar, dataDir, kalsel, kalselPolicy, nationalPolicy } from '../support/data';
import { fixtureProvince } from '../support/semester-fixture';

/** A site target in memory that records what was written, removed and invalidated. */
function memoryTarget(initial: Record<string, string> = {}) {
  const files = new Map(Object.entries(initial));
  const log = { put: [] as string[], removed: [] as string[], invalidated: [] as string[][] };
  return {
    files,
    log,
    target: {
      manifest: async () => Object.fromEntries([...files].map(([p, body]) => [p, sha256(body)])),
      put: async (f: SiteFile) => {
        files.set(f.path, f.body);
        log.put.push(f.path);
      },
      remove: async (p: string) => {
        files.delete(p);
        log.removed.push(p);
      },
      saveManifest: async () => undefined,
    },
    invalidator: { invalidate: async (paths: readonly string[]) => void log.invalidated.push([...paths]) },
  };
}

function deps(memory: ReturnType<typeof memoryTarget>, now: string): SiteDeps {
  return {
    regions: kalsel(),
    sla: { policy: nationalPolicy(), calendar: calendar() },
    policies: [nationalPolicy(), kalselPolicy()],
    calendarYears: loadCalendarYears(dataDir),
    population: loadPopulation(dataDir, '63'),
    queries: { allOpen: async () => [], receivedByMonth: async () => new Map() },
    view: siteView,
    roster: { listMany: async () => [] },
    loadSemester: async (id) => (id === '2026-H1' ? fixtureProvince() : undefined),
    target: memory.target,
    invalidator: memory.invalidator,
    clock: () => new Date(now),
  };
}

describe('publishing the scoreboard', () => {
  const at = new Date('2026-07-01T08:00:00+08:00');

  it('writes every file once, then nothing when nothing changed', async () => {
    const memory = memoryTarget();
    const first = await publishSite(deps(memory, '2026-07-01T08:30:00+08:00'), { at });
    expect(first.board.semester?.id).toBe('2026-H1');
    expect(first.changed).toHaveLength(first.files.length);
    expect(memory.log.invalidated).toEqual([['/*']]);
    const again = await publishSite(deps(memory, '2026-07-01T08:30:00+08:00'), { at });
    expect(again.changed).toEqual([]);
    expect(again.invalidated).toEqual([]);
    expect(memory.log.invalidated).toHaveLength(1);
  });

  it('removes files the site no longer has, and invalidates them', async () => {
    const memory = memoryTarget({ 'daerah/9999-lama.html': 'old page' });
    const result = await publishSite(deps(memory, '2026-07-01T08:30:00+08:00'), { at });
    expect(result.removed).toEqual(['daerah/9999-lama.html']);
    expect(memory.files.has('daerah/9999-lama.html')).toBe(false);
  });

  it('names a few changed paths, the province page also as the root, and a wildcard beyond ten', () => {
    expect(invalidationPaths(['index.html', 'data/daerah.csv'])).toEqual([
      '/',
      '/index.html',
      '/data/daerah.csv',
    ]);
    expect(invalidationPaths(Array.from({ length: 11 }, (_, i) => `daerah/${i}.html`))).toEqual(['/*']);
    expect(invalidationPaths([])).toEqual([]);
  });
});
