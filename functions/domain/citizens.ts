import * as z from 'zod';
import { scrubPersonalData } from './personal-data';

/**
 * The citizens' side of a complaint, as the LAPOR! export (or an update) tells it: the channel it
 * came through, the kecamatan and kelurahan where the problem is (never where the reporter lives),
 * the reporter's rating, and whether the reporter answered a follow-up. What the values mean is data
 * (data/import/citizens.json, data/regions/<province>-kecamatan.csv); this module applies it, purely.
 * An unknown value never refuses a row: it is counted ("lainnya" for a channel, kept as written for a
 * rating or a kecamatan) and named back so that the data file can learn it.
 */

/** What a complaint carries about its citizens' side; every field optional (older data has none). */
export interface CitizenFacts {
  /** Channel key from data/import/citizens.json, or its `other.key` ("lainnya"). */
  channel?: string;
  /** Kecamatan as named in the district list (or as written, when the list does not know it). */
  district?: string;
  /** Kelurahan/desa as written (trimmed). */
  village?: string;
  /** The reporter's rating: the mapped label, else the value as written. */
  rating?: string;
  /** The reporter answered a follow-up (`Ditanggapi oleh Pelapor`) at least once. */
  reporterReplied?: boolean;
}

export const citizenFactKeys = ['channel', 'district', 'village', 'rating', 'reporterReplied'] as const;

const withSource = { source: z.string().min(1), why: z.string().optional() };

export const citizenMappingSchema = z.object({
  channels: z.object({
    values: z.record(
      z.string().regex(/^[a-z][a-z0-9-]*$/),
      z.object({ label: z.string().min(1), aliases: z.array(z.string().min(1)), ...withSource }),
    ),
    other: z.object({ key: z.string().regex(/^[a-z][a-z0-9-]*$/), label: z.string().min(1) }),
  }),
  setwapres: z.object({
    channel: z.string().min(1),
    yes: z.array(z.string().min(1)),
    no: z.array(z.string().min(1)),
  }),
  ratings: z.object({
    maxLength: z.number().int().min(1).max(100),
    values: z.record(z.string(), z.object({ label: z.string().min(1), ...withSource })),
  }),
  reporterReplyStatuses: z.object({ labels: z.array(z.string().min(1)), source: z.string().min(1) }),
});
export type CitizenMapping = z.infer<typeof citizenMappingSchema>;

/** Validates the mapping file; throws naming the bad field. */
export function parseCitizenMapping(input: unknown, origin = 'citizens mapping'): CitizenMapping {
  const result = citizenMappingSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${origin}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const mapping = result.data;
  if (!mapping.channels.values[mapping.setwapres.channel])
    throw new Error(`${origin}: setwapres.channel: "${mapping.setwapres.channel}" is not a channel`);
  return mapping;
}

/** Matching key of a written value: case, spaces, dots, hyphens and other punctuation ignored. */
export const valueKey = (value: string) =>
  value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@]/gu, '');

/**
 * A value as written, for storing and for messages: scrubbed of personal data (it is free text that
 * is stored: a kecamatan or rating field can carry a phone number), trimmed, inner spaces collapsed,
 * bounded.
 */
export const cleanText = (value: string, max = 80) =>
  scrubPersonalData(value).trim().replace(/\s+/g, ' ').slice(0, max);

const channelIndex = new WeakMap<CitizenMapping, Map<string, string>>();

function channelsOf(mapping: CitizenMapping): Map<string, string> {
  let index = channelIndex.get(mapping);
  if (!index) {
    index = new Map();
    for (const [key, channel] of Object.entries(mapping.channels.values)) {
      index.set(valueKey(key), key);
      index.set(valueKey(channel.label), key);
      for (const alias of channel.aliases) index.set(valueKey(alias), key);
    }
    channelIndex.set(mapping, index);
  }
  return index;
}

/** A value the data files did not know: counted, never refused, named back in the result. */
export interface UnknownValue {
  field: 'channel' | 'setwapres' | 'district' | 'rating';
  value: string;
}

