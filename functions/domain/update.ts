import * as z from 'zod';
import { isoInstantWithOffset } from './calendar';
import {
  type CitizenFacts,
  type CitizenMapping,
  channelOf,
  citizenFactKeys,
  cleanText,
  type Districts,
  districtOf,
  ratingOf,
  type UnknownValue,
} from './citizens';
import {
  type Classification,
  classifications,
  complaintFields,
  type NoneMissing,
  parseClassification,
  parseStatus,
  type Status,
  statuses,
} from './complaint';
import { type InspectionMark, inspectionProblem } from './field-inspection';
import { scrubPersonalData, scrubText } from './personal-data';
import type { Regions } from './regions';
import { smokePairingProblem, smokeRegencyCode } from './smoke';

/**
 * A complaint status update, as sources send it (HTTP API, or a row of a LAPOR! export).
 * There is no field for the reporter's identity: personal data is not stored (UU 27/2022).
 * It may also say where the complaint came from and what the reporter thinks (CitizenFacts, all optional):
 * `channel`, `district` (kecamatan of the problem), `village` (kelurahan), `rating`, `reporterReplied`.
 */
export interface ComplaintUpdate extends CitizenFacts {
  /** LAPOR! tracking id. */
  trackingId: string;
  /** Kemendagri/BPS code of the regency or city handling it. */
  regencyCode: string;
  /** The responsible unit (instansi / OPD). */
  unit: string;
  category: string;
  classification: Classification;
  status: Status;
  /** When the status changed, ISO-8601 with offset. */
  occurredAt: string;
  /** When the complaint was submitted, if the source knows it. */
  submittedAt?: string;
  /** The source's own id of this update: the same id twice is the same update. */
  sourceUpdateId: string;
  /** Free text, scrubbed of e-mail addresses, phone numbers and NIKs before storage. */
  note?: string;
  /** Closed as not within this government's authority. */
  bukanWewenang?: boolean;
  /**
   * LAPOR! keeps the complaint confidential (anonymous or secret: the export's `Tipe Laporan
   * (Anonim/Rahasia)`). Once marked, always: counted in every figure, its category never published.
   */
  confidential?: boolean;
  /**
   * Marks the complaint as needing a field inspection (its completion limit becomes the policy's for
   * pengaduan berkadar pengawasan), with the planned date and, later, the date it was done.
   */
  fieldInspection?: InspectionMark;
}

/**
 * Every field of an update: the complaint's own fields (domain/complaint.ts), what only an update
 * says, the citizens' side and the confidential mark. The update schema has exactly these; the import
 * columns and the LAPOR! export rows are checked against them.
 */
export const updateFields = [
  ...complaintFields,
  'occurredAt',
  'sourceUpdateId',
  'note',
  'bukanWewenang',
  ...citizenFactKeys,
  'confidential',
  'fieldInspection',
] as const satisfies readonly (keyof ComplaintUpdate)[];
export type UpdateField = (typeof updateFields)[number];
/** A field added to {@link ComplaintUpdate} and not to {@link updateFields} fails to compile here. */
export type UpdateFieldsListed = NoneMissing<Exclude<keyof ComplaintUpdate, UpdateField>>;

/** The citizens' data files an update's optional fields are mapped through. */
export interface CitizenData {
  mapping: CitizenMapping;
  districts?: Districts;
}

/** Fields that carry a reporter's identity: never stored, named back to the sender. */
const personalFields = new Set([
  'reporter',
  'reportername',
  'reporteremail',
  'reporterphone',
  'name',
  'nama',
  'namapelapor',
  'pelapor',
  'email',
  'phone',
  'telepon',
  'nohp',
  'hp',
  'nik',
  'ktp',
  'alamat',
  'address',
]);

export const maxNoteLength = 2000;

/**
 * Whether the date and time fields name a real moment: `Date.parse` rolls 30 February over to
 * 2 March, which the bulk import (luxon) rejects; both ways in must agree.
 */
