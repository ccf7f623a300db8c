import { writeFileSync } from 'node:fs';
import { startLocalStack } from '../local/stack';
import { benchBundles } from './bundles';
import { costSection } from './cost';
import { benchDeadline } from './deadline';
import { benchImport } from './import';
import { benchIngest } from './ingest';
import { benchProvince } from './province';
import { benchSemester } from './semester';
import { benchSite } from './site';
import { machineLine, progress } from './support';

/**
 * `npm run bench`: measures on this machine, prints the report and writes BENCHMARKS.md.
 * Capacity units and bytes do not depend on the machine; timings are ratios to a baseline
 * measured in the same run. `npm run bench -- deadline` runs one section and writes nothing.
 */
const names = ['ingest', 'deadline', 'semester', 'province', 'import', 'bundles', 'site'] as const;
const only = process.argv
  .slice(2)
  .filter((a): a is (typeof names)[number] => (names as readonly string[]).includes(a));
const wanted = (name: (typeof names)[number]) => only.length === 0 || only.includes(name);
const started = Date.now();
progress('starting the embedded stack');
const stack = await startLocalStack({ tableName: 'bench-probe' });
const sections: string[] = [];
try {
  const ingest = wanted('ingest') ? await benchIngest(stack) : undefined;
  if (ingest) sections.push(ingest.section);
  const deadline = wanted('deadline') ? await benchDeadline(stack) : undefined;
  if (deadline) sections.push(deadline.section);
  const semester = wanted('semester') ? await benchSemester(stack) : undefined;
  if (semester) sections.push(semester.section);
  if (wanted('province')) sections.push((await benchProvince(stack)).section);
  if (ingest && deadline && semester)
    sections.push(costSection({ ...ingest.figures, ...deadline.figures, ...semester.figures }));
} finally {
  await stack.stop();
}
if (wanted('import')) sections.push(await benchImport());
if (wanted('bundles')) {
  progress('bundles: synthesizing the CDK app with real bundling');
  sections.push(await benchBundles());
}
if (wanted('site')) sections.push(await benchSite());
const report = [
  '# Benchmarks',
  '',
  'Produced by `npm run bench` (bench/run.ts); regenerate with that command. Do not edit by hand.',
  '',
  `Machine: ${machineLine()}. Run on ${new Date().toISOString()}, ${Math.round((Date.now() - started) / 1000)} s.`,
  "DynamoDB Local stands in for DynamoDB: its capacity units follow DynamoDB's rules (see the ingest note on",
  "transactions); its timings are not AWS's.",
  '',
  ...sections.flatMap((s) => [s, '']),
].join('\n');
if (only.length === 0) writeFileSync('BENCHMARKS.md', report);
process.stdout.write(report);