/**
 * The channel of a complaint from `Sumber Laporan` and the Setwapres column: the Setwapres channel when
 * that column says yes, else the source's channel, else "lainnya" (the value is named back).
 */
export function channelOf(
  source: string | undefined,
  setwapres: string | undefined,
  mapping: CitizenMapping,
  unknown: UnknownValue[] = [],
): string | undefined {
  if (setwapres !== undefined) {
    const key = valueKey(setwapres);
    if (mapping.setwapres.yes.some((v) => valueKey(v) === key)) return mapping.setwapres.channel;
    if (!mapping.setwapres.no.some((v) => valueKey(v) === key))
      unknown.push({ field: 'setwapres', value: cleanText(setwapres) });
  }
  if (source === undefined) return undefined;
  const channel = channelsOf(mapping).get(valueKey(source));
  if (channel) return channel;
  unknown.push({ field: 'channel', value: cleanText(source) });
  return mapping.channels.other.key;
}

/** A channel key as people read it ("Situs web"); an unknown key as itself. */
export function channelLabel(key: string, mapping: CitizenMapping): string {
  if (key === mapping.channels.other.key) return mapping.channels.other.label;
  return mapping.channels.values[key]?.label ?? key;
}

/** Every channel key in the data file's order, "lainnya" last. */
export function channelKeys(mapping: CitizenMapping): string[] {
  return [...Object.keys(mapping.channels.values), mapping.channels.other.key];
}

/** The rating: its label when the data file maps it, else as written (bounded); unknown ones named back. */
export function ratingOf(
  cell: string | undefined,
  mapping: CitizenMapping,
  unknown: UnknownValue[] = [],
): string | undefined {
  if (cell === undefined) return undefined;
  const key = valueKey(cell);
  if (!key) return undefined;
  const entry = Object.entries(mapping.ratings.values).find(([v]) => valueKey(v) === key);
  if (entry) return entry[1].label;
  const written = cleanText(cell, mapping.ratings.maxLength);
  unknown.push({ field: 'rating', value: written });
  return written;
}

/** True when the export's status label says the reporter answered a follow-up. */
export function isReporterReply(statusLabel: string | undefined, mapping: CitizenMapping): boolean {
  if (!statusLabel) return false;
  const key = valueKey(statusLabel);
  return mapping.reporterReplyStatuses.labels.some((l) => valueKey(l) === key);
}

/** One kecamatan of the district list. */
export interface District {
  /** Kemendagri code, e.g. 63.05.01. */
  code: string;
  regencyCode: string;
  name: string;
  aliases: string[];
}

/** The kecamatan of each regency, matched by name as data (spelling variants listed), never guessed. */
export class Districts {
  private readonly byRegency = new Map<string, District[]>();
  private readonly index = new Map<string, District>();

  constructor(
    districts: readonly District[],
    /** Citation of the list, for the method pages. */
    readonly source: string,
  ) {
    for (const d of districts) {
      const list = this.byRegency.get(d.regencyCode) ?? [];
      list.push(d);
      this.byRegency.set(d.regencyCode, list);
      for (const name of [d.name, ...d.aliases]) {
        const key = `${d.regencyCode}|${districtKey(name)}`;
        const other = this.index.get(key);
        if (other && other.code !== d.code)
          throw new Error(`kecamatan "${name}" names both ${other.code} and ${d.code}`);
        this.index.set(key, d);
      }
    }
  }

  /** The regency's kecamatan in code order; empty when the list has none for it. */
  of(regencyCode: string): District[] {
    return this.byRegency.get(regencyCode) ?? [];
  }

  /** The kecamatan a written name means in a regency, if the list knows it. */
  match(regencyCode: string, written: string): District | undefined {
    return this.index.get(`${regencyCode}|${districtKey(written)}`);
  }
}

/** A kecamatan name's key: a leading "Kecamatan"/"Kec." dropped, then as valueKey. */
export function districtKey(name: string): string {
  return valueKey(name.replace(/^\s*(kecamatan|kec\.?)\s+/i, ''));
}

