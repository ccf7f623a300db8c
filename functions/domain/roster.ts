import * as z from 'zod';
import { readCsvRecords } from './csv-records';
import type { Regions } from './regions';

/**
 * Who is responsible, when. Alerts follow the role, not a person: each appointment has an
 * effective date range (WITA dates, inclusive) and the decree (SK) that made it. The province team
 * is filed under the province code. Changes are data imports, never deploys.
 */
export const rosterRoles = ['head', 'admin', 'backup', 'province'] as const;
export type RosterRole = (typeof rosterRoles)[number];

export const roleLabels: Record<RosterRole, string> = {
  head: 'Kepala Daerah',
  admin: 'Admin Penghubung',
  backup: 'Admin Cadangan',
  province: 'Tim Provinsi',
};

/**
 * How a person is reached, one field per kind of contact. E-mail is the one kind, required: it is
 * also the person's identity in the ledger (functions/domain/ledger-keys.ts). A chat handle would
 * join here as an optional field (and an optional roster column), read only by its channel's
 * `reaches` (functions/ports/notification-channel.ts).
 */
export interface Contacts {
  email: string;
}

export interface RosterEntry extends Contacts {
  /** Regency code, or the province code for the province team. */
  code: string;
  role: RosterRole;
  name: string;
  /** E.g. "Bupati", "Wali Kota", "Kepala Bidang Pengaduan". */
  title?: string;
  /** First day in office (YYYY-MM-DD, WITA). */
  from: string;
  /** Last day in office, inclusive; absent while serving. */
  to?: string;
  /** The appointing decree (Surat Keputusan). */
  decree: string;
}

const isoDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

function entrySchema(regions: Regions) {
  return z
    .object({
      code: z
        .string()
        .trim()
        .refine(
          (c) => c === regions.province.code || regions.has(c),
          `is neither province ${regions.province.code} nor one of its regencies`,
        ),
      role: z.enum(rosterRoles, { error: `must be one of: ${rosterRoles.join(', ')}` }),
      name: personName,
      title: z.string().trim().max(200).optional(),
      email: z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.email({ error: 'is not an e-mail address' })),
      from: isoDate,
      to: isoDate.optional(),
      decree: z.string().trim().min(1, 'must name the SK that appointed them').max(300),
    })
    .refine((e) => !e.to || e.to >= e.from, { path: ['to'], message: 'is before from' })
    .refine((e) => (e.role === 'province') === (e.code === regions.province.code), {
      path: ['role'],
      message: 'the province team is filed under the province code, and only it',
    });
}

export class RosterFileError extends Error {
  override name = 'RosterFileError';
}

/**
 * A person's name as it goes into the To and Cc headers of e-mail: line breaks would start a new
 * header (a Bcc to anyone), and commas, semicolons, angle brackets, quotes or @ would split or fake
 * an address. Degrees and honorifics without commas ("H. Ahmad Fauzi S.H. M.H.") are fine.
 */
const personName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200)
  .refine((v) => !/[\p{Cc}\u2028\u2029]/u.test(v), 'must not contain line breaks or control characters')
  .refine(
    (v) => !/[,;:<>"@\\[\]]/.test(v),
    'must not contain any of , ; : < > " @ \\ [ ] (it goes into e-mail headers; write degrees without commas, e.g. "Ahmad Fauzi S.H. M.H.")',
  );

/**
 * Parses a roster CSV (`code,role,name,title,email,from,to,decree`). All rows must be valid: a
 * roster is imported whole or not at all, and the error lists every bad line with its reason.
 */
export function parseRosterCsv(text: string, regions: Regions, fileName = 'roster'): RosterEntry[] {
  const rows = readCsvRecords(text, fileName, RosterFileError);
  const schema = entrySchema(regions);
  const problems: string[] = [];
  const entries: RosterEntry[] = [];
  rows.forEach((row, i) => {
    const cleaned = Object.fromEntries(
      Object.entries(row).filter(([, v]) => v !== undefined && String(v).trim() !== ''),
    );
    const result = schema.safeParse(cleaned);
    if (result.success) entries.push(result.data as RosterEntry);
    else {
      const line = i + 2; // header is line 1 (comments excepted)
      problems.push(
        ...result.error.issues.map(
          (issue) => `${fileName} row ${line}: ${issue.path.join('.') || 'row'}: ${issue.message}`,
        ),
      );
    }
  });
  if (problems.length > 0) throw new RosterFileError(problems.join('\n'));
  if (entries.length === 0) throw new RosterFileError(`${fileName}: no roster rows`);
  return entries;
}

/** Whether an appointment is in force on a WITA date. */
export function isActive(entry: RosterEntry, date: string): boolean {
  return entry.from <= date && (entry.to === undefined || entry.to >= date);
}

export interface Recipients {
  admins: RosterEntry[];
  backups: RosterEntry[];
  heads: RosterEntry[];
  /** No liaison admin in office on that day. */
  vacant: boolean;
}

/** Who is in office for a regency on a date. */
export function recipientsOn(entries: readonly RosterEntry[], regencyCode: string, date: string): Recipients {
  const active = entries.filter((e) => e.code === regencyCode && isActive(e, date));
  const admins = active.filter((e) => e.role === 'admin');
  return {
    admins,
    backups: active.filter((e) => e.role === 'backup'),
    heads: active.filter((e) => e.role === 'head'),
    vacant: admins.length === 0,
  };
}

/** The province team in office on a date. */
export function provinceTeamOn(
  entries: readonly RosterEntry[],
  provinceCode: string,
  date: string,
): RosterEntry[] {
  return entries.filter((e) => e.code === provinceCode && e.role === 'province' && isActive(e, date));
}

/**
 * Who a person is, whatever the channel: their e-mail address (required and checked on import),
 * lower-cased. Ledger keys and "the same person" compare this, never a channel's address.
 */
export function personKey(entry: Pick<RosterEntry, 'email'>): string {
  return entry.email.toLowerCase();
}

/** "Nama <email>" for a mail header. */
export function mailbox(entry: RosterEntry): string {
  return `${entry.name.replace(/[<>"]/g, '')} <${entry.email}>`;
}

/** Counts the dates of an inclusive WITA date range on which `test` holds. */
function countDays(fromDate: string, toDate: string, test: (date: string) => boolean): number {
  let days = 0;
  for (
    let d = new Date(`${fromDate}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= toDate;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    if (test(d.toISOString().slice(0, 10))) days += 1;
  }
  return days;
}

/** Days (inclusive range of WITA dates) on which a regency had no liaison admin in office. */
export function daysWithoutAdmin(
  entries: readonly RosterEntry[],
  regencyCode: string,
  fromDate: string,
  toDate: string,
): number {
  return countDays(fromDate, toDate, (date) => recipientsOn(entries, regencyCode, date).vacant);
}

/** Days (inclusive range of WITA dates) on which a regency had no backup admin in office. */
export function daysWithoutBackup(
  entries: readonly RosterEntry[],
  regencyCode: string,
  fromDate: string,
  toDate: string,
): number {
  return countDays(fromDate, toDate, (date) => recipientsOn(entries, regencyCode, date).backups.length === 0);
}
