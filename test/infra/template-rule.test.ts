import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/config';
import { repositoryTemplateFindings, templateFindings } from '../support/template-rule';

describe('views hold no threshold and no policy value', () => {
  it('holds for every file in templates/', () => {
    const { files, findings } = repositoryTemplateFindings(repoRoot);
    expect(files).toBeGreaterThan(15);
    expect(findings).toEqual([]);
  });

  it('fails on a threshold decided in a view', () => {
    const findings = templateFindings(
      'templates/x.ts',
      'export const late = (r: { overdueAtEnd: number }) => r.overdueAtEnd >= 10 || 0.4 < r.overdueAtEnd;',
    );
    expect(findings.map((f) => f.text)).toEqual(['r.overdueAtEnd >= 10', '0.4 < r.overdueAtEnd']);
  });

  it("fails on a rule's value typed into the words", () => {
    const findings = templateFindings(
      'templates/x.ts',
      [
        "const a = '30 hari atau lebih tanpa admin';",
        // A template literal with a substitution, as a view would write it.
        `const b = (n: number) => \`\${n} kasus terbuka lebih dari 60 HK, kurang dari seperempat angka provinsi\`;`,
        "const c = 'pemeriksaan harian pukul 08.00';",
      ].join('\n'),
    );
    expect(findings.map((f) => `${f.line} ${f.text}`)).toEqual([
      '1 30 hari',
      '2 60 HK',
      '2 seperempat',
      '3 pukul 0',
    ]);
  });

  it('fails on a data file read by a view, and lets presence checks and chart geometry pass', () => {
    expect(
      templateFindings('templates/x.ts', "import policy from '../data/policies/nasional/x.json';").map(
        (f) => f.rule,
      ),
    ).toEqual(['data import']);
    expect(templateFindings('templates/x.ts', 'const some = (n: number) => n > 0 && n <= 1;')).toEqual([]);
    expect(
      templateFindings('templates/charts.ts', 'const step = (v: number) => (v <= 2.5 ? 2.5 : 5);'),
    ).toEqual([]);
  });
});
