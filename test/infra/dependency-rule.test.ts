import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/config';
import { dependencyViolations, importCycles, importsOf, readSources } from '../support/dependency-rule';

/** A few files as the checker reads them: path -> source. */
const tree = (files: Record<string, string>) => new Map(Object.entries(files));

describe('the dependency rule', () => {
  it('holds for the repository: no upward import, no adapter in a use case, no circle', () => {
    // Prepare
    const sources = readSources(repoRoot);
    // Assess: the checker reads the real layers (a vacuous pass would read nothing)
    expect([...sources.keys()].filter((p) => p.startsWith('functions/ports/')).length).toBeGreaterThan(10);
    expect(
      importsOf(
        'handlers/check-deadlines.ts',
        sources.get('handlers/check-deadlines.ts') ?? '',
        new Set(sources.keys()),
      ),
    ).toContain('functions/use-cases/check-deadlines.ts');
    expect(dependencyViolations(sources)).toEqual([]);
  });

  it('fails when a use case imports a template or an adapter', () => {
    const violations = dependencyViolations(
      tree({
        'functions/use-cases/report.ts': [
          "import { reportPdf } from '../../templates/report-pdf';",
          "import type { Mailer } from '../adapters/ses-mailer';",
        ].join('\n'),
        'templates/report-pdf.ts': 'export const reportPdf = 1;',
        'functions/adapters/ses-mailer.ts': 'export interface Mailer {}',
      }),
    );
    expect(violations).toEqual([
      {
        rule: 'functions/ imports nothing from templates/',
        from: 'functions/use-cases/report.ts',
        to: 'templates/report-pdf.ts',
      },
      {
        rule: 'functions/use-cases may not import functions/adapters',
        from: 'functions/use-cases/report.ts',
        to: 'functions/adapters/ses-mailer.ts',
      },
    ]);
  });

  it('fails when an adapter imports a use case, functions/ a handler, or a view an adapter', () => {
    const violations = dependencyViolations(
      tree({
        'functions/adapters/site.ts': "import type { SiteTarget } from '../use-cases/publish-site';",
        'functions/use-cases/publish-site.ts': 'export interface SiteTarget {}',
        'functions/domain/x.ts': "export { handler } from '../../handlers/x';",
        'handlers/x.ts': 'export const handler = 1;',
        'templates/site.ts': "import { S3SiteTarget } from '../functions/adapters/site';",
        'functions/ports/p.ts': "import type { X } from '../use-cases/publish-site';",
      }),
    );
    expect(violations.map((v) => `${v.from} -> ${v.to}: ${v.rule}`)).toEqual([
      'functions/adapters/site.ts -> functions/use-cases/publish-site.ts: functions/adapters may not import functions/use-cases',
      'functions/domain/x.ts -> handlers/x.ts: functions/ imports nothing from handlers/',
      'templates/site.ts -> functions/adapters/site.ts: templates may not import functions/adapters',
      'functions/ports/p.ts -> functions/use-cases/publish-site.ts: functions/ports may not import functions/use-cases',
    ]);
  });

  it('fails on an import circle, type-only and across folders alike', () => {
    const violations = dependencyViolations(
      tree({
        'functions/domain/commitments.ts': "import { minimumCases } from './semester-evaluation';",
        'functions/domain/semester-evaluation.ts': "import type { M } from './semester-metrics';",
        'functions/domain/semester-metrics.ts': "import type { CommitmentResult } from './commitments';",
        'functions/domain/calendar.ts': "import { x } from './calendar';",
      }),
    );
    expect(violations.filter((v) => v.rule === 'no import circle').map((v) => v.cycle)).toEqual([
      ['functions/domain/calendar.ts'],
      [
        'functions/domain/commitments.ts',
        'functions/domain/semester-evaluation.ts',
        'functions/domain/semester-metrics.ts',
      ],
    ]);
  });

  it('reads multi-line, re-exported and dynamic imports, not those in comments', () => {
    const known = new Set(['functions/a.ts', 'functions/b.ts', 'functions/c.ts', 'functions/d.ts']);
    const source = [
      'import {',
      '  a,',
      '  b,',
      "} from './a';",
      "export * from './b';",
      "const c = await import('./c');",
      "// import { d } from './d';",
      "/* import { d } from './d'; */",
    ].join('\n');
    expect(importsOf('functions/x.ts', source, known)).toEqual([
      'functions/a.ts',
      'functions/b.ts',
      'functions/c.ts',
    ]);
    expect(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });
});
