import * as z from 'zod';

/**
 * Escalation by working days late, as configuration (data/escalation/<province>.json): the
 * regency's own chain first (its head), then the province team.
 */
export const escalationPolicySchema = z.object({
  province: z.string().regex(/^\d{2}$/),
  description: z.string(),
  /** "Due soon" = due by the end of this many working days after today. */
  dueSoonWorkingDays: z.number().int().min(0).max(10),
  levels: z
    .array(
      z.object({
        level: z.number().int().positive(),
        minWorkingDaysLate: z.number().int().positive(),
        notify: z.enum(['regency-head', 'province']),
      }),
    )
    .min(1)
    .refine(
      (ls) => ls.every((l, i) => i === 0 || l.minWorkingDaysLate > (ls[i - 1]?.minWorkingDaysLate ?? 0)),
      {
        message: 'levels must be in increasing order of minWorkingDaysLate',
      },
    ),
  /** An overdue complaint with no update for this many working days goes to the province. */
  untouchedAfterWorkingDays: z.number().int().positive(),
  /** Window of the "closed on time" share in the province digest, calendar days. */
  onTimeWindowDays: z.number().int().positive(),
});

export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;
export type EscalationLevel = EscalationPolicy['levels'][number];

/** The levels a complaint this late has reached. */
export function levelsReached(policy: EscalationPolicy, workingDaysLate: number): EscalationLevel[] {
  return policy.levels.filter((l) => workingDaysLate >= l.minWorkingDaysLate);
}
