import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import * as z from 'zod';
import { readCsvRecords } from './csv-records';
import type { Regions } from './regions';

/**
 * Outreach (sosialisasi to citizens, training of admins, media) and whether it changed anything.
 * An event is data (`lapor-paman outreach import`); its effect is a difference of differences: the
 * regency's complaints per 100,000 inhabitants per month in the N months after the event's month minus
 * the N months before, against the same months in the rest of the province. Pure; settings named.
 */

export const outreachKinds = ['sosialisasi-masyarakat', 'pelatihan-admin', 'media'] as const;
export type OutreachKind = (typeof outreachKinds)[number];

export const outreachKindLabels: Record<OutreachKind, string> = {
  'sosialisasi-masyarakat': 'sosialisasi masyarakat',
  'pelatihan-admin': 'pelatihan admin',
  media: 'media',
};

/** One outreach event, as imported. */
export interface OutreachEvent {
  /** Day of the event, YYYY-MM-DD (WITA). */
  date: string;
  /** The regency's code. */
  code: string;
  /** Kecamatan where it took place, if it was local. */
  district?: string;
  kind: OutreachKind;
  /** People reached (attendance, audience), if known. */
  peopleReached?: number;
  /** The document that records it (a report number, a link). */
  source: string;
}

/**
 * The product's settings for judging an effect (not law): stated on the method pages.
 * - `months`: length of the before and after windows (calendar months; the event's own month is in neither).
 * - `minimumComplaints`: fewer complaints in the regency's two windows together is "terlalu sedikit untuk disimpulkan".
 * - `z`: how many standard errors the regency's change beyond the rest of the province's must reach to be called a rise or fall.
 */
export const outreachSettings = { months: 3, minimumComplaints: 10, z: 2 } as const;
export type OutreachSettings = { months: number; minimumComplaints: number; z: number };

export type OutreachVerdict = 'pending' | 'too-few' | 'rose' | 'fell' | 'no-clear-change' | 'no-population';

export interface OutreachWindow {
  /** Calendar months, YYYY-MM. */
  months: string[];
  /** Complaints received in the regency. */
  count: number;
  /** Complaints per 100,000 inhabitants per month. */
  rate?: number;
  /** The rest of the province, the same months. */
  rest: { count: number; rate?: number };
}

export interface OutreachEffect {
  event: OutreachEvent;
  before: OutreachWindow;
  after: OutreachWindow;
  /** The last day of the after window: the effect can be told from the next day. */
  afterEnds: string;
  /** Regency's change in rate (after - before), per 100,000 per month. */
  change?: number;
  /** The rest of the province's change, same unit. */
  restChange?: number;
  /** change - restChange: the difference of differences. */
  differenceOfDifferences?: number;
  /** Complaints the regency would have received after, had it moved like the rest of the province. */
  expectedAfter?: number;
  /** (after - expectedAfter) / its standard error (Poisson counts). */
  zScore?: number;
  verdict: OutreachVerdict;
}

/** Monthly complaints received per regency (the AGG#<regency> M#<month> counters). */
export type MonthlyCounts = ReadonlyMap<string, ReadonlyMap<string, number>>;

const monthOf = (date: string) => date.slice(0, 7);
const shiftMonth = (month: string, by: number) =>
  DateTime.fromFormat(month, 'yyyy-MM', { zone: 'UTC' }).plus({ months: by }).toFormat('yyyy-MM');

