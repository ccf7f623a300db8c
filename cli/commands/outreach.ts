import type { Command } from 'commander';
import { outreachKind } from '../../functions/adapters/province-data-store';
import { OutreachFileError, outreachKindLabels, parseOutreachCsv } from '../../functions/domain/outreach';
import { registerDataSetCommands } from '../data-set-commands';

/** `lapor-paman outreach import|list`: sosialisasi, admin training and media events, as data. */
export function registerOutreachCommands(program: Command): void {
  registerDataSetCommands(program, {
    name: 'outreach',
    description:
      'Import or list outreach events (sosialisasi, admin training, media) whose effect the reports measure.',
    kind: outreachKind,
    import: {
      description:
        'Replace the outreach events of every regency named in a CSV file (the file holds their whole history).',
      file: 'CSV with columns date,regency,kecamatan,kind,people_reached,source',
      help: [
        '',
        "date: the day of the event in the province's zone (YYYY-MM-DD); regency: its code (e.g. 6305); kecamatan: where, if local;",
        `kind: ${Object.values(outreachKindLabels).join(' | ')}; people_reached: a whole number, if known;`,
        'source: the document that records the event (a report number or a link), required.',
        'Every row is checked first: a file with a bad row changes nothing and names the row.',
      ].join('\n'),
      parse: parseOutreachCsv,
      fileError: OutreachFileError,
      noun: 'outreach events',
      codesNoun: 'regencies',
    },
    list: {
      description: 'List the outreach events of every regency (or one).',
      regency: 'regency code',
      print: ({ entries: events, regions, json, write }) => {
        if (json) {
          write(`${JSON.stringify(events, null, 2)}\n`);
          return;
        }
        for (const e of events) {
          const name = regions.get(e.code)?.name ?? e.code;
          write(
            `${e.date}  ${e.code} ${name}${e.district ? `, Kec. ${e.district}` : ''}  ${outreachKindLabels[e.kind]}` +
              `${e.peopleReached !== undefined ? `, ${e.peopleReached} people` : ''}  [${e.source}]\n`,
          );
        }
        if (events.length === 0) write('no outreach events\n');
      },
    },
  });
}
