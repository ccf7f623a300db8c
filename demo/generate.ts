import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../functions/domain/calendar';
import type { Districts } from '../functions/domain/citizens';
import type { Classification } from '../functions/domain/complaint';
import type { Semester } from '../functions/domain/semester';
import type { ComplaintUpdate } from '../functions/domain/update';

/**
 * Synthetic, believable complaint updates for the demo: about 1,400 complaints a semester over
 * South Kalimantan's 13 regencies, some small regencies with few complaints, Kotabaru with
 * field-inspection cases, Tapin whose admin seat is vacant for three weeks in March 2026, a mix of
 * classes and outcomes, some left overdue. Seeded: the same seed gives the same data.
 */

/** Mulberry32: small, fast, good enough for synthetic data; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Profile {
  /** Share of the province's complaints. */
  weight: number;
  /** Typical working days to verify, to follow up, to complete (multiplied by random spread). */
  verify: number;
  followUp: number;
  complete: number;
  /** Share of complaints left untouched after disposition (the backlog that goes overdue). */
  stuck: number;
  fieldShare: number;
}

/** Per regency: volume and handling speed. Five small regencies; Kotabaru slow and field-heavy. */
export const profiles: Record<string, Profile> = {
  '6301': { weight: 0.08, verify: 1.5, followUp: 3, complete: 8, stuck: 0.04, fieldShare: 0.08 },
  '6302': { weight: 0.09, verify: 2.5, followUp: 4, complete: 12, stuck: 0.08, fieldShare: 0.3 },
  '6303': { weight: 0.15, verify: 1.5, followUp: 3, complete: 9, stuck: 0.05, fieldShare: 0.08 },
  '6304': { weight: 0.06, verify: 2, followUp: 4, complete: 11, stuck: 0.07, fieldShare: 0.06 },
  '6305': { weight: 0.025, verify: 2, followUp: 4, complete: 10, stuck: 0.06, fieldShare: 0.05 },
  '6306': { weight: 0.03, verify: 1, followUp: 2, complete: 6, stuck: 0.02, fieldShare: 0.05 },
  '6307': { weight: 0.03, verify: 3, followUp: 6, complete: 14, stuck: 0.12, fieldShare: 0.05 },
  '6308': { weight: 0.025, verify: 3.5, followUp: 7, complete: 16, stuck: 0.15, fieldShare: 0.05 },
  '6309': { weight: 0.06, verify: 1, followUp: 2, complete: 6, stuck: 0.03, fieldShare: 0.06 },
  '6310': { weight: 0.08, verify: 2, followUp: 4, complete: 10, stuck: 0.06, fieldShare: 0.12 },
  '6311': { weight: 0.02, verify: 1.5, followUp: 3, complete: 8, stuck: 0.04, fieldShare: 0.05 },
  '6371': { weight: 0.22, verify: 1, followUp: 2.5, complete: 7, stuck: 0.04, fieldShare: 0.05 },
  '6372': { weight: 0.13, verify: 1, followUp: 2, complete: 6, stuck: 0.03, fieldShare: 0.05 },
};

const categories: { category: string; unit: string; weight: number }[] = [
  { category: 'Infrastruktur', unit: 'Dinas Pekerjaan Umum dan Penataan Ruang', weight: 0.26 },
  { category: 'Administrasi Kependudukan', unit: 'Dinas Kependudukan dan Pencatatan Sipil', weight: 0.14 },
  { category: 'Kesehatan', unit: 'Dinas Kesehatan', weight: 0.12 },
  { category: 'Pendidikan', unit: 'Dinas Pendidikan dan Kebudayaan', weight: 0.11 },
  { category: 'Lingkungan Hidup', unit: 'Dinas Lingkungan Hidup', weight: 0.09 },
  { category: 'Sosial', unit: 'Dinas Sosial', weight: 0.08 },
  { category: 'Perhubungan', unit: 'Dinas Perhubungan', weight: 0.07 },
  { category: 'Ketenteraman dan Ketertiban Umum', unit: 'Satuan Polisi Pamong Praja', weight: 0.06 },
  { category: 'Ekonomi dan UMKM', unit: 'Dinas Koperasi, Usaha Kecil dan Menengah', weight: 0.04 },
  { category: 'Pelayanan Publik', unit: 'Bagian Organisasi Sekretariat Daerah', weight: 0.03 },
];