/**
 * The kecamatan a row names: the list's name when it knows it; otherwise the name as written, named
 * back (a kecamatan is never guessed from a near spelling).
 */
export function districtOf(
  regencyCode: string,
  written: string | undefined,
  districts: Districts | undefined,
  unknown: UnknownValue[] = [],
): string | undefined {
  if (written === undefined || !districtKey(written)) return undefined;
  const found = districts?.match(regencyCode, written);
  if (found) return found.name;
  const asWritten = cleanText(written.replace(/^\s*(kecamatan|kec\.?)\s+/i, ''), 60);
  if (districts && districts.of(regencyCode).length > 0)
    unknown.push({ field: 'district', value: asWritten });
  return asWritten;
}

/**
 * Parses the district list (CSV with `#` comment lines: code,regency,name,aliases, aliases separated
 * by `|`). The `# source:` line is required: a list without its source is not data here.
 */
export function parseDistrictsCsv(text: string, origin: string): Districts {
  const lines = text.split(/\r?\n/);
  const source = lines
    .find((l) => l.startsWith('# source:'))
    ?.slice('# source:'.length)
    .trim();
  if (!source) throw new Error(`${origin}: a "# source:" line is required`);
  const rows = lines.filter((l) => l.trim() && !l.startsWith('#'));
  const [header, ...data] = rows;
  if (header?.trim() !== 'code,regency,name,aliases')
    throw new Error(`${origin}: the header must be code,regency,name,aliases`);
  const districts = data.map((line, i) => {
    const [code = '', regencyCode = '', name = '', aliases = ''] = line.split(',').map((c) => c.trim());
    if (!/^\d{2}\.\d{2}\.\d{2}$/.test(code) || code.replace(/\./g, '').slice(0, 4) !== regencyCode || !name)
      throw new Error(`${origin}: row ${i + 1}: expected "63.05.01,6305,Binuang," (code, regency, name)`);
    return {
      code,
      regencyCode,
      name,
      aliases: aliases
        .split('|')
        .map((a) => a.trim())
        .filter(Boolean),
    };
  });
  return new Districts(districts, source);
}

/** Kecamatan populations (BPS "Kecamatan Dalam Angka"), when the province supplies them. */
export interface DistrictPopulation {
  regencyCode: string;
  district: string;
  population: number;
  year: number;
  source: string;
}

/**
 * Parses data/population/<province>-kecamatan.csv: `# source <id>: <citation>` and `# year:` lines, then
 * `regency,kecamatan,population,source` rows whose source is one of the ids. Every number must have a source.
 */
export function parseDistrictPopulationCsv(text: string, origin: string): DistrictPopulation[] {
  const lines = text.split(/\r?\n/);
  const sources = new Map<string, string>();
  let year: number | undefined;
  for (const l of lines) {
    const s = /^#\s*source\s+([\w-]+):\s*(.+)$/.exec(l);
    if (s) sources.set(s[1] as string, (s[2] as string).trim());
    const y = /^#\s*year:\s*(\d{4})/.exec(l);
    if (y) year = Number(y[1]);
  }
  if (!year) throw new Error(`${origin}: a "# year:" line is required`);
  const rows = lines.filter((l) => l.trim() && !l.startsWith('#'));
  const [header, ...data] = rows;
  if (header?.trim() !== 'regency,kecamatan,population,source')
    throw new Error(`${origin}: the header must be regency,kecamatan,population,source`);
  return data.map((line, i) => {
    const [regencyCode = '', district = '', population = '', source = ''] = line
      .split(',')
      .map((c) => c.trim());
    const citation = sources.get(source);
    const value = Number(population);
    if (!/^\d{4}$/.test(regencyCode) || !district || !Number.isInteger(value) || value <= 0)
      throw new Error(`${origin}: row ${i + 1}: expected regency,kecamatan,population,source`);
    if (!citation)
      throw new Error(`${origin}: row ${i + 1}: source "${source}" has no "# source ${source}:" line`);
    return { regencyCode, district, population: value, year: year as number, source: citation };
  });
}
