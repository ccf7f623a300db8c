import { minimumCases } from './semester-method';
import type { Share } from './semester-metrics';

/**
 * The public scoreboard's small-number rule, in one place (issue 23, finding 7): nothing published
 * may single anyone out. The minimum is the evaluation method's `minimumCases` (5, a product
 * setting: official statistics' small-number practice, the UK Housing Ombudsman reporting a share
 * only from five cases; semester-method.ts), so the PDFs, the score and the pages agree.
 * - a share of fewer than the minimum of cases is published without its numerator or percentage
 *   (only that it is below the minimum, and its denominator as a count): "1 dari 1" would tell
 *   the outcome of one person's complaint;
 * - a category of fewer than the minimum is folded into "Lainnya", and "Lainnya" itself never
 *   holds fewer: the smallest shown category joins it until it does, or no category is shown.
 */
export const publicMinimum = minimumCases;

/** A share as published: `small` (below the minimum) carries no numerator and no value. */
export interface ShownShare {
  numerator?: number;
  denominator: number;
  value?: number;
  small: boolean;
  /** On a small share: the minimum it is below, for the words ("kurang dari 5 kasus"). */
  minimum?: number;
}

export function shownShare(share: Share): ShownShare {
  if (share.denominator > 0 && share.denominator < publicMinimum) {
    return { denominator: share.denominator, small: true, minimum: publicMinimum };
  }
  return { ...share, small: false };
}

/** The name of the row small categories are folded into. */
export const otherCategory = 'Lainnya';

/** Categories as published: each of at least the minimum, the rest folded into "Lainnya" (see above). */
export function publicCategories(
  byCategory: readonly { category: string; count: number }[],
): { category: string; count: number }[] {
  const rows = byCategory.filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
  const kept = rows.filter((c) => c.count >= publicMinimum && c.category !== otherCategory);
  let other = rows.filter((c) => !kept.includes(c)).reduce((n, c) => n + c.count, 0);
  while (other > 0 && other < publicMinimum && kept.length > 0)
    other += (kept.pop() as { count: number }).count;
  if (other > 0 && other < publicMinimum) return [];
  return other > 0 ? [...kept, { category: otherCategory, count: other }] : kept;
}

/**
 * Every fractional number of a published document rounded to four decimals (a share to 0.01
 * percentage points): a float's long tail is noise, and no published string holds ten digits.
 */
export function roundFigures<T>(value: T): T {
  if (typeof value === 'number') {
    return (Number.isInteger(value) ? value : Math.round(value * 10_000) / 10_000) as T;
  }
  if (Array.isArray(value)) return value.map(roundFigures) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundFigures(v)])) as T;
  }
  return value;
}
