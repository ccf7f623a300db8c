/**
 * Limits of one bulk import, so that one file cannot exhaust the function (1 GB, 5 minutes).
 * Configuration with defaults: the bulk-import function reads IMPORT_MAX_* variables, the CLI the
 * same variables. `npm run bench -- import` measures peak memory at these limits.
 */
export interface ImportLimits {
  /** Largest file accepted, checked before it is read. @default 20 MiB */
  maxBytes: number;
  /** Data rows imported from one file; the rest is refused, and the result says so. @default 100,000 */
  maxRows: number;
  /** Longest CSV record, in characters. @default 262,144 */
  maxLineChars: number;
  /** Most bytes an XLSX's parts may inflate to, counted as they inflate, across every part read. @default 16 MiB (read-excel-file holds about 15 times the sheet XML: `npm run bench -- import`) */
  maxUnpackedXlsxBytes: number;
}

export const defaultImportLimits: ImportLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 100_000,
  maxLineChars: 262_144,
  maxUnpackedXlsxBytes: 16 * 1024 * 1024,
};

const variables: Record<keyof ImportLimits, string> = {
  maxBytes: 'IMPORT_MAX_BYTES',
  maxRows: 'IMPORT_MAX_ROWS',
  maxLineChars: 'IMPORT_MAX_LINE_CHARS',
  maxUnpackedXlsxBytes: 'IMPORT_MAX_XLSX_UNPACKED_BYTES',
};

/** The limits from the environment; a bad value is an error naming the variable. */
export function importLimitsFrom(env: NodeJS.ProcessEnv): ImportLimits {
  const limits = { ...defaultImportLimits };
  for (const key of Object.keys(variables) as (keyof ImportLimits)[]) {
    const raw = env[variables[key]]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0)
      throw new Error(`${variables[key]} must be a positive whole number, got "${raw}"`);
    limits[key] = value;
  }
  return limits;
}

export type LimitKind =
  | 'too-large'
  | 'too-many-rows'
  | 'line-too-long'
  | 'xlsx-too-large'
  | 'unreadable-rest'
  | 'time';

/** A file (or the rest of it) refused for a limit; the result file says which and what to do. */
export class ImportLimitError extends Error {
  override name = 'ImportLimitError';
  constructor(
    readonly kind: LimitKind,
    message: string,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

const mb = (bytes: number) =>
  `${(bytes / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
const count = (n: number) => n.toLocaleString('id-ID');

/**
 * What a person reads in the result file when a limit stopped the import: what happened, in
 * plain Indonesian, and what to do.
 */
export function limitMessage(
  kind: LimitKind,
  limits: ImportLimits,
  context: { size?: number; importedRows?: number; atLine?: number; detail?: string } = {},
): string {
  switch (kind) {
    case 'too-large':
      return `Berkas ditolak: ukurannya ${mb(context.size ?? 0)}, melebihi batas ${mb(limits.maxBytes)}. Tidak ada baris yang diimpor. Yang perlu dilakukan: ekspor ulang dari LAPOR! per bulan atau per kabupaten/kota, atau simpan sebagai CSV, lalu unggah berkas-berkas yang lebih kecil itu.`;
    case 'xlsx-too-large':
      return `Berkas ditolak: isi lembar kerja XLSX ini terlalu besar untuk dibaca (lebih dari ${mb(limits.maxUnpackedXlsxBytes)} setelah dibuka). Tidak ada baris yang diimpor. Yang perlu dilakukan: simpan sebagai CSV (CSV dibaca baris demi baris, sampai ${mb(limits.maxBytes)}), atau ekspor ulang dari LAPOR! per bulan, lalu unggah lagi.`;
    case 'too-many-rows':
      return `Sebagian diimpor: berkas memuat lebih dari ${count(limits.maxRows)} baris data; ${count(context.importedRows ?? limits.maxRows)} baris pertama diimpor, sisanya mulai baris ${count(context.atLine ?? 0)} tidak. Yang perlu dilakukan: pecah sisa berkas menjadi berkas lain (dengan baris judul kolom yang sama) dan unggah berkas itu.`;
    case 'time':
      return `Sebagian diimpor: waktu proses habis setelah ${count(context.importedRows ?? 0)} baris (sampai sebelum baris ${count(context.atLine ?? 0)}). Yang perlu dilakukan: unggah lagi berkas yang sama ke tempat yang sama; baris yang sudah diimpor dilewati (tidak tercatat dua kali) dan impor dilanjutkan. Untuk berkas sebesar ini, ekspor per bulan lebih cepat.`;
    case 'unreadable-rest':
      return `Sebagian diimpor: ${count(context.importedRows ?? 0)} baris sudah diimpor, tetapi berkas tidak terbaca mulai sekitar baris ${count(context.atLine ?? 0)} (${context.detail ?? 'format CSV rusak'}). Yang perlu dilakukan: periksa baris itu di Excel, perbaiki, lalu unggah lagi berkas yang sama (baris yang sudah diimpor tidak akan tercatat dua kali).`;
    case 'line-too-long':
      return `${context.importedRows ? `Sebagian diimpor: ${count(context.importedRows)} baris sebelum baris ${count(context.atLine ?? 0)} sudah diimpor; ` : 'Berkas ditolak: '}baris ${count(context.atLine ?? 0)} lebih panjang dari ${count(limits.maxLineChars)} karakter, biasanya karena tanda kutip (") yang tidak ditutup. Baris itu dan sesudahnya tidak diimpor. Yang perlu dilakukan: periksa baris itu di Excel, perbaiki, lalu unggah lagi berkas yang sama (baris yang sudah diimpor tidak akan tercatat dua kali).`;
  }
}
