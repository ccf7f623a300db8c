import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { localClients } from '../cli/local-env';
import { generateUpdates } from '../demo/generate';
import { CapacityMeter } from '../functions/adapters/capacity';
import { DynamoComplaintQueries } from '../functions/adapters/complaint-queries';
import { toSnapshotItem } from '../functions/adapters/complaint-store';
import { loadCalendar, loadPopulation, loadRegions, loadSlaPolicy } from '../functions/adapters/data-files';
import { EmailChannel } from '../functions/adapters/email-channel';
import { Ledger } from '../functions/adapters/ledger';
import { renderPdf } from '../functions/adapters/pdf-renderer';
import { RosterStore } from '../functions/adapters/province-data-store';
import { DynamoSemesterStore } from '../functions/adapters/semester-store';
import { parseSemester, previousSemester } from '../functions/domain/semester';
import { replaySnapshot } from '../functions/domain/snapshot';
import type { ComplaintUpdate } from '../functions/domain/update';
import {
  computeRegencySemester,
  provinceSemester,
  type SemesterDeliveryDeps,
} from '../functions/use-cases/semester-report';
import { defaultDataDir } from '../handlers/support/config';
import { ensureTable, type LocalStack } from '../local/stack';
import { semesterViews } from '../templates/semester-views';
import { benchChromium } from './chromium';
import { fmt, progress, table } from './support';

/**
 * The semester job's cost per report: read capacity to compute one regency (which must not grow
 * with other regencies' data) and the time and memory to render its PDF, against headless Chromium
 * printing the same report from HTML, in the same run.
 */
