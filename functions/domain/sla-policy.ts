import * as z from 'zod';
import { classifications } from './complaint';
import { dateId } from './date-words';

const workingDays = z.number().int().positive();

/** A document a limit comes from; `readable: false` says its own text could not be checked. */
const sourceSchema = z.object({
  title: z.string().min(1),
  url: z.url().optional(),
  /** What the source says, in its own words (shortened). */
  says: z.string().min(1).optional(),
  readable: z.boolean().optional(),
  note: z.string().min(1).optional(),
});

/** Every limit's key as `limitSources` names it: `followUp`, `completion.aspirasi`, ... */
export const limitKeys = [
  'verification',
  'followUp',
  ...classifications.map((c) => `completion.${c}` as const),
  'closure',
] as const;

/**
 * One version of an SLA policy: the working-day limit of each stage, in force from `effectiveFrom`.
 * A policy is a folder, data/policies/<policy>/, holding one file per version; changing a rule is
 * adding a file with its date, never editing the old one. A complaint is judged by the version in
 * force on the day it was submitted (see {@link policyInForce}); every report names the versions it
 * applied.
 */
export const slaPolicySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().positive(),
    /** First day (local calendar date) the rule applies to complaints submitted on it. */
    effectiveFrom: z.iso.date(),
    /**
     * Last day of this version, when a later version replaced it: must be the day before the next
     * version's `effectiveFrom` (checked when the versions are loaded together).
     */
    effectiveUntil: z.iso.date().optional(),
    name: z.string().min(1),
    source: z.string().min(1),
    /** The documents behind the limits, by id. */
    sources: z.record(z.string(), sourceSchema),
    /** For each limit, the ids of the sources that set it (at least one). */
    limitSources: z.record(z.string(), z.array(z.string()).min(1)),
    /**
     * Limits whose value the regulation in force was not read to confirm, by key, each with what the
     * province should check: the value is carried over from the earlier rule.
     */
    unverifiedLimits: z.record(z.string(), z.string().min(1)).default({}),
    /** How the policy reads its sources where they leave room (units, which rule governs). */
    notes: z.array(z.string().min(1)).default([]),
    limits: z.object({
      /** Verification and forwarding by the admin, from submission. */
      verification: workingDays,
      /** First follow-up by the responsible unit, from disposition. */
      followUp: workingDays,
      /** Completion, by classification, from disposition. */
      completion: z.object(
        Object.fromEntries(classifications.map((c) => [c, workingDays])) as Record<
          (typeof classifications)[number],
          typeof workingDays
        >,
      ),
      /**
       * The reporter's time to answer, from the unit's last follow-up or the start of Tertunda: then
       * LAPOR! deems the report complete. The reporter's clock, never the unit's deadline.
       */
      closure: workingDays,
    }),
  })
  .superRefine((policy, ctx) => {
    if (policy.effectiveUntil !== undefined && policy.effectiveUntil < policy.effectiveFrom)
      ctx.addIssue({ code: 'custom', path: ['effectiveUntil'], message: 'is before effectiveFrom' });
    for (const key of Object.keys(policy.unverifiedLimits))
      if (!(limitKeys as readonly string[]).includes(key))
        ctx.addIssue({ code: 'custom', path: ['unverifiedLimits', key], message: 'is not a limit' });
    // A limit without a named source is a rule nobody can check.
    for (const key of limitKeys) {
      const ids = policy.limitSources[key];
      if (!ids) {
        ctx.addIssue({
          code: 'custom',
          path: ['limitSources', key],
          message: 'names no source for this limit',
        });
        continue;
      }
      for (const id of ids) {
        if (!policy.sources[id])
          ctx.addIssue({
            code: 'custom',
            path: ['limitSources', key],
            message: `source "${id}" is not in sources`,
          });
      }
    }
  });

export type SlaPolicy = z.infer<typeof slaPolicySchema>;

/** Validates a policy file; the error names the file and the bad field. */
export function parseSlaPolicy(input: unknown, origin: string): SlaPolicy {
  const result = slaPolicySchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${origin}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return result.data;
}

/** "Batas waktu nasional PermenPANRB 5/2025 (permenpanrb-5-2025 v1)": how reports cite a version. */
export function policyCitation(policy: SlaPolicy): string {
  return `${policy.name} (${policy.id} v${policy.version})`;
}

