import { writeFileSync } from 'node:fs';
import { startLocalStack } from '../local/stack';
import { benchIngest } from './ingest';
import { machineLine, progress } from './support';

/**
 * `npm run bench`: measures on this machine, prints the report and writes BENCHMARKS.md.
 * Capacity units and bytes do not depend on the machine; timings are ratios to a baseline
 * measured in the same run.
 */
const started = Date.now();
progress('starting the embedded stack');
const stack = await startLocalStack({ tableName: 'bench-probe' });
const sections: string[] = [];
try {
  sections.push(await benchIngest(stack));
} finally {
  await stack.stop();
}
const report = [
  '# Benchmarks',
  '',
  'Produced by `npm run bench` (bench/run.ts); regenerate with that command. Do not edit by hand.',
  '',
  `Machine: ${machineLine()}. Run on ${new Date().toISOString()}, ${Math.round((Date.now() - started) / 1000)} s.`,
  "DynamoDB Local stands in for DynamoDB: its capacity units follow DynamoDB's rules; its timings are not AWS's.",
  '',
  ...sections.flatMap((s) => [s, '']),
].join('\n');
writeFileSync('BENCHMARKS.md', report);
process.stdout.write(report);