function fieldsExist(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s = 0] = m.slice(1).map(Number) as number[];
  const t = new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s));
  return (
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === (mo as number) - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    t.getUTCSeconds() === s
  );
}

/** An instant with offset, real, and not after `latest.ms`; one message per problem. */
function instant(latest: { ms: number }) {
  return z.string().superRefine((value, ctx) => {
    if (!isoInstantWithOffset.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an ISO-8601 instant with offset, e.g. 2026-03-17T10:00:00+08:00',
      });
    } else if (Number.isNaN(Date.parse(value)) || !fieldsExist(value)) {
      ctx.addIssue({ code: 'custom', message: 'is not a real date and time' });
    } else if (Date.parse(value) > latest.ms) {
      ctx.addIssue({ code: 'custom', message: 'is in the future' });
    }
  });
}

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/**
 * Free text that is stored and may be published (the scoreboard lists top categories): scrubbed
 * of personal data like a note. Scrubbing rather than an allow-list of categories and units: LAPOR!
 * lets each government name its own, an allow-list would refuse the first new one, and what is
 * left after scrubbing reaches the public only through the small-number rule (a category of fewer
 * than five complaints is folded into "Lainnya").
 */
const freeText = (max: number) =>
  text(max)
    .transform(scrubText)
    .refine((v) => v.length > 0, 'must not be empty');

/** Accepts the id ("terdisposisi-selesai") or the LAPOR! label ("Terdisposisi Selesai"). */
const statusField = z.preprocess(
  (v) => (typeof v === 'string' ? (parseStatus(v) ?? v) : v),
  z.enum(statuses, { error: `must be one of: ${statuses.join(', ')}` }),
);
const classificationField = z.preprocess(
  (v) => (typeof v === 'string' ? (parseClassification(v) ?? v) : v),
  z.enum(classifications, { error: `must be one of: ${classifications.join(', ')}` }),
);

/**
 * The schema of an update for one set of regions, with the latest acceptable instant as a slot the
 * caller fills before each (synchronous) parse. Building a zod schema costs far more than using it
 * (about 0.2 ms against a few µs): it is built once per region set, not once per update.
 */
function buildUpdateSchema(regions: Regions, latest: { ms: number }) {
  return z
    .object({
      trackingId: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, 'must be 3-64 letters, digits, dots, dashes'),
      regencyCode: z
        .string()
        .trim()
        .refine(
          (c) => regions.has(c) || c === smokeRegencyCode(regions.province.code),
          `is not a regency of province ${regions.province.code} (${regions.province.name})`,
        ),
      unit: freeText(200),
      category: freeText(200),
      classification: classificationField,
      status: statusField,
      occurredAt: instant(latest),
      submittedAt: instant(latest).optional(),
      sourceUpdateId: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9][A-Za-z0-9:._#-]{0,127}$/, 'must be 1-128 letters, digits or :._#-'),
      note: z.string().max(maxNoteLength, `must be at most ${maxNoteLength} characters`).optional(),
      bukanWewenang: z.boolean().optional(),
      channel: text(80).optional(),
      district: text(80).optional(),
      village: text(80).optional(),
      rating: text(40).optional(),
      reporterReplied: z.boolean().optional(),
      confidential: z.boolean().optional(),
      fieldInspection: z
        .strictObject(
          { plannedOn: z.string().trim().optional(), doneOn: z.string().trim().optional() },
          { error: 'must be an object { plannedOn?, doneOn } with dates YYYY-MM-DD' },
        )
        .superRefine((mark, ctx) => {
          const problem = inspectionProblem(mark);
          if (!problem) return;
          const [field, ...message] = problem.split(': ');
          const path = field === 'plannedOn' || field === 'doneOn' ? [field] : [];
          ctx.addIssue({ code: 'custom', path, message: path.length ? message.join(': ') : problem });
        })
        .optional(),
    } satisfies Record<UpdateField, z.ZodType>)
    .refine((u) => !u.submittedAt || Date.parse(u.submittedAt) <= Date.parse(u.occurredAt), {
      path: ['submittedAt'],
      message: 'is after occurredAt',
    })
    .superRefine((u, ctx) => {
      // The smoke test's reserved regency and tracking ids go together (domain/smoke.ts).
      const problem = smokePairingProblem(u.trackingId, u.regencyCode, regions.province.code);
      if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
    });
}

