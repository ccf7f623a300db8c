import * as z from 'zod';
import type {
  Commitment,
  CommitmentResult,
  CommitmentStanding,
  CommitmentTargets,
  TargetKind,
  TargetResult,
} from './commitment-result';
import { readCsvRecords } from './csv-records';
import { dateId } from './date-words';
import type { Regions } from './regions';
import { minimumCases } from './semester-method';
import type { ProvinceSemester, RegencyMetrics, Share } from './semester-metrics';

export type { Commitment, CommitmentResult, CommitmentStanding, CommitmentTargets, TargetKind, TargetResult };

/**
 * The written commitments of the regency heads (Bupati / Wali Kota) on handling LAPOR! complaints,
 * the instrument the province planned: each one is signed by the head's office on a date, named by
 * its document number or link, in force from a date (until an end date, or until a newer one
 * replaces it), and sets targets. Whether a target was met, and by how much, is judged here once and
 * shared by the PDFs, the daily province digest and the public site.
 */

/** Largest N (working days) a follow-up target may name: the semester figures carry 1..N. */
export const maxFollowUpTargetDays = 10;

export class CommitmentFileError extends Error {
  override name = 'CommitmentFileError';
}

const isoDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
const requiredDate = z.string({ error: 'is required (YYYY-MM-DD)' }).pipe(isoDate);
const optionalNumber = (schema: z.ZodNumber) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const n = Number(v.replace(',', '.'));
      const checked = schema.safeParse(n);
      if (!checked.success) {
        ctx.addIssue({ code: 'custom', message: checked.error.issues[0]?.message ?? 'is not valid' });
        return z.NEVER;
      }
      return checked.data;
    });

function rowSchema(regions: Regions) {
  return z
    .object({
      code: z
        .string({ error: 'is required' })
        .trim()
        .refine((c) => regions.has(c), `is not a regency of province ${regions.province.code}`),
      signatory: z
        .string({ error: 'must name the signing office, e.g. Bupati Tanah Laut' })
        .trim()
        .min(1)
        .max(200),
      signed: requiredDate,
      document: z.string({ error: 'must give the document number or a link' }).trim().min(1).max(500),
      from: requiredDate,
      to: isoDate.optional(),
      follow_up_days: optionalNumber(
        z
          .number({ error: 'must be a number' })
          .int('must be a whole number of working days')
          .min(1, 'must be at least 1')
          .max(maxFollowUpTargetDays, `must be at most ${maxFollowUpTargetDays}`),
      ),
      follow_up_percent: optionalNumber(
        z.number({ error: 'must be a number' }).min(1, 'must be at least 1').max(100, 'must be at most 100'),
      ),
      max_backlog: optionalNumber(
        z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative'),
      ),
      liaison: z
        .string()
        .trim()
        .toLowerCase()
        .optional()
        .refine(
          (v) => v === undefined || ['ya', 'tidak', 'yes', 'no', ''].includes(v),
          'must be ya or tidak',
        ),
      min_per_100k: optionalNumber(z.number({ error: 'must be a number' }).min(0, 'must not be negative')),
    })
    .refine((r) => !r.to || r.to >= r.from, { path: ['to'], message: 'is before from' })
    .refine((r) => r.signed <= r.from, {
      path: ['signed'],
      message: 'is after from: in force before signed?',
    })
    .refine((r) => (r.follow_up_days === undefined) === (r.follow_up_percent === undefined), {
      path: ['follow_up_percent'],
      message: 'follow_up_days and follow_up_percent go together (within N working days for X%)',
    })
    .refine(
      (r) =>
        r.follow_up_days !== undefined ||
        r.max_backlog !== undefined ||
        r.liaison === 'ya' ||
        r.liaison === 'yes' ||
        r.min_per_100k !== undefined,
      { path: ['row'], message: 'sets no target' },
    );
}

/**
 * Parses a commitments CSV
 * (`code,signatory,signed,document,from,to,follow_up_days,follow_up_percent,max_backlog,liaison,min_per_100k`).
 * All rows must be valid: the file is imported whole or not at all, and the error names every bad
 * line with its column and reason.
 */
