import { performance } from 'node:perf_hooks';
import { LocalFileStore } from '../functions/adapters/file-store';
import { spreadsheetRows } from '../functions/adapters/spreadsheet';
import { importLimitsFrom } from '../functions/domain/import-limits';
import { type ImportDeps, importStoredFile } from '../functions/use-cases/import-stored-file';
import { calendar, kalsel, nationalPolicy } from '../test/support/data';

/**
 * Imports one file in a process of its own, so that its peak memory is the importer's alone:
 * streaming, mapping, batching, result file. The table is a store that keeps nothing (every
 * complaint is new, every write succeeds): DynamoDB's own memory per batch is bounded by the batch
 * size and measured in the ingest section. Input: <dir> <key>; limits from IMPORT_MAX_*.
 * Output: JSON on stdout.
 */
const [dir, key] = process.argv.slice(2) as [string, string];
let written = 0;
const deps: ImportDeps = {
  readRows: spreadsheetRows,
  regions: kalsel(),
  sla: { calendar: calendar(), policy: nationalPolicy() },
  clock: () => new Date('2026-07-01T08:00:00+08:00'),
  store: {
    getSnapshot: async () => undefined,
    getHistory: async () => ({ events: [] }),
    commit: async () => {
      written += 1;
      return 'committed';
    },
  },
  files: new LocalFileStore(dir),
  limits: importLimitsFrom(process.env),
};
const start = performance.now();
const outcome = await importStoredFile(deps, key);
process.stdout.write(
  JSON.stringify({
    ms: performance.now() - start,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    written,
    outcome,
  }),
);
