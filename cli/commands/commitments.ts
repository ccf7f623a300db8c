import type { Command } from 'commander';
import { commitmentKind } from '../../functions/adapters/province-data-store';
import {
  type Commitment,
  CommitmentFileError,
  commitmentOn,
  parseCommitmentsCsv,
} from '../../functions/domain/commitments';
import { registerDataSetCommands } from '../data-set-commands';

/** "tindak lanjut ≤3 HK untuk 80%, tunggakan ≤20, admin+cadangan, ≥30/100rb" */
function targetsText(c: Commitment): string {
  const t = c.targets;
  return [
    t.followUp ? `follow-up within ${t.followUp.days} HK for ${t.followUp.percent}%` : '',
    t.maxBacklog !== undefined ? `backlog at most ${t.maxBacklog}` : '',
    t.liaisonAlwaysInOffice ? 'admin and backup always in office' : '',
    t.minPerHundredThousand !== undefined ? `at least ${t.minPerHundredThousand} per 100,000` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** `lapor-paman commitments import|list`: the heads' written commitments, as data. */
export function registerCommitmentsCommands(program: Command): void {
  registerDataSetCommands(program, {
    name: 'commitments',
    description: "Import or list the regency heads' written commitments on handling LAPOR! complaints.",
    kind: commitmentKind,
    import: {
      description:
        'Replace the commitments of every regency named in a CSV file (the file holds their whole history).',
      file: 'CSV with columns code,signatory,signed,document,from,to,follow_up_days,follow_up_percent,max_backlog,liaison,min_per_100k',
      help: [
        '',
        'signatory: the signing office (e.g. "Bupati Tanah Laut"); document: its number or a link.',
        'signed/from/to are dates in the province time zone (YYYY-MM-DD); leave "to" empty: in force until a newer one (a later "from").',
        'Targets (at least one): follow_up_days + follow_up_percent (first follow-up within N HK for X%),',
        'max_backlog (open at the semester end), liaison = ya (an admin and a backup always in office),',
        'min_per_100k (complaints per 100,000 inhabitants in the semester).',
        'Every row is checked first: a file with a bad row changes nothing and names the row.',
      ].join('\n'),
      parse: parseCommitmentsCsv,
      fileError: CommitmentFileError,
      noun: 'commitments',
      codesNoun: 'regencies',
    },
    list: {
      description: 'List the commitments of every regency (or one), and which is in force on a date.',
      regency: 'regency code',
      at: "the date to say which is in force, the province's zone (YYYY-MM-DD); default today",
      print: ({ entries: all, codes, regions, at: given, json, write }) => {
        // Today in the province's zone: between 00:00 and 08:00 WITA the UTC date is still yesterday.
        const at = given ?? regions.zone.date(new Date().toISOString());
        if (json) {
          const standings = codes.map((code) => ({
            code,
            ...commitmentOn(all, code, at),
            history: all.filter((c) => c.code === code),
          }));
          write(`${JSON.stringify(standings, null, 2)}\n`);
          return;
        }
        for (const code of codes) {
          const standing = commitmentOn(all, code, at);
          const name = regions.get(code)?.name ?? code;
          write(`${code} ${name}: ${standing.status} on ${at}\n`);
          for (const c of all.filter((x) => x.code === code)) {
            const mark = standing.status !== 'none' && standing.commitment === c ? '*' : ' ';
            write(
              ` ${mark} ${c.from} – ${c.to ?? 'until replaced'}  ${c.signatory}, signed ${c.signed} [${c.document}]  ${targetsText(c)}\n`,
            );
          }
        }
      },
    },
  });
}
