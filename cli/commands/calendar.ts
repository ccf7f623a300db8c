import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { loadCalendar, loadCalendarYears } from '../../functions/adapters/data-files';
import { dataDirFromEnv, instantIn, notAnInstant, placeFromEnv } from '../context';
import { CliError } from '../errors';

/** `lapor-paman due` and `lapor-paman calendar`: the working-day calendar, for people. */
export function registerCalendarCommands(program: Command): void {
  program
    .command('due')
    .description(
      "Print the due instant of N working days (HK) after an instant, in the province's time zone.",
    )
    .requiredOption(
      '--from <instant>',
      'ISO-8601 instant that starts the clock (e.g. 2026-03-17T10:00:00+08:00; without an offset, local time of the province)',
    )
    .requiredOption('--days <n>', 'number of working days', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1)
        throw new CliError(`--days must be a positive whole number, got "${v}"`);
      return n;
    })
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      "\nDays are counted in the province's time zone (data/regions/$PROVINCE_CODE.json, default 63).\nDay 1 is the first working day after the local day of --from (whatever its hour);\nthe due instant is the end of working day N, 23:59:59 local time.",
    )
    .action((opts: { from: string; days: number; json?: boolean }) => {
      const zone = placeFromEnv().zone;
      const from = instantIn(opts.from, zone);
      if (!from) throw notAnInstant('--from', opts.from, zone);
      const calendar = loadCalendar(dataDirFromEnv(), zone);
      const due = calendar.addWorkingDays(from, opts.days);
      const dueLocal = DateTime.fromISO(due.value).setZone(zone.id);
      const result = {
        from: opts.from,
        timeZone: zone.abbreviation,
        fromDate: zone.date(from),
        workingDays: opts.days,
        due: dueLocal.toISO({ suppressMilliseconds: true }),
        dueUtc: due.value,
        missingCalendarYears: due.missingYears,
      };
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        process.stdout.write(
          `${opts.days} HK after ${opts.from} (${zone.abbreviation} day ${result.fromDate}) is due ${dueLocal.toFormat('cccc d LLLL yyyy, HH:mm:ss', { locale: 'id' })} ${zone.abbreviation}\n`,
        );
      }
      if (due.missingYears.length > 0) {
        process.stderr.write(
          `warning: no calendar file for ${due.missingYears.join(', ')}: those years were counted with weekends only\n`,
        );
        process.exitCode = 3;
      }
    });

  program
    .command('calendar')
    .description(
      'List the non-working days (national holidays and cuti bersama) of a year, with their decrees.',
    )
    .requiredOption('--year <yyyy>', 'the year', (v) => {
      if (!/^\d{4}$/.test(v)) throw new CliError(`--year must be a four-digit year, got "${v}"`);
      return Number(v);
    })
    .option('--json', 'print JSON')
    .action((opts: { year: number; json?: boolean }) => {
      const year = loadCalendarYears(dataDirFromEnv()).find((y) => y.year === opts.year);
      if (!year) {
        throw new CliError(
          `no calendar file for ${opts.year}: add data/calendar/${opts.year}.csv from the SKB 3 Menteri (see README, "Add next year's calendar")`,
        );
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(year, null, 2)}\n`);
        return;
      }
      const lines = [`Hari libur nasional dan cuti bersama ${year.year} (${year.status})`];
      for (const d of year.days) {
        const weekday = DateTime.fromISO(d.date).toFormat('ccc', { locale: 'id' });
        lines.push(`  ${d.date} ${weekday.padEnd(6)} ${d.kind.padEnd(12)} ${d.name}  [${d.source}]`);
      }
      lines.push('Sumber:');
      for (const [id, citation] of Object.entries(year.sources)) lines.push(`  ${id}: ${citation}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