/** The before and after months of an event. */
export function outreachWindows(date: string, months: number): { before: string[]; after: string[] } {
  const m = monthOf(date);
  return {
    before: Array.from({ length: months }, (_, i) => shiftMonth(m, i - months)),
    after: Array.from({ length: months }, (_, i) => shiftMonth(m, i + 1)),
  };
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * The effect of one event, as of a day (YYYY-MM-DD): `pending` until its after window has ended.
 * @param populations inhabitants per regency (the rest of the province is the sum of the others)
 */
export function outreachEffect(
  event: OutreachEvent,
  counts: MonthlyCounts,
  populations: ReadonlyMap<string, number>,
  asOfDay: string,
  settings: OutreachSettings = outreachSettings,
): OutreachEffect {
  const { before: beforeMonths, after: afterMonths } = outreachWindows(event.date, settings.months);
  const sum = (regency: string, months: readonly string[]) =>
    months.reduce((a, m) => a + (counts.get(regency)?.get(m) ?? 0), 0);
  const others = [...populations.keys()].filter((r) => r !== event.code);
  const restSum = (months: readonly string[]) => others.reduce((a, r) => a + sum(r, months), 0);
  const pop = populations.get(event.code);
  const restPop = others.reduce((a, r) => a + (populations.get(r) ?? 0), 0);
  const rate = (count: number, population: number | undefined) =>
    population ? round((count / population / settings.months) * 100_000) : undefined;
  const window = (months: string[]): OutreachWindow => {
    const count = sum(event.code, months);
    const rest = restSum(months);
    const r = rate(count, pop);
    const rr = rate(rest, restPop);
    return {
      months,
      count,
      ...(r === undefined ? {} : { rate: r }),
      rest: { count: rest, ...(rr === undefined ? {} : { rate: rr }) },
    };
  };
  const before = window(beforeMonths);
  const after = window(afterMonths);
  const afterEnds = DateTime.fromFormat(afterMonths.at(-1) as string, 'yyyy-MM', { zone: 'UTC' })
    .endOf('month')
    .toISODate() as string;
  const base = { event, before, after, afterEnds };
  if (asOfDay <= afterEnds) return { ...base, verdict: 'pending' };
  if (!pop || !restPop) return { ...base, verdict: 'no-population' };
  if (before.count + after.count < settings.minimumComplaints) return { ...base, verdict: 'too-few' };

  // Parallel trends: without the event, the regency's rate would have moved as the rest's did.
  const perRate = (pop / 100_000) * settings.months;
  const restChangeExact = (after.rest.count - before.rest.count) / ((restPop / 100_000) * settings.months);
  const expectedAfter = Math.max(0, before.count + restChangeExact * perRate);
  const scale = pop / restPop;
  const variance = after.count + before.count + (after.rest.count + before.rest.count) * scale * scale;
  const zScore = variance > 0 ? (after.count - expectedAfter) / Math.sqrt(variance) : 0;
  const change = round((after.count - before.count) / perRate);
  const restChange = round(restChangeExact);
  return {
    ...base,
    change,
    restChange,
    differenceOfDifferences: round((after.count - before.count) / perRate - restChangeExact),
    expectedAfter: round(expectedAfter, 1),
    zScore: round(zScore),
    verdict: zScore >= settings.z ? 'rose' : zScore <= -settings.z ? 'fell' : 'no-clear-change',
  };
}

/** The rule as printed on the method pages, generated from the settings used. */
export function outreachRule(settings: OutreachSettings = outreachSettings): string {
  return `Dampak kegiatan penjangkauan (sosialisasi, pelatihan admin, media) dinilai dengan selisih dari selisih: laporan per 100.000 penduduk per bulan di kabupaten/kota itu dalam ${settings.months} bulan sesudah bulan kegiatan dikurangi ${settings.months} bulan sebelumnya, dibandingkan dengan perubahan pada bulan-bulan yang sama di seluruh kabupaten/kota lain di provinsi. Bila jumlah laporan kabupaten/kota itu dalam kedua periode kurang dari ${settings.minimumComplaints}, hasilnya "terlalu sedikit untuk disimpulkan". Selebihnya disebut naik atau turun bila selisih jumlah laporan terhadap yang diharapkan (bila bergerak seperti provinsi) mencapai ${settings.z} kali galat bakunya (hitungan Poisson); di bawah itu "tidak jelas berubah". Ini setelan produk, bukan aturan hukum; bulan kegiatan sendiri tidak dihitung.`;
}

export class OutreachFileError extends Error {
  override name = 'OutreachFileError';
}

/** The file's columns: date,regency,kecamatan,kind,people_reached,source (kecamatan and people_reached optional). */
function rowSchema(regions: Regions) {
  return z.object({
    date: z.iso.date({ error: 'must be a date YYYY-MM-DD, e.g. 2026-02-14' }),
    regency: z
      .string({ error: 'is required (a regency code, e.g. 6305)' })
      .trim()
      .refine((c) => regions.has(c), `is not a regency of province ${regions.province.code}`),
    kecamatan: z.string().trim().max(80, 'must be at most 80 characters').optional(),
    kind: z
      .string({ error: `is required: ${Object.values(outreachKindLabels).join(', ')}` })
      .transform((k, ctx) => {
        const kind = parseOutreachKind(k);
        if (!kind)
          ctx.addIssue({
            code: 'custom',
            message: `"${k}" is not one of: ${Object.values(outreachKindLabels).join(', ')}`,
          });
        return kind as OutreachKind;
      }),
    people_reached: z
      .string()
      .regex(/^\d+$/, 'must be a whole number of people')
      .transform(Number)
      .optional(),
    source: z
      .string({ error: 'is required: the document that records the event (a report number or a link)' })
      .trim()
      .min(1)
      .max(300, 'must be at most 300 characters'),
  });
}

/**
 * Parses an outreach file. Every row is checked first: a file with a bad row is refused whole,
 * naming each bad row and column; the same event twice (date, regency, kecamatan, kind) is refused.
 */
export function parseOutreachCsv(text: string, regions: Regions, fileName = 'outreach'): OutreachEvent[] {
  const rows = readCsvRecords(text, fileName, OutreachFileError);
  const schema = rowSchema(regions);
  const problems: string[] = [];
  const events: OutreachEvent[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = i + 2;
    const cleaned = Object.fromEntries(
      Object.entries(row).filter(([, v]) => v !== undefined && String(v).trim() !== ''),
    );
    const result = schema.safeParse(cleaned);
    if (!result.success) {
      problems.push(
        ...result.error.issues.map(
          (issue) => `${fileName} row ${line}: ${issue.path.join('.') || 'row'}: ${issue.message}`,
        ),
      );
      return;
    }
    const r = result.data;
    const event: OutreachEvent = {
      date: r.date,
      code: r.regency,
      ...(r.kecamatan ? { district: r.kecamatan } : {}),
      kind: r.kind,
      ...(r.people_reached !== undefined ? { peopleReached: r.people_reached } : {}),
      source: r.source,
    };
    const key = outreachEventId(event);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(
        `${fileName} row ${line}: the same event as row ${earlier} (date, regency, kecamatan, kind)`,
      );
      return;
    }
    seen.set(key, line);
    events.push(event);
  });
  if (problems.length > 0) throw new OutreachFileError(problems.join('\n'));
  if (events.length === 0) throw new OutreachFileError(`${fileName}: no outreach rows`);
  return events;
}

