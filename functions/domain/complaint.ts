/**
 * The vocabulary of LAPOR!: a complaint's fields, statuses and classifications, with the Indonesian
 * labels used in exports, e-mails and reports.
 */

/**
 * What LAPOR! says of every complaint, carried by each update and kept on its snapshot: the one list
 * of a complaint's own fields (issue 22). With the citizens' side (`citizenFactKeys`) and the
 * confidential mark it makes the snapshot's fields (`snapshotFields`, which the DynamoDB item and the
 * API's JSON follow) and an update's (`updateFields`, which the update schema, the import columns and
 * the LAPOR! export rows follow); the compiler and test/unit/complaint-fields.test.ts tie them.
 */
export const complaintFields = [
  'trackingId',
  'regencyCode',
  'unit',
  'category',
  'classification',
  'status',
  'submittedAt',
] as const;
export type ComplaintField = (typeof complaintFields)[number];

/**
 * Compiles only when `Missing` is `never`: `NoneMissing<Exclude<keyof T, Listed>>` fails, naming the
 * field, when a type gains a field its list does not name.
 */
export type NoneMissing<Missing extends never> = Missing;

export const statuses = [
  'belum-terverifikasi',
  'terdisposisi-belum-ditindaklanjuti',
  'terdisposisi-sedang-diproses',
  'terdisposisi-selesai',
  'tertunda',
  'arsip',
] as const;
export type Status = (typeof statuses)[number];

export const statusLabels: Record<Status, string> = {
  'belum-terverifikasi': 'Belum Terverifikasi',
  'terdisposisi-belum-ditindaklanjuti': 'Terdisposisi Belum Ditindaklanjuti',
  'terdisposisi-sedang-diproses': 'Terdisposisi Sedang Diproses',
  'terdisposisi-selesai': 'Terdisposisi Selesai',
  tertunda: 'Tertunda',
  arsip: 'Arsip',
};

export const classifications = [
  'aspirasi',
  'permintaan-informasi',
  'pengaduan-tidak-berkadar-pengawasan',
  'pengaduan-berkadar-pengawasan',
] as const;
export type Classification = (typeof classifications)[number];

export const classificationLabels: Record<Classification, string> = {
  aspirasi: 'Aspirasi',
  'permintaan-informasi': 'Permintaan Informasi',
  'pengaduan-tidak-berkadar-pengawasan': 'Pengaduan (tidak berkadar pengawasan)',
  'pengaduan-berkadar-pengawasan': 'Pengaduan (berkadar pengawasan)',
};

/** Statuses that mean the admin has verified and forwarded (disposed) the complaint. */
export const disposedStatuses: ReadonlySet<Status> = new Set([
  'terdisposisi-belum-ditindaklanjuti',
  'terdisposisi-sedang-diproses',
  'terdisposisi-selesai',
]);

/** Statuses that mean the responsible unit has followed up. */
export const followedUpStatuses: ReadonlySet<Status> = new Set([
  'terdisposisi-sedang-diproses',
  'terdisposisi-selesai',
]);

/** Order used to break ties between events at the same instant: the further along, the later. */
export const statusRank: Record<Status, number> = {
  'belum-terverifikasi': 0,
  'terdisposisi-belum-ditindaklanjuti': 1,
  tertunda: 2,
  'terdisposisi-sedang-diproses': 3,
  'terdisposisi-selesai': 4,
  arsip: 5,
};

/** Normalises a status as written in LAPOR! exports ("Terdisposisi Selesai") or as an id. */
export function parseStatus(value: string): Status | undefined {
  const key = value.trim().toLowerCase().replace(/\s+/g, '-');
  return (statuses as readonly string[]).includes(key) ? (key as Status) : undefined;
}

/** Normalises a classification as written in exports ("Pengaduan berkadar pengawasan") or as an id. */
export function parseClassification(value: string): Classification | undefined {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[()]/g, '')
    .replace(/\s+/g, '-')
    .replace(/^pengaduan-tidak-berkadar$/, 'pengaduan-tidak-berkadar-pengawasan')
    .replace(/^pengaduan-berkadar$/, 'pengaduan-berkadar-pengawasan');
  return (classifications as readonly string[]).includes(key) ? (key as Classification) : undefined;
}
