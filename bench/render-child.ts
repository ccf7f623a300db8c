import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { renderPdf } from '../functions/adapters/pdf-renderer';
import { semesterReportPdf } from '../templates/semester-report-pdf';

/**
 * Renders one report in a process of its own, so that its peak memory is the renderer's alone.
 * Input: a JSON file with { report, province }. Output: JSON timings on stdout.
 */
const input = JSON.parse(readFileSync(process.argv[2] as string, 'utf8'));
const once = async () => {
  const start = performance.now();
  const pdf = await renderPdf(semesterReportPdf(input));
  return { ms: performance.now() - start, bytes: pdf.length };
};
const cold = await once();
const warm: number[] = [];
for (let i = 0; i < 10; i++) warm.push((await once()).ms);
warm.sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    coldMs: cold.ms,
    warmMs: ((warm[4] ?? 0) + (warm[5] ?? 0)) / 2,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    bytes: cold.bytes,
  }),
);
