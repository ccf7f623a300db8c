import * as z from 'zod';
import { defaultSchedule, officeSchema, scheduleSchema } from './place-profile';
import { type Zone, ZoneError, zoneOf } from './zone';

/** A regency (kabupaten) or city (kota) of a province, keyed by its Kemendagri/BPS code. */
export const regencySchema = z.object({
  code: z.string().regex(/^\d{4}$/, 'a four-digit Kemendagri/BPS code'),
  name: z.string().min(1),
  kind: z.enum(['kabupaten', 'kota']),
  headTitle: z.enum(['Bupati', 'Wali Kota']),
  /** Other spellings of the name in exports (abbreviations, split words): data, not code. */
  aliases: z.array(z.string().min(1)).optional(),
});

export const regionDataSchema = z
  .object({
    province: z.object({
      code: z.string().regex(/^\d{2}$/, 'a two-digit province code'),
      name: z.string().min(1),
      brand: z.string().min(1),
      /** IANA time zone of the province (Asia/Jakarta, Asia/Pontianak, Asia/Makassar, Asia/Jayapura). */
      timeZone: z.string().min(1),
      /** Its name as people write it after a time, by Keppres 41/1987: WIB, WITA or WIT. */
      timeZoneAbbreviation: z.string().regex(/^[A-Z]{2,6}$/, 'an abbreviation such as WIB, WITA or WIT'),
      /** Where the zone and its abbreviation come from. */
      timeZoneSource: z.string().min(1),
      source: z.string().min(1),
      /** SLA policy ids (data/policies/) the semester report measures against. */
      nationalPolicy: z.string().min(1),
      provincialPolicy: z.string().min(1),
      /** Where the regencies' aliases come from. */
      aliasesSource: z.string().min(1).optional(),
      /** Other spellings of the province's name in exports ("Kalsel"). */
      aliases: z.array(z.string().min(1)).optional(),
      /** When the daily check and the semester start run, in the zone above (a setting of the province). */
      schedule: scheduleSchema.default(defaultSchedule),
      /** The office that runs the service: named, with its address, in e-mail and page footers. */
      office: officeSchema.optional(),
    }),
    regencies: z.array(regencySchema).min(1),
  })
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.regencies.forEach((r, i) => {
      if (!r.code.startsWith(data.province.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['regencies', i, 'code'],
          message: `${r.code} is not in province ${data.province.code}`,
        });
      }
      if (seen.has(r.code)) {
        ctx.addIssue({ code: 'custom', path: ['regencies', i, 'code'], message: `duplicate code ${r.code}` });
      }
      seen.add(r.code);
      const expected = r.kind === 'kota' ? 'Wali Kota' : 'Bupati';
      if (r.headTitle !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: ['regencies', i, 'headTitle'],
          message: `a ${r.kind} is headed by a ${expected}`,
        });
      }
    });
  });

export type Regency = z.infer<typeof regencySchema>;
export type RegionData = z.infer<typeof regionDataSchema>;

/** The region list of one province with look-ups; built once from its data file. */
export interface Regions {
  readonly province: RegionData['province'];
  /** The province's time zone: every day, deadline and date people read is counted in it. */
  readonly zone: Zone;
  readonly regencies: readonly Regency[];
  get(code: string): Regency | undefined;
  has(code: string): boolean;
  /**
   * The regency an export names, e.g. `Kab. Tanah Laut`, `KOTA BANJARMASIN`, `Kotabaru` or an alias
   * from the region file. Case, dots and extra spaces are ignored; `undefined` when no regency (or
   * more than one) has that name: a name is never guessed.
   */
  byName(name: string): Regency | undefined;
  /** Whether a name is this province's: `Kalimantan Selatan`, `Prov. Kalimantan Selatan`, an alias. */
  isProvince(name: string): boolean;
}

/** Case, dots and spacing ignored: `Kab. Tanahbumbu` and `KAB TANAH BUMBU` are one name. */
const nameKey = (name: string) => name.toLowerCase().replace(/[.,()\s]/g, '');

/** Every spelling a regency answers to: with and without its kind, and its aliases. */
function spellingsOf(r: Regency): string[] {
  const kinds =
    r.kind === 'kota'
      ? ['kota', 'pemerintah kota', 'pemkot']
      : ['kabupaten', 'kab', 'pemerintah kabupaten', 'pemkab'];
  const names = [r.name, ...(r.aliases ?? [])];
  return [...names, ...names.flatMap((n) => kinds.map((k) => `${k} ${n}`))].map(nameKey);
}

/** Validates parsed region data; throws an error naming the bad field. */
export function parseRegions(input: unknown, origin = 'region data'): Regions {
  const result = regionDataSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${origin}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const { province, regencies } = result.data;
  let zone: Zone;
  try {
    zone = zoneOf(province.timeZone, province.timeZoneAbbreviation);
  } catch (error) {
    if (error instanceof ZoneError) throw new Error(`${origin}: province.timeZone: ${error.message}`);
    throw error;
  }
  const byCode = new Map(regencies.map((r) => [r.code, r]));
  // A spelling two regencies share (e.g. a bare "Banjar" if a city of that name existed) is dropped.
  const byName = new Map<string, Regency | null>();
  for (const r of regencies) {
    for (const key of new Set(spellingsOf(r))) {
      const seen = byName.get(key);
      byName.set(key, seen === undefined || seen?.code === r.code ? r : null);
    }
  }
  const provinceKeys = new Set(
    [province.name, ...(province.aliases ?? [])].flatMap((n) =>
      ['', 'provinsi ', 'prov ', 'pemerintah provinsi '].map((prefix) => nameKey(`${prefix}${n}`)),
    ),
  );
  return {
    province,
    zone,
    regencies,
    get: (code) => byCode.get(code),
    has: (code) => byCode.has(code),
    byName: (name) => byName.get(nameKey(name)) ?? undefined,
    isProvince: (name) => provinceKeys.has(nameKey(name)),
  };
}

/** "Kabupaten Tanah Laut", "Kota Banjarmasin": the name used in letters and reports. */
export function regencyDisplayName(r: Regency): string {
  return `${r.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${r.name}`;
}
