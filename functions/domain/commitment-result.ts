/** The shapes of the heads' commitments and of their judgement (judged in commitments.ts). */
export interface CommitmentTargets {
  /** First follow-up within `days` working days for at least `percent`% of complaints. */
  followUp?: { days: number; percent: number };
  /** Open complaints at the end of the semester: at most this many. */
  maxBacklog?: number;
  /** A liaison admin and a backup in office (roster) on every day of the semester. */
  liaisonAlwaysInOffice?: boolean;
  /** At least this many complaints received per 100,000 inhabitants in the semester. */
  minPerHundredThousand?: number;
}

export interface Commitment {
  /** Regency code. */
  code: string;
  /** The signing office, e.g. "Bupati Tanah Laut", "Pj. Wali Kota Banjarbaru". */
  signatory: string;
  /** Date signed (YYYY-MM-DD). */
  signed: string;
  /** Document number, or a link to the published document. */
  document: string;
  /** First day in force (YYYY-MM-DD, WITA). */
  from: string;
  /** Last day in force, inclusive; absent: until a newer commitment replaces it. */
  to?: string;
  targets: CommitmentTargets;
}

/** Where a regency stands on a date: a commitment in force, one that ended, or none ever. */
export type CommitmentStanding =
  | { status: 'in-force'; commitment: Commitment }
  | { status: 'expired'; commitment: Commitment }
  | { status: 'none' };

export type TargetKind = 'follow-up' | 'backlog' | 'liaison' | 'volume';

/** One target judged: what was promised, what was achieved, met or not, and by how much. */
export interface TargetResult {
  kind: TargetKind;
  /** Indonesian, e.g. "Tindak lanjut pertama dalam 3 HK untuk sedikitnya 80% laporan". */
  label: string;
  /** The promised figure (percent for follow-up, a count, days, or per 100,000). */
  committed: number;
  /** The achieved figure in the same unit; absent when there is no evidence to judge. */
  achieved?: number;
  /** For shares: the cases behind `achieved`. */
  parts?: { numerator: number; denominator: number };
  /** Met, not met, or not judged (too little evidence). */
  met?: boolean;
  /** achieved − committed in the target's unit, signed so that positive is better. */
  margin?: number;
  /** Indonesian: "Terpenuhi, lebih baik 4,2 poin", "Tidak terpenuhi, kurang 12 laporan", ... */
  verdict: string;
  /** By how much alone: "lebih baik 4,2 poin", "kurang 12 laporan", "tepat pada target". */
  byHowMuch?: string;
}

/** A regency's commitment judged against a semester. */
export interface CommitmentResult {
  status: CommitmentStanding['status'];
  commitment?: Commitment;
  targets: TargetResult[];
  /** Every judged target met (and at least one judged); false when one was missed. */
  kept?: boolean;
  met: number;
  judged: number;
  /** "3 dari 4 target terpenuhi", "Tidak ada komitmen", "Komitmen berakhir 31 Desember 2025". */
  summary: string;
}