/** How far ahead of the receiver's clock an instant may be (the sender's clock may run fast). */
const clockSkewMs = 5 * 60_000;

const schemas = new WeakMap<
  Regions,
  { schema: ReturnType<typeof buildUpdateSchema>; latest: { ms: number }; known: Set<string> }
>();

function schemaFor(regions: Regions) {
  let entry = schemas.get(regions);
  if (!entry) {
    const latest = { ms: 0 };
    const schema = buildUpdateSchema(regions, latest);
    entry = { schema, latest, known: new Set(Object.keys(schema.shape)) };
    schemas.set(regions, entry);
  }
  return entry;
}

export type ValidationResult =
  | { ok: true; update: ComplaintUpdate; ignoredFields: string[]; unknownValues?: UnknownValue[] }
  | { ok: false; errors: { path: string; message: string }[]; ignoredFields: string[] };

/**
 * Validates one update. Unknown fields are ignored and listed (personal-data fields marked as such);
 * the note is scrubbed. Errors name the field path and the reason.
 */
export function validateUpdate(
  input: unknown,
  regions: Regions,
  now: Date,
  citizens?: CitizenData,
): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [{ path: '', message: 'an update must be a JSON object' }],
      ignoredFields: [],
    };
  }
  const { schema, latest, known } = schemaFor(regions);
  latest.ms = now.getTime() + clockSkewMs;
  const ignoredFields = Object.keys(input)
    .filter((k) => !known.has(k))
    .map((k) =>
      personalFields.has(k.toLowerCase().replace(/[^a-z]/g, '')) ? `${k} (personal data: not stored)` : k,
    );
  const result = schema.safeParse(input);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      ignoredFields,
    };
  }
  const { note, channel, district, village, rating, ...rest } = result.data;
  const scrubbed = note === undefined ? undefined : scrubText(note);
  const unknownValues: UnknownValue[] = [];
  const facts = citizenFactsOf(
    { channel, district, village, rating },
    rest.regencyCode,
    citizens,
    unknownValues,
  );
  return {
    ok: true,
    update: { ...rest, ...facts, ...(scrubbed ? { note: scrubbed } : {}) },
    ignoredFields,
    ...(unknownValues.length ? { unknownValues } : {}),
  };
}

/**
 * An update's citizens' fields mapped through the data files (a channel to its key, a kecamatan to its
 * listed name, a rating to its label); without the files, as written. A kelurahan is scrubbed: it is a
 * place, and free text could carry more.
 */
function citizenFactsOf(
  written: { channel?: string; district?: string; village?: string; rating?: string },
  regencyCode: string,
  citizens: CitizenData | undefined,
  unknown: UnknownValue[],
): CitizenFacts {
  const channel =
    written.channel === undefined
      ? undefined
      : citizens
        ? written.channel === citizens.mapping.channels.other.key
          ? written.channel
          : channelOf(written.channel, undefined, citizens.mapping, unknown)
        : cleanText(written.channel);
  const district = districtOf(regencyCode, written.district, citizens?.districts, unknown);
  const rating = citizens
    ? ratingOf(written.rating, citizens.mapping, unknown)
    : written.rating && cleanText(written.rating);
  const village =
    written.village === undefined ? undefined : cleanText(scrubPersonalData(written.village), 80);
  return {
    ...(channel ? { channel } : {}),
    ...(district ? { district } : {}),
    ...(village ? { village } : {}),
    ...(rating ? { rating } : {}),
  };
}

export { scrubPersonalData } from './personal-data';