/** An event's identity: its day, regency, kecamatan and kind (a re-import replaces it). */
export function outreachEventId(e: Pick<OutreachEvent, 'date' | 'code' | 'district' | 'kind'>): string {
  const place = createHash('sha256')
    .update((e.district ?? '').toLowerCase())
    .digest('hex')
    .slice(0, 8);
  return `${e.date}#${e.kind}#${place}`;
}

/** Accepts the kind as written ("sosialisasi masyarakat", "Pelatihan Admin") or as its key. */
export function parseOutreachKind(text: string): OutreachKind | undefined {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return (outreachKinds as readonly string[]).includes(key) ? (key as OutreachKind) : undefined;
}

/**
 * The day the province digest reports an event's result: the first working day after its after-window
 * ended. One day per event, so the digest mentions each result once (a re-run of that day is the same
 * digest, which the delivery ledger sends once).
 */
export function outreachResultDay(
  event: Pick<OutreachEvent, 'date'>,
  calendar: { nthWorkingDate(start: string, n: number): { value?: string | undefined } },
  settings: OutreachSettings = outreachSettings,
): string | undefined {
  const { after } = outreachWindows(event.date, settings.months);
  const afterEnds = DateTime.fromFormat(after.at(-1) as string, 'yyyy-MM', { zone: 'UTC' })
    .endOf('month')
    .toISODate() as string;
  return calendar.nthWorkingDate(afterEnds, 1).value;
}

/** Every month an event's effect reads, for one read of the counters. */
export function outreachMonths(events: readonly Pick<OutreachEvent, 'date'>[], settings = outreachSettings) {
  const months = events.flatMap((e) => {
    const w = outreachWindows(e.date, settings.months);
    return [...w.before, ...w.after];
  });
  const sorted = [...new Set(months)].sort();
  return sorted.length ? { first: sorted[0] as string, last: sorted.at(-1) as string } : undefined;
}