export async function benchSemester(
  stack: LocalStack,
): Promise<{ section: string; figures: SemesterFigures }> {
  const clients = localClients(stack);
  const dataDir = defaultDataDir();
  const zone = loadRegions(dataDir, '63').zone;
  const calendar = loadCalendar(dataDir, zone);
  const national = loadSlaPolicy(dataDir, 'nasional');
  const semester = parseSemester('2026-H1', zone);
  const tableName = 'bench-semester';
  await ensureTable(stack.dynamodb.endpoint, tableName);
  const meter = new CapacityMeter();
  const deps: SemesterDeliveryDeps = {
    regions: loadRegions(dataDir, '63'),
    calendar,
    national,
    provincial: loadSlaPolicy(dataDir, 'kalsel'),
    population: loadPopulation(dataDir, '63'),
    queries: new DynamoComplaintQueries(clients.doc, tableName, meter),
    roster: new RosterStore(clients.doc, tableName, meter),
    store: new DynamoSemesterStore(clients.doc, tableName, meter),
    ledger: new Ledger(clients.doc, tableName),
    channels: [
      new EmailChannel({ send: async () => 'not-sent' }, 'bench <bench@example.org>', {
        semester: semesterViews,
      }),
    ],
    renderPdf,
    views: semesterViews,
    clock: () => new Date('2026-07-01T07:00:00+08:00'),
  };

  const seed = async (updates: ComplaintUpdate[]) => {
    const byComplaint = new Map<string, ComplaintUpdate[]>();
    for (const u of updates) byComplaint.set(u.trackingId, [...(byComplaint.get(u.trackingId) ?? []), u]);
    const items = [...byComplaint.values()].map((us) =>
      toSnapshotItem(
        replaySnapshot(us, { calendar, policy: national }, new Date('2026-07-01T07:00:00+08:00')) as never,
      ),
    );
    for (let i = 0; i < items.length; i += 25) {
      let pending: { PutRequest: { Item: Record<string, unknown> } }[] | undefined = items
        .slice(i, i + 25)
        .map((Item) => ({ PutRequest: { Item } }));
      while (pending?.length) {
        const r = await clients.doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        pending = r.UnprocessedItems?.[tableName] as typeof pending;
      }
    }
    return items.length;
  };
  const until = '2026-07-01T07:00:00+08:00';
  progress('semester: seeding two semesters of a province (about 1,400 complaints each)');
  const province = await seed([
    ...generateUpdates({
      semester: previousSemester(semester, zone),
      calendar,
      seed: 11,
      until: semester.start,
      prefix: 'P',
    }),
    ...generateUpdates({ semester, calendar, seed: 12, until, prefix: 'C' }),
  ]);

  const readsFor = async (code: string) => {
    meter.reset();
    const { complaintsRead } = await computeRegencySemester(deps, semester.id, code);
    return { units: meter.readCapacityUnits, complaintsRead };
  };
  for (const r of deps.regions.regencies) await computeRegencySemester(deps, semester.id, r.code);
  const before = await readsFor('6302');

  progress('semester: adding ten times the data to every other regency');
  const noise = generateUpdates({
    semester,
    calendar,
    seed: 13,
    complaints: 14_000,
    until,
    prefix: 'N',
  }).filter((u) => u.regencyCode !== '6302');
  const added = await seed(noise);
  const after = await readsFor('6302');

  progress('semester: rendering the Kotabaru report');
  const view = await provinceSemester(deps, semester.id);
  const report = view.regencies.find((r) => r.regencyCode === '6302');
  if (!report) throw new Error('no 6302 report');
  // In a child process of its own, so that peak memory is the renderer's alone.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-render-'));
  const inputFile = path.join(dir, 'report.json');
  writeFileSync(inputFile, JSON.stringify({ report, province: view }));
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/render-child.ts', inputFile], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`render child failed: ${child.stderr}`);
  const rendered = JSON.parse(child.stdout) as {
    coldMs: number;
    warmMs: number;
    maxRssMb: number;
    bytes: number;
  };
  const renderMs = rendered.warmMs;
  const pdfBytes = rendered.bytes;
  const chromium = await benchChromium({ report, province: view });
  clients.destroy();

  const figures: SemesterFigures = { readUnitsPerReport: before.units, renderMs, pdfBytes };
  const rows: (string | number)[][] = [
    ['complaints in the table', fmt(province, 0), fmt(province + added, 0)],
    [
      'complaints of Kotabaru read (its semester and the previous one)',
      fmt(before.complaintsRead, 0),
      fmt(after.complaintsRead, 0),
    ],
    ['read capacity units to compute Kotabaru', fmt(before.units, 1), fmt(after.units, 1)],
  ];
  return {
    figures,
    section: [
      '## Semester job: cost per report',
      '',
      'Two semesters of synthetic data for the 13 regencies (the demo generator), then ten times as much',
      "added to every regency but Kotabaru. Computing Kotabaru's report reads only its own complaints:",
      '',
      table(['measure', 'province data', 'with 10× the other regencies'], rows),
      '',
      table(
        [
          'rendering the Kotabaru report',
          'pdfmake (this project)',
          'headless Chromium from HTML',
          'pdfmake before (2026-11-28)',
        ],
        [
          [
            'warm render, median of 10',
            `${fmt(renderMs, 0)} ms (1.00)`,
            chromium.ok ? `${fmt(chromium.warmMs, 0)} ms (${fmt(chromium.warmMs / renderMs, 2)})` : 'skipped',
            '163 ms (Chromium 81 ms)',
          ],
          [
            'pdfmake / Chromium, warm render',
            chromium.ok ? fmt(renderMs / chromium.warmMs, 2) : 'skipped',
            '',
            '2.0',
          ],
          [
            'first render in the process',
            `${fmt(rendered.coldMs, 0)} ms`,
            chromium.ok ? `${fmt(chromium.coldMs, 0)} ms (incl. browser start)` : 'skipped',
            '686 ms',
          ],
          [
            'peak resident memory',
            `${fmt(rendered.maxRssMb, 0)} MB (the rendering process)`,
            chromium.ok ? `${fmt(chromium.peakMb, 0)} MB (browser processes)` : 'skipped',
            '200 MB (Chromium 924 MB)',
          ],
          [
            'pdfmake / Chromium, peak memory',
            chromium.ok ? fmt(rendered.maxRssMb / chromium.peakMb, 2) : 'skipped',
            '',
            '0.22',
          ],
          [
            'PDF size',
            `${fmt(pdfBytes, 0)} bytes`,
            chromium.ok ? `${fmt(chromium.pdfBytes, 0)} bytes` : 'skipped',
            '60,092 bytes',
          ],
        ],
      ),
      '',
      chromium.ok
        ? `${chromium.version}, driven by playwright-core, printing an HTML rendering of the same figures and charts (bench/report-html.ts). Ratios in brackets are against pdfmake in this run. "before": BENCHMARKS.md of 2026-11-28 (stated, not measured in this run). Since then the renderer parses each font once per container (a profile of 25 warm renders had a third of the time in fontkit and restructure re-reading the same TTFs); glyphs and laid-out words stay per document, since sharing fontkit's glyph cache lost characters from later documents' text layer; pages are pixel-identical. What remains in a warm render (profile): pdfmake's layout and style lookups, pdfkit's text output, SVG parsing and drawing of the charts (about a quarter), and garbage collection (about an eighth).`
        : `Chromium row skipped: ${chromium.reason}`,
    ].join('\n'),
  };
}

export interface SemesterFigures {
  readUnitsPerReport: number;
  renderMs: number;
  pdfBytes: number;
}
