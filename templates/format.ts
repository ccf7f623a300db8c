import { DateTime } from 'luxon';
import { type Classification, classificationLabels } from '../functions/domain/complaint';
import type { Stage } from '../functions/domain/sla';

/** Indonesian wording and formats shared by every e-mail and report. */
export const stageLabels: Record<Stage, string> = {
  verification: 'Verifikasi dan penerusan',
  'follow-up': 'Tindak lanjut pertama',
  completion: 'Penyelesaian',
  closure: 'Penutupan (menunggu tanggapan pelapor)',
};

export const classificationLabel = (c: Classification) => classificationLabels[c];

/** What a view needs to know of the province's zone (its place profile, data/regions/<code>.json). */
export interface PlaceTime {
  /** IANA id, e.g. "Asia/Pontianak". */
  timeZone: string;
  /** What people read after a time: WIB, WITA or WIT. */
  timeZoneAbbreviation: string;
}

/** Dates and times of instants in one province's zone, in Indonesian: one formatter per zone. */
export interface ZoneFormat {
  /** WIB, WITA or WIT. */
  readonly abbreviation: string;
  /** "2 Mar 2026" */
  shortDate(instant: string): string;
  /** "2 Mar 2026 23.59 WITA" */
  shortDateTime(instant: string): string;
  /** "1 Juli 2026" */
  date(instant: string): string;
  /** "Selasa, 30 Juni 2026 pukul 23.59 WITA" */
  dateTime(instant: string): string;
  /** Whether a text is an instant this formatter can read. */
  readable(instant: string): boolean;
}

const zoneFormats = new Map<string, ZoneFormat>();

/** The formatter of a province's zone (built once per zone). */
export function zoneFormat(place: PlaceTime): ZoneFormat {
  const key = `${place.timeZone}|${place.timeZoneAbbreviation}`;
  let format = zoneFormats.get(key);
  if (!format) {
    const abbreviation = place.timeZoneAbbreviation;
    const local = (instant: string) =>
      DateTime.fromISO(instant, { setZone: true }).setZone(place.timeZone).setLocale('id');
    format = {
      abbreviation,
      shortDate: (instant) => local(instant).toFormat('d LLL yyyy'),
      shortDateTime: (instant) => `${local(instant).toFormat('d LLL yyyy HH.mm')} ${abbreviation}`,
      date: (instant) => local(instant).toFormat('d LLLL yyyy'),
      dateTime: (instant) => `${local(instant).toFormat("cccc, d LLLL yyyy 'pukul' HH.mm")} ${abbreviation}`,
      readable: (instant) => DateTime.fromISO(instant, { setZone: true }).isValid,
    };
    zoneFormats.set(key, format);
  }
  return format;
}

/** A calendar date (YYYY-MM-DD): the same day in every zone. */
const onDate = (date: string) =>
  DateTime.fromISO(`${date.slice(0, 10)}T12:00:00Z`)
    .setZone('UTC')
    .setLocale('id');

/** "Senin, 2 Maret 2026" of a date (YYYY-MM-DD). */
export function longDate(date: string): string {
  return onDate(date).toFormat('cccc, d LLLL yyyy');
}

/** "1 Juli 2026" of a date (YYYY-MM-DD). */
export function dayText(date: string): string {
  return onDate(date).toFormat('d LLLL yyyy');
}

/** "Agustus 2025" of a month (YYYY-MM). */
export function monthText(month: string): string {
  return onDate(`${month}-15`).toFormat('LLLL yyyy');
}

/** "Senin" of a date (YYYY-MM-DD). */
export function dayName(date: string): string {
  return onDate(date).toFormat('cccc');
}

/** Numbers with Indonesian separators: 1.234,5 */
const numberFormats = new Map<number, Intl.NumberFormat>();

export function numberId(value: number, decimals = 0): string {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('id-ID', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(decimals, format);
  }
  return format.format(value);
}

/** "87,5%" */
export function percentId(share: number | undefined, decimals = 1): string {
  return share === undefined ? '–' : `${numberId(share * 100, decimals)}%`;
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** "08.00" of a clock time ("08:00"): Indonesian writes the hour and minutes with a dot. */
export function clockText(time: string): string {
  return time.replace(':', '.');
}

/** The office that answers for the province, as its letterhead gives it (place profile `office`). */
export interface OfficeView {
  name: string;
  address: string;
  city: string;
  postalCode?: string;
  email?: string;
  phone?: string;
}

/** "Dinas ..., Jalan Dharma Praja II, ..., Banjarbaru 70732" */
export function officeText(office: OfficeView): string {
  return `${office.name}, ${office.address}, ${office.city}${office.postalCode ? ` ${office.postalCode}` : ''}`;
}

/** "surel diskominfo@kalselprov.go.id, telepon 0511-6749844": where readers ask. */
export function officeContactText(office: OfficeView): string {
  return [office.email && `surel ${office.email}`, office.phone && `telepon ${office.phone}`]
    .filter(Boolean)
    .join(', ');
}

/**
 * The closing line of every e-mail, naming the province's LAPOR! brand and, when the place profile
 * gives it, the office to ask (nobody reads the sender's address).
 */
export function footerText(province: { name: string; brand: string; office?: OfficeView }): string {
  const sent = `Pesan ini dikirim otomatis oleh ${province.brand} (SP4N-LAPOR! Provinsi ${province.name}).`;
  return province.office
    ? `${sent} Jangan membalas pesan ini; bila ada pertanyaan, hubungi pengelola pengaduan provinsi: ${officeText(province.office)}; ${officeContactText(province.office)}.`
    : `${sent} Jangan membalas pesan ini; hubungi tim pengelola pengaduan provinsi bila ada pertanyaan.`;
}

/**
 * A share as counted, the one way every PDF, e-mail and page words it. Takes the evaluation's share
 * (`value` left out below the evidence minimum) and the public page's (`small`: below the
 * small-number rule, neither count nor percentage).
 */
export interface ShareFigure {
  numerator?: number;
  denominator: number;
  value?: number;
  small?: boolean;
  /** On a small share: the minimum it is below ("kurang dari 5 kasus"). */
  minimum?: number;
}

/** "105 dari 125"; "tidak ada data" with no case; "kurang dari 5 kasus" under the public rule. */
export function shareParts(s: ShareFigure): string {
  if (s.denominator === 0) return 'tidak ada data';
  if (s.small || s.numerator === undefined) return `kurang dari ${numberId(s.minimum ?? 0)} kasus`;
  return `${numberId(s.numerator)} dari ${numberId(s.denominator)}`;
}

/** The percentage alone ("84,0%"); its parts when there is no percentage; an en dash with no case. */
export function sharePercent(s: ShareFigure | undefined): string {
  const value = s?.value;
  if (s && s.denominator > 0 && value === undefined) return shareParts(s);
  return value === undefined || !Number.isFinite(value) ? '–' : percentId(value);
}

/** Both: "72,0% (18 dari 25)"; only the parts when there is no percentage. */
export function shareText(s: ShareFigure): string {
  if (s.value === undefined || s.small || s.numerator === undefined) return shareParts(s);
  return `${percentId(s.value)} (${shareParts(s)})`;
}
