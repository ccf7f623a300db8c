/**
 * The settings of the semester evaluation's method, in one place: the score's weights and bands,
 * the minimum evidence, the volume rule and the admin cap. The score, the flag and the method text
 * printed on every report and page are all computed from these values (semester-evaluation.ts), so
 * the printed method cannot disagree with the computed one. A setting of the province's method,
 * not a rule of law (README, "Semester evaluation").
 */
export interface EvaluationMethod {
  minimumCases: number;
  lowVolumeRatio: number;
  weights: { T: number; S: number; K: number; V: number };
  bands: { hijau: number; kuning: number };
  noAdminCapDays: number;
}

export const evaluationMethod: Readonly<EvaluationMethod> = {
  /**
   * Fewer decided cases than this and a share is not evidence: 1 of 1 on time says little. Such a
   * share is printed as its count ("1 dari 1"), not a percentage, and earns 0 in the score. Five
   * follows official statistics' small-number practice (the UK Housing Ombudsman reports a share only
   * from 5 decisions; OECD glossary, "minimum cell size"). A regency that received fewer complaints
   * than this in the semester cannot be evaluated: it is flagged MERAH for volume and ranked after
   * every regency that can.
   *
   * Why a threshold and not a Wilson lower bound or shrinkage toward the province: the score must be
   * recomputable by a Bupati's staff from the printed figures, and a printed "90,0% (90 dari 100)"
   * must be the T that enters the formula. A threshold keeps both true; its cliff (4 of 4 earns 0, 5 of
   * 5 earns 1) only touches regencies with so few cases that the volume rule already flags them.
   */
  minimumCases: 5,
  /** Per 100,000 inhabitants below this fraction of the province's figure: MERAH for volume. */
  lowVolumeRatio: 0.25,
  /** Weights of the score's terms (T follow-up, S completion, K backlog within limit, V volume). */
  weights: { T: 0.35, S: 0.35, K: 0.15, V: 0.15 },
  /** Score bands: HIJAU from `hijau`, KUNING from `kuning`, MERAH below. */
  bands: { hijau: 75, kuning: 50 },
  /** From this many days without an active liaison admin, HIJAU is capped at KUNING. */
  noAdminCapDays: 30,
};

export type ScoreKey = keyof EvaluationMethod['weights'];

/** Shorthands used across the domain. */
export const { minimumCases, lowVolumeRatio } = evaluationMethod;

/**
 * When a figure is called out as a reason a regency lags ("Ringkasan", "Daerah yang Perlu Perhatian",
 * the scoreboard's regency page): settings of the product, not rules of law, chosen so that a
 * reason names a gap a head can act on rather than noise. lag-reasons.ts applies them.
 */
export interface LagRules {
  /** A share this far (in share points) below the province's is called out. */
  shareMargin: number;
  /** Per 100,000 below this fraction of the province's figure is called low (above the MERAH rule). */
  lowVolumeOfProvince: number;
  /** Overdue complaints at the cut-off are called out from this many... */
  overdueCount: number;
  /** ...or from this fraction of the open backlog. */
  overdueShareOfBacklog: number;
  /** A score this many points below last semester's is called a drop. */
  scoreDrop: number;
}

export const lagRules: Readonly<LagRules> = {
  shareMargin: 0.05,
  lowVolumeOfProvince: 0.6,
  overdueCount: 10,
  overdueShareOfBacklog: 0.4,
  scoreDrop: 5,
};
