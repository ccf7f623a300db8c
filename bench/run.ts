import { writeFileSync } from 'node:fs';
import { startLocalStack } from '../local/stack';
import { benchDeadline } from './deadline';
import { benchIngest } from './ingest';
import { machineLine, progress } from './support';

/**
 * `npm run bench`: measures on this machine, prints the report and writes BENCHMARKS.md.
 * Capacity units and bytes do not depend on the machine; timings are ratios to a baseline
 * measured in the same run. `npm run bench -- deadline` runs one section and writes nothing.
 */
const sections = {
  ingest: benchIngest,
  deadline: benchDeadline,
} as const;
const only = process.argv.slice(2).filter((a) => a in sections) as (keyof typeof sections)[];
const started = Date.now();
progress('starting the embedded stack');
const stack = await startLocalStack({ tableName: 'bench-probe' });
const outputs: string[] = [];
try {
  for (const [name, run] of Object.entries(sections)) {
    if (only.length === 0 || only.includes(name as keyof typeof sections)) outputs.push(await run(stack));
  }
} finally {
  await stack.stop();
}
const report = [
  '# Benchmarks',
  '',
  'Produced by `npm run bench` (bench/run.ts); regenerate with that command. Do not edit by hand.',
  '',
  `Machine: ${machineLine()}. Run on ${new Date().toISOString()}, ${Math.round((Date.now() - started) / 1000)} s.`,
  "DynamoDB Local stands in for DynamoDB: its capacity units follow DynamoDB's rules (see the ingest note on",
  "transactions); its timings are not AWS's.",
  '',
  ...outputs.flatMap((s) => [s, '']),
].join('\n');
if (only.length === 0) writeFileSync('BENCHMARKS.md', report);
process.stdout.write(report);