const notes = [
  'Jalan berlubang di depan sekolah, membahayakan pengendara pada malam hari.',
  'Lampu penerangan jalan mati sejak dua minggu lalu.',
  'Pengurusan KTP elektronik belum selesai, mohon kejelasan.',
  'Sampah menumpuk di tepi sungai, menimbulkan bau.',
  'Pelayanan puskesmas lambat, antrean panjang sejak pagi.',
  'Bantuan sosial belum diterima, mohon dicek datanya. Hubungi saya di 0812-5512-3344.',
  'Drainase tersumbat, jalan tergenang setiap hujan.',
  'Mohon informasi jadwal penerimaan peserta didik baru.',
  'Tambang pasir di bantaran sungai diduga tanpa izin, perlu pemeriksaan lapangan.',
  'Jembatan kayu desa rapuh, papan banyak yang patah.',
];

/** Vacancy in the demo roster (data/roster/63-demo.csv): Tapin, 28 Feb - 22 Mar 2026. */
export const demoVacancy = { regencyCode: '6305', from: '2026-02-28', to: '2026-03-22' } as const;

/**
 * The citizens' side of the demo (data/outreach/63-demo.csv): Balangan's sosialisasi of 12 February 2026
 * helps (from March its volume is 2.5 times what it was), Tapin's of 19 February does not.
 */
export const demoOutreachBoost = {
  regencyCode: '6311',
  from: '2026-03-01',
  to: '2026-05-31',
  factor: 2.5,
} as const;

/** Channel mixes: the towns mostly online, the small rural regencies more by SMS and the Setwapres channel. */
const channelMix = {
  town: [
    { channel: 'website', weight: 0.42 },
    { channel: 'aplikasi', weight: 0.33 },
    { channel: 'sms', weight: 0.07 },
    { channel: 'twitter', weight: 0.07 },
    { channel: 'setwapres', weight: 0.06 },
    { channel: 'lainnya', weight: 0.05 },
  ],
  rural: [
    { channel: 'website', weight: 0.27 },
    { channel: 'aplikasi', weight: 0.25 },
    { channel: 'sms', weight: 0.25 },
    { channel: 'twitter', weight: 0.03 },
    { channel: 'setwapres', weight: 0.12 },
    { channel: 'lainnya', weight: 0.08 },
  ],
};

/** Ratings given on completion: a quick regency's reporters rate higher. */
const ratingMix = {
  quick: [0.03, 0.05, 0.12, 0.35, 0.45],
  slow: [0.12, 0.15, 0.28, 0.28, 0.17],
};

/**
 * The kecamatan a regency's complaints come from: the first ones more often, the last few of a long
 * list never (the demo's silent kecamatan).
 */
function districtWeights(districts: Districts | undefined, code: string) {
  const list = districts?.of(code) ?? [];
  const silent = list.length >= 15 ? 3 : list.length >= 10 ? 2 : list.length >= 8 ? 1 : 0;
  return list.slice(0, list.length - silent).map((d, i) => ({ name: d.name, weight: 1 / (1 + i * 0.3) }));
}

export interface GenerateOptions {
  semester: Semester;
  calendar: WorkingCalendar;
  seed: number;
  /** Complaints in the semester across the province. @default 1400 */
  complaints?: number;
  /** Updates after this instant are not emitted (they have not happened yet). */
  until: string;
  /** Id prefix; the semester follows it in every id, so that two semesters never share tracking ids. */
  prefix: string;
  /** The kecamatan list: complaints then say where the problem is. */
  districts?: Districts;
}

function pick<T extends { weight: number }>(items: readonly T[], r: number): T {
  let acc = 0;
  const total = items.reduce((n, i) => n + i.weight, 0);
  for (const item of items) {
    acc += item.weight / total;
    if (r < acc) return item;
  }
  return items[items.length - 1] as T;
}

/** A working-hours instant N working days after a local date (0 = that day, if it is one). */
function afterWorkingDays(
  calendar: WorkingCalendar,
  from: DateTime,
  days: number,
  hour: number,
  minute = 0,
): DateTime {
  let date = from.toISODate() as string;
  if (days > 0) date = calendar.nthWorkingDate(date, days).value as string;
  else if (!calendar.isWorkingDate(date)) date = calendar.nthWorkingDate(date, 1).value as string;
  return DateTime.fromISO(date, { zone: calendar.zone.id }).set({ hour, minute });
}

