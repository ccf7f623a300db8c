import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../functions/domain/csv-cell';
import { buildScoreboard } from '../../functions/domain/scoreboard';
import { buildSite, sitePaths } from '../../templates/site';
import { fixtureScoreboardInput } from '../support/scoreboard-fixture';

const root = path.join(import.meta.dirname, '../..');

/** Every product source file (what runs in Lambda or the CLI): demo data writers imitate LAPOR! and are left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

describe('CSV cells people open in a spreadsheet', () => {
  it.each([
    ['＝1+1', `"'＝1+1"`],
    ['＋1', `"'＋1"`],
    ['－1+2', `"'－1+2"`],
    ['＠SUM(A1)', `"'＠SUM(A1)"`],
    ['\0x', `"'\0x"`],
  ])('are guarded against full-width formula signs too: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('write a number as a number: a negative count or change is not a formula', () => {
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(-3, 'when-needed')).toBe('-3');
    expect(csvCell(12.5, 'when-needed')).toBe('12.5');
  });

  it('are written by one function: no other file quotes CSV cells itself', () => {
    const writers = ['functions', 'templates', 'cli', 'local', 'handlers']
      .flatMap((dir) => {
        try {
          return sources(path.join(root, dir));
        } catch {
          return [];
        }
      })
      .filter((file) => /replace(All)?\(\s*(\/"\/g|'"')\s*,\s*'""'\s*\)/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(writers).toEqual(['functions/domain/csv-cell.ts']);
  });

  it('of the public scoreboard are guarded like the others', () => {
    const input = fixtureScoreboardInput();
    const board = buildScoreboard(input);
    const first = board.regencies[0];
    if (!first) throw new Error('fixture has no regency');
    first.name = '=HYPERLINK("x")';
    const files = buildSite(board);
    for (const p of [sitePaths.regencyCsv, sitePaths.monthlyCsv]) {
      const body = String(files.find((f) => f.path === p)?.body);
      expect(body, p).toContain(`"'=HYPERLINK(""x"")"`);
    }
  });
});
