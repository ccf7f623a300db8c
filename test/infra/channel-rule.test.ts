import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/config';
import { importsOf, readSources } from '../support/dependency-rule';

/**
 * The use cases name people and messages, never a channel (docs/notification-channels.md): none
 * imports the mailer, holds the e-mail views or writes an address, a header or a subject, so a second
 * channel is added in an adapter and the composition alone.
 */
const emailPorts = ['functions/ports/mailer.ts'];

/** What in a use case's own text would be e-mail's business: addresses, headers, subjects, the e-mail views. */
const emailWords = [
  /\bmailbox\(/,
  /\bsenderAddress\b/,
  /X-Lapor-Paman-Ledger/,
  /\bsubject\b/,
  /\bDeadlineViews\b/,
  /\b(regency|province)Letter\b/,
];

function channelViolations(sources: ReadonlyMap<string, string>): string[] {
  const known = new Set(sources.keys());
  return [...sources].flatMap(([file, source]) => {
    if (!file.startsWith('functions/use-cases/')) return [];
    return [
      ...importsOf(file, source, known)
        .filter((to) => emailPorts.includes(to))
        .map((to) => `${file} imports ${to}`),
      ...emailWords.filter((w) => w.test(source)).map((w) => `${file} says ${w.source}`),
    ];
  });
}

describe('the notification rule', () => {
  it('holds: no use case knows the e-mail channel', () => {
    const sources = readSources(repoRoot);
    expect([...sources.keys()].filter((f) => f.startsWith('functions/use-cases/')).length).toBeGreaterThan(5);
    expect(channelViolations(sources)).toEqual([]);
  });

  it('fails when a use case sends an e-mail itself', () => {
    const violations = channelViolations(
      new Map([
        [
          'functions/use-cases/remind.ts',
          [
            "import type { Mailer } from '../ports/mailer';",
            "import type { DeadlineViews } from '../ports/deadline-views';",
            'export const remind = (m: Mailer, v: DeadlineViews, to: string) =>',
            "  m.send({ from: 'x', to: [to], subject: 's', text: 't' });",
          ].join('\n'),
        ],
        ['functions/ports/mailer.ts', 'export interface Mailer {}'],
        ['functions/ports/deadline-views.ts', 'export interface DeadlineViews {}'],
      ]),
    );
    expect(violations).toEqual([
      'functions/use-cases/remind.ts imports functions/ports/mailer.ts',
      'functions/use-cases/remind.ts says \\bsubject\\b',
      'functions/use-cases/remind.ts says \\bDeadlineViews\\b',
    ]);
  });
});