export function parseCommitmentsCsv(text: string, regions: Regions, fileName = 'commitments'): Commitment[] {
  const rows = readCsvRecords(text, fileName, CommitmentFileError);
  const schema = rowSchema(regions);
  const problems: string[] = [];
  const commitments: Commitment[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = i + 2; // the header is line 1 (comments excepted)
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
    const key = `${r.code}#${r.from}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(
        `${fileName} row ${line}: from: ${r.code} already has a commitment from ${r.from} (row ${earlier})`,
      );
      return;
    }
    seen.set(key, line);
    const targets: CommitmentTargets = {
      ...(r.follow_up_days !== undefined && r.follow_up_percent !== undefined
        ? { followUp: { days: r.follow_up_days, percent: r.follow_up_percent } }
        : {}),
      ...(r.max_backlog !== undefined ? { maxBacklog: r.max_backlog } : {}),
      ...(r.liaison === 'ya' || r.liaison === 'yes' ? { liaisonAlwaysInOffice: true } : {}),
      ...(r.min_per_100k !== undefined ? { minPerHundredThousand: r.min_per_100k } : {}),
    };
    commitments.push({
      code: r.code,
      signatory: r.signatory,
      signed: r.signed,
      document: r.document,
      from: r.from,
      ...(r.to ? { to: r.to } : {}),
      targets,
    });
  });
  if (problems.length > 0) throw new CommitmentFileError(problems.join('\n'));
  if (commitments.length === 0) throw new CommitmentFileError(`${fileName}: no commitment rows`);
  return commitments;
}

/**
 * The commitment of a regency in force on a WITA date: of those started by then and not ended, the
 * newest (a newer one replaces the older). Without one, the last that ended ("expired"), or none.
 */
export function commitmentOn(
  commitments: readonly Commitment[],
  code: string,
  date: string,
): CommitmentStanding {
  const started = commitments
    .filter((c) => c.code === code && c.from <= date)
    .sort((a, b) => b.from.localeCompare(a.from));
  const newest = started[0];
  if (!newest) return { status: 'none' };
  // A newer commitment replaces an older one even if the older had no end date.
  if (newest.to === undefined || newest.to >= date) return { status: 'in-force', commitment: newest };
  return { status: 'expired', commitment: newest };
}

const number = (v: number, decimals = 0) =>
  v.toLocaleString('id-ID', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

function judge(
  kind: TargetKind,
  label: string,
  committed: number,
  achieved: number | undefined,
  better: 'higher' | 'lower',
  unit: { decimals: number; word: string },
  parts?: { numerator: number; denominator: number },
): TargetResult {
  if (achieved === undefined) {
    return {
      kind,
      label,
      committed,
      ...(parts ? { parts } : {}),
      verdict: parts
        ? `Belum dapat dinilai: ${number(parts.numerator)} dari ${number(parts.denominator)} laporan, kurang dari ${minimumCases}`
        : 'Belum dapat dinilai: data tidak tersedia',
    };
  }
  const margin = better === 'higher' ? achieved - committed : committed - achieved;
  const met = margin >= 0;
  const amount = `${number(Math.abs(margin), unit.decimals)}${unit.word}`;
  const byHowMuch = margin === 0 ? 'tepat pada target' : met ? `lebih baik ${amount}` : `kurang ${amount}`;
  return {
    kind,
    label,
    committed,
    achieved,
    ...(parts ? { parts } : {}),
    met,
    margin,
    byHowMuch,
    verdict: `${met ? 'Terpenuhi' : 'Tidak terpenuhi'}, ${byHowMuch}`,
  };
}

/** Figures a commitment is judged on, beyond RegencyMetrics' own. */
export interface CommitmentEvidence {
  metrics: Pick<
    RegencyMetrics,
    'backlogAtEnd' | 'perHundredThousand' | 'daysWithoutAdmin' | 'daysWithoutBackup' | 'followUpWithinDays'
  >;
}

/**
 * Judges a regency's commitment against its semester: the commitment in force on the semester's
 * last day (or the one that ended during the semester, reported as expired and not judged).
 */
export function evaluateCommitment(
  standing: CommitmentStanding,
  metrics: CommitmentEvidence['metrics'],
): CommitmentResult {
  if (standing.status === 'none') {
    return { status: 'none', targets: [], met: 0, judged: 0, summary: 'Belum ada komitmen tertulis' };
  }
  const c = standing.commitment;
  if (standing.status === 'expired') {
    return {
      status: 'expired',
      commitment: c,
      targets: [],
      met: 0,
      judged: 0,
      summary: `Komitmen berakhir ${dateId(c.to as string)} dan belum diperbarui`,
    };
  }
  const t = c.targets;
  const targets: TargetResult[] = [];
  if (t.followUp) {
    const share: Share | undefined = metrics.followUpWithinDays?.find(
      (x) => x.days === t.followUp?.days,
    )?.share;
    targets.push(
      judge(
        'follow-up',
        `Tindak lanjut pertama dalam ${t.followUp.days} HK untuk sedikitnya ${number(t.followUp.percent)}% laporan`,
        t.followUp.percent,
        share?.value === undefined ? undefined : share.value * 100,
        'higher',
        { decimals: 1, word: ' poin' },
        share ? { numerator: share.numerator, denominator: share.denominator } : undefined,
      ),
    );
  }
  if (t.maxBacklog !== undefined) {
    targets.push(
      judge(
        'backlog',
        `Tunggakan akhir semester paling banyak ${number(t.maxBacklog)} laporan`,
        t.maxBacklog,
        metrics.backlogAtEnd,
        'lower',
        { decimals: 0, word: ' laporan' },
      ),
    );
  }
  if (t.liaisonAlwaysInOffice) {
    const days = Math.max(metrics.daysWithoutAdmin, metrics.daysWithoutBackup ?? 0);
    targets.push(
      judge(
        'liaison',
        'Admin penghubung dan admin cadangan selalu ada (ber-SK) sepanjang semester',
        0,
        metrics.daysWithoutBackup === undefined ? undefined : days,
        'lower',
        { decimals: 0, word: ' hari tanpa admin atau cadangan' },
      ),
    );
  }
  if (t.minPerHundredThousand !== undefined) {
    targets.push(
      judge(
        'volume',
        `Sedikitnya ${number(t.minPerHundredThousand, 1)} laporan per 100.000 penduduk`,
        t.minPerHundredThousand,
        metrics.perHundredThousand,
        'higher',
        { decimals: 1, word: ' per 100.000' },
      ),
    );
  }
  const judged = targets.filter((x) => x.met !== undefined);
  const met = judged.filter((x) => x.met).length;
  const kept = judged.length === 0 ? undefined : met === judged.length;
  return {
    status: 'in-force',
    commitment: c,
    targets,
    ...(kept === undefined ? {} : { kept }),
    met,
    judged: judged.length,
    summary:
      judged.length === 0
        ? 'Komitmen belum dapat dinilai'
        : `${met} dari ${judged.length} target terpenuhi${targets.length > judged.length ? ` (${targets.length - judged.length} belum dapat dinilai)` : ''}`,
  };
}

/**
 * Judges every regency's commitment for a semester, on the commitment in force on the semester's
 * last day (a newer one replaces an older; one that ended before is reported as expired), and
 * attaches the result to each regency of the province view.
 */
export function withCommitments(
  province: ProvinceSemester,
  commitments: readonly Commitment[],
  lastDate: string,
): ProvinceSemester {
  return {
    ...province,
    regencies: province.regencies.map((r) => ({
      ...r,
      commitment: evaluateCommitment(commitmentOn(commitments, r.regencyCode, lastDate), r),
    })),
  };
}

/** A lagging regency the province digest should name: without a commitment, or with an expired one. */
export interface CommitmentGap {
  code: string;
  name: string;
  status: 'none' | 'expired';
  /** Last day of the expired commitment. */
  endedOn?: string;
  /** Indonesian sentence for the digest. */
  sentence: string;
}

/** Of the lagging regencies on a date, those without a commitment in force. */
export function commitmentGaps(
  lagging: readonly { code: string; name: string }[],
  commitments: readonly Commitment[],
  date: string,
): CommitmentGap[] {
  return lagging.flatMap((s): CommitmentGap[] => {
    const standing = commitmentOn(commitments, s.code, date);
    if (standing.status === 'in-force') return [];
    if (standing.status === 'expired') {
      const endedOn = standing.commitment.to as string;
      return [
        {
          code: s.code,
          name: s.name,
          status: 'expired',
          endedOn,
          sentence: `${s.name}: tertinggal, dan komitmen kepala daerahnya berakhir ${dateId(endedOn)} tanpa pembaruan.`,
        },
      ];
    }
    return [
      {
        code: s.code,
        name: s.name,
        status: 'none',
        sentence: `${s.name}: tertinggal, dan belum ada komitmen tertulis kepala daerah.`,
      },
    ];
  });
}

/** Which regencies kept their commitments in a semester, for the province summary. */
export interface CommitmentTally {
  kept: string[];
  notKept: string[];
  /** In force, but too little evidence to judge any target. */
  unjudged: string[];
  expired: string[];
  none: string[];
}

/** Sorts the regencies (codes, in the given order) by their commitment's outcome. */
export function tallyCommitments(
  regencies: readonly { regencyCode: string; commitment?: CommitmentResult }[],
): CommitmentTally {
  const tally: CommitmentTally = { kept: [], notKept: [], unjudged: [], expired: [], none: [] };
  for (const r of regencies) {
    const c = r.commitment;
    if (!c || c.status === 'none') tally.none.push(r.regencyCode);
    else if (c.status === 'expired') tally.expired.push(r.regencyCode);
    else if (c.kept === undefined) tally.unjudged.push(r.regencyCode);
    else (c.kept ? tally.kept : tally.notKept).push(r.regencyCode);
  }
  return tally;
}

/**
 * The public scoreboard's view of a regency's commitment in a semester: the same judgement as the
 * PDFs, as a status and one sentence (never the signatory).
 */
export function commitmentOutcome(c: CommitmentResult): {
  status: 'kept' | 'not-kept' | 'unjudged' | 'none' | 'expired';
  summary: string;
} {
  const status =
    c.status !== 'in-force' ? c.status : c.kept === undefined ? 'unjudged' : c.kept ? 'kept' : 'not-kept';
  return { status, summary: c.summary };
}

/** The same for every regency of a semester that carries a judged commitment. */
export function commitmentOutcomes(
  province: Pick<ProvinceSemester, 'regencies'>,
): Map<string, ReturnType<typeof commitmentOutcome>> {
  return new Map(
    province.regencies.flatMap((r) =>
      r.commitment ? [[r.regencyCode, commitmentOutcome(r.commitment)] as const] : [],
    ),
  );
}