/** Every version of one policy (data/policies/<id>/), oldest first. */
export interface PolicyHistory {
  /** The policy's name: its folder, as config and region files name it. */
  id: string;
  versions: readonly SlaPolicy[];
}

/** What the engines accept: a policy's history, or one version alone (a history of one). */
export type SlaRules = SlaPolicy | PolicyHistory;

export function versionsOf(rules: SlaRules): readonly SlaPolicy[] {
  return 'versions' in rules ? rules.versions : [rules];
}

/**
 * Orders the versions of one policy and checks they form one history: at least one version, ids
 * unique, no two versions from the same day, and a stated `effectiveUntil` that is the day before
 * the next version starts (a last version has none: it is in force). The error names the policy.
 */
export function policyHistory(id: string, versions: readonly SlaPolicy[]): PolicyHistory {
  if (versions.length === 0) throw new Error(`policy "${id}": no version`);
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const ids = new Set<string>();
  sorted.forEach((v, i) => {
    if (ids.has(v.id)) throw new Error(`policy "${id}": two versions with the id "${v.id}"`);
    ids.add(v.id);
    const next = sorted[i + 1];
    if (next && next.effectiveFrom === v.effectiveFrom)
      throw new Error(
        `policy "${id}": "${v.id}" and "${next.id}" both take effect on ${v.effectiveFrom}; a day has one rule`,
      );
    if (next && v.effectiveUntil !== undefined && v.effectiveUntil !== dayBefore(next.effectiveFrom))
      throw new Error(
        `policy "${id}": "${v.id}" says it ends on ${v.effectiveUntil}, but "${next.id}" takes effect on ${next.effectiveFrom}`,
      );
    if (!next && v.effectiveUntil !== undefined)
      throw new Error(
        `policy "${id}": "${v.id}" ends on ${v.effectiveUntil} but no later version follows it`,
      );
  });
  return { id, versions: sorted };
}

/**
 * The version in force on a local calendar date (YYYY-MM-DD): the latest that took effect on or
 * before it. A date before the first version gets the first version: the oldest rule known is the
 * closest to what applied then.
 */
export function policyInForce(rules: SlaRules, date: string): SlaPolicy {
  const versions = versionsOf(rules);
  let inForce = versions[0] as SlaPolicy;
  for (const v of versions) if (v.effectiveFrom <= date) inForce = v;
  return inForce;
}

/** The last day a version applies, stated or implied by the next version (undefined: in force). */
export function effectiveUntil(rules: SlaRules, version: SlaPolicy): string | undefined {
  const versions = versionsOf(rules);
  const next = versions[versions.indexOf(version) + 1];
  return version.effectiveUntil ?? (next ? dayBefore(next.effectiveFrom) : undefined);
}

/** The versions in force on some day of [from, to] (local dates), oldest first. */
export function versionsInPeriod(rules: SlaRules, from: string, to: string): SlaPolicy[] {
  const inPeriod = versionsOf(rules).filter((v) => {
    const until = effectiveUntil(rules, v);
    return v.effectiveFrom <= to && (until === undefined || until >= from);
  });
  return inPeriod.length > 0 ? inPeriod : [policyInForce(rules, to)];
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * How a report names the rule or rules it applied, each with the submission days it covers:
 * "X (x v3), untuk laporan yang diajukan sampai 30 April 2025; Y (y v1), untuk laporan yang
 * diajukan sejak 1 Mei 2025". `appliedIds`: the versions that judged a complaint of the period;
 * none (no complaint) names the version in force on `date`. One version alone is named alone.
 */
export function appliedRulesCitation(rules: SlaRules, appliedIds: readonly string[], date: string): string {
  const applied = versionsOf(rules).filter((v) => appliedIds.includes(v.id));
  const named = applied.length > 0 ? applied : [policyInForce(rules, date)];
  if (named.length === 1 && versionsOf(rules).length === 1) return policyCitation(named[0] as SlaPolicy);
  return named
    .map((v) => {
      const until = effectiveUntil(rules, v);
      const span = until
        ? `${v.effectiveFrom > (versionsOf(rules)[0] as SlaPolicy).effectiveFrom ? `sejak ${dateId(v.effectiveFrom)} ` : ''}sampai ${dateId(until)}`
        : `sejak ${dateId(v.effectiveFrom)}`;
      return `${policyCitation(v)}, untuk laporan yang diajukan ${span}`;
    })
    .join('; ');
}