/** Every update of the semester's complaints, in time order. */
export function generateUpdates(options: GenerateOptions): ComplaintUpdate[] {
  const random = seededRandom(options.seed);
  const { calendar, semester } = options;
  const until = DateTime.fromISO(options.until, { setZone: true });
  const start = DateTime.fromISO(semester.start).setZone(calendar.zone.id);
  const days = Math.round(DateTime.fromISO(semester.end).diff(DateTime.fromISO(semester.start), 'days').days);
  const count = options.complaints ?? 1400;
  const regencyList = Object.entries(profiles).map(([code, p]) => ({ code, ...p }));
  const spread = (typical: number) => Math.max(0, Math.round(typical * (0.3 + random() * 1.6)));
  const updates: ComplaintUpdate[] = [];
  // The citizens' side draws from its own stream: the complaints and their timing stay what they were.
  const citizenRandom = seededRandom(options.seed ^ 0x5eed);
  const boost = demoOutreachBoost;
  const boostProfile = profiles[boost.regencyCode] as Profile;
  const boostFrom = DateTime.fromISO(boost.from, { zone: calendar.zone.id });
  const boostDays =
    Math.round(DateTime.fromISO(boost.to, { zone: calendar.zone.id }).diff(boostFrom, 'days').days) + 1;
  const boosted =
    boost.from >= (start.toISODate() as string) && boost.to <= (semester.lastDate as string)
      ? Math.round(count * boostProfile.weight * (boost.factor - 1) * (boostDays / days))
      : 0;

  for (let i = 0; i < count + boosted; i++) {
    // The extra complaints after Balangan's sosialisasi come last, so the others are unchanged.
    const extra = i >= count;
    const regency = extra ? { code: boost.regencyCode, ...boostProfile } : pick(regencyList, random());
    const topic = pick(categories, random());
    const trackingId = `${options.prefix}${regency.code}-${semester.year}H${semester.half}-${String(i + 1).padStart(5, '0')}`;
    const submitted = (extra ? boostFrom : start)
      .plus({
        days: Math.floor(random() * (extra ? boostDays : days)),
        hours: 7 + Math.floor(random() * 14),
        minutes: Math.floor(random() * 60),
      })
      .set({ second: Math.floor(random() * 60) });
    const rural = regency.weight < 0.04;
    const channel = pick(rural ? channelMix.rural : channelMix.town, citizenRandom()).channel;
    const kecamatan = districtWeights(options.districts, regency.code);
    const district = kecamatan.length > 0 ? pick(kecamatan, citizenRandom()).name : undefined;
    const ratingDraw = citizenRandom();
    const ratingWeights = (regency.complete <= 8 ? ratingMix.quick : ratingMix.slow).map((weight, k) => ({
      value: String(k + 1),
      weight,
    }));
    const rating = ratingDraw < 0.55 ? pick(ratingWeights, citizenRandom()).value : undefined;
    const answers = citizenRandom() < 0.25;
    const r = random();
    let classification: Classification =
      r < 0.22 ? 'aspirasi' : r < 0.36 ? 'permintaan-informasi' : 'pengaduan-tidak-berkadar-pengawasan';
    const field =
      classification === 'pengaduan-tidak-berkadar-pengawasan' && random() < regency.fieldShare * 2;
    const base = { trackingId, regencyCode: regency.code, unit: topic.unit, category: topic.category };
    const where = { channel, ...(district ? { district } : {}) };
    let n = 0;
    let last: DateTime = submitted.minus({ minutes: 1 });
    const emit = (
      planned: DateTime,
      status: ComplaintUpdate['status'],
      extra: Partial<ComplaintUpdate> = {},
    ) => {
      // Same-day steps planned before the previous one happen a little after it instead.
      const at = planned > last ? planned : last.plus({ minutes: 20 + Math.floor(random() * 100) });
      if (at > until) return false;
      last = at;
      n += 1;
      updates.push({
        ...base,
        classification,
        status,
        occurredAt: at.toISO({ suppressMilliseconds: true }) as string,
        submittedAt: submitted.toISO({ suppressMilliseconds: true }) as string,
        sourceUpdateId: `${trackingId}-${n}`,
        ...extra,
      });
      return true;
    };

    if (
      !emit(submitted, 'belum-terverifikasi', {
        note: notes[Math.floor(random() * notes.length)] as string,
        ...where,
      })
    )
      continue;
    // The admin verifies; while Tapin's seat is vacant nothing moves until the new admin starts.
    let verifyAt = afterWorkingDays(
      calendar,
      submitted,
      spread(regency.verify),
      9 + Math.floor(random() * 6),
    );
    const vacant = regency.code === demoVacancy.regencyCode;
    if (
      vacant &&
      (verifyAt.toISODate() as string) >= demoVacancy.from &&
      (verifyAt.toISODate() as string) <= demoVacancy.to
    ) {
      verifyAt = afterWorkingDays(
        calendar,
        DateTime.fromISO(`${demoVacancy.to}T12:00:00`, { zone: calendar.zone.id }),
        1 + spread(2),
        10,
      );
    }
    if (random() < 0.07) {
      emit(verifyAt, 'arsip', { note: 'Laporan tidak lengkap atau di luar kewenangan pemerintah daerah.' });
      continue;
    }
    if (random() < 0.03) {
      emit(verifyAt, 'terdisposisi-belum-ditindaklanjuti', {
        bukanWewenang: true,
        note: 'Bukan wewenang pemerintah daerah; diteruskan ke instansi vertikal.',
      });
      continue;
    }
    if (!emit(verifyAt, 'terdisposisi-belum-ditindaklanjuti')) continue;
    if (random() < regency.stuck) continue; // nobody acts: it will go overdue
    const followAt = afterWorkingDays(
      calendar,
      verifyAt,
      spread(regency.followUp),
      10 + Math.floor(random() * 6),
    );
    if (field) {
      // Reclassified on follow-up: it needs a field inspection (60 HK).
      classification = 'pengaduan-berkadar-pengawasan';
    }
    if (!emit(followAt, 'terdisposisi-sedang-diproses', answers ? { reporterReplied: true } : {})) continue;
    let doneFrom = followAt;
    if (random() < 0.1) {
      // Waiting for the reporter: some reply, some never do and are archived.
      const pauseAt = afterWorkingDays(calendar, followAt, 1 + spread(1), 11);
      if (!emit(pauseAt, 'tertunda', { note: 'Menunggu kelengkapan data dari pelapor.' })) continue;
      if (random() < 0.35) {
        emit(afterWorkingDays(calendar, pauseAt, 10 + spread(2), 14), 'arsip', {
          note: 'Pelapor tidak menanggapi dalam 10 hari kerja.',
        });
        continue;
      }
      doneFrom = afterWorkingDays(calendar, pauseAt, 2 + spread(3), 9);
      if (
        !emit(doneFrom, 'terdisposisi-sedang-diproses', {
          note: 'Data pelapor sudah lengkap.',
          reporterReplied: true,
        })
      )
        continue;
    }
    // Aspirations and information requests are quick (5 HK limit); complaints take longer.
    const completeIn = field
      ? 20 + spread(regency.complete * 2.5)
      : classification === 'pengaduan-tidak-berkadar-pengawasan'
        ? spread(regency.complete)
        : spread(regency.complete / 4);
    emit(
      afterWorkingDays(calendar, doneFrom, Math.max(1, completeIn), 13 + Math.floor(random() * 3)),
      'terdisposisi-selesai',
      {
        note: 'Telah ditindaklanjuti dan diselesaikan oleh perangkat daerah.',
        ...(rating ? { rating } : {}),
      },
    );
  }
  return updates.sort(
    (a, b) =>
      Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.sourceUpdateId.localeCompare(b.sourceUpdateId),
  );
}

/**
 * One semester of the demo (what `npm start` generates for the semester before the demo's and for the
 * demo's own, with the same options): the seed is mixed with the semester, so that each semester draws
 * data of its own (a seed of `seed + year + half` made 2025-H2 and 2026-H1 the same draws), and the ids
 * carry the semester.
 */
export function demoSemesterUpdates(options: GenerateOptions): ComplaintUpdate[] {
  const { year, half } = options.semester;
  return generateUpdates({ ...options, seed: options.seed + 2 * year + half });
}
