import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerSmokeCommand } from '../../cli/commands/smoke';

// The README's command table is the contract a newcomer reads: a command's row names every option the
// command takes (its --help says what each does).
const readme = readFileSync('README.md', 'utf8');

function row(command: string): string {
  const line = readme.split('\n').find((l) => l.startsWith(`| \`${command}`));
  if (!line) throw new Error(`no row for ${command} in the README's command table`);
  return line.split(' | ')[0] ?? '';
}

describe("the README's command table", () => {
  it('lists every option of smoke', () => {
    const program = new Command();
    registerSmokeCommand(program);
    const smoke = program.commands.find((c) => c.name() === 'smoke');
    const flags = (smoke?.options ?? []).map((o) => o.long ?? '');
    expect(flags.length).toBeGreaterThan(3);
    const cell = row('smoke');
    expect(flags.filter((f) => !cell.includes(f))).toEqual([]);
  });
});
