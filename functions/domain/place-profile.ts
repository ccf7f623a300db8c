import * as z from 'zod';

/**
 * The parts of a province's place profile (data/regions/<code>.json) beyond its names and zone:
 * when its scheduled jobs run and the office that answers for it. Data, not code: a province
 * changes them in its file, and the functions, the CDK schedules and every text follow.
 */

/** A wall-clock time of day, `HH:mm` (24 hours), read in the province's zone. */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:mm (24 hours), e.g. "08:00"');

/**
 * When the province's scheduled jobs run, in its own zone: a setting of the province (no rule
 * fixes the hour). The daily check should come before the working day starts, so that the digests
 * are read first thing.
 */
export const scheduleSchema = z.object({
  /** The daily deadline check and its digests (run every day; working days checked). */
  dailyCheck: clockTimeSchema,
  /** The semester evaluation on 1 January and 1 July. */
  semesterStart: clockTimeSchema,
});

export type Schedule = z.infer<typeof scheduleSchema>;

/**
 * The product's default, for a place profile without a `schedule`: Kalimantan Selatan's times
 * (docs/place-profile.md).
 */
export const defaultSchedule: Schedule = { dailyCheck: '08:00', semesterStart: '07:00' };

const emailAddress = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/**
 * The office that runs the complaint service for the province, as a public government office
 * prints it on its letterhead: where readers of the e-mails, reports and pages turn with a
 * question (the e-mails themselves come from an address nobody reads).
 */
export const officeSchema = z
  .object({
    /** "Dinas Komunikasi dan Informatika Provinsi Kalimantan Selatan" */
    name: z.string().trim().min(1),
    /** Street and area, as the letterhead writes them. */
    address: z.string().trim().min(1),
    /** The town of the address: "Banjarbaru". */
    city: z.string().trim().min(1),
    /** Five digits (Indonesian postal codes). */
    postalCode: z
      .string()
      .regex(/^\d{5}$/, 'five digits, e.g. "70732"')
      .optional(),
    /** Where questions go by e-mail. */
    email: z.string().regex(emailAddress, 'an e-mail address, e.g. "diskominfo@kalselprov.go.id"').optional(),
    /** Where questions go by telephone, as printed: "0511-6749844", "(0561) 8173627", "+62 511 6749844". */
    phone: z
      .string()
      .regex(
        /^\+?[\d()][\d\s().-]{5,}\d$/,
        'a telephone number of digits, spaces, dashes and brackets, e.g. "0511-6749844"',
      )
      .optional(),
    /** Where the office and its address come from. */
    source: z.string().trim().min(1),
  })
  .refine((o) => o.email !== undefined || o.phone !== undefined, {
    message: 'give an e-mail address or a telephone number where readers can ask',
    path: ['email'],
  });

export type Office = z.infer<typeof officeSchema>;

/** Hours and minutes of a clock time (`HH:mm`). */
export function clockParts(time: string): { hour: number; minute: number } {
  const parsed = clockTimeSchema.safeParse(time);
  if (!parsed.success) throw new RangeError(`not a time of day (HH:mm): ${time}`);
  return { hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) };
}

/**
 * A clock time moved by some minutes, on the same day: `undefined` when it would cross midnight
 * (a schedule that follows another must not move to another day).
 */
export function shiftClock(time: string, minutes: number): string | undefined {
  const { hour, minute } = clockParts(time);
  const total = hour * 60 + minute + minutes;
  if (total < 0 || total >= 24 * 60) return undefined;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
