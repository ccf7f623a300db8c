import * as z from 'zod';
import { classifications } from './complaint';

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
 * An SLA policy: the working-day limit of each stage. Policies are versioned data files
 * (data/policies/<id>.json); every report names the one it measured against.
 */
export const slaPolicySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().positive(),
    effectiveFrom: z.iso.date(),
    name: z.string().min(1),
    source: z.string().min(1),
    /** The documents behind the limits, by id. */
    sources: z.record(z.string(), sourceSchema),
    /** For each limit, the ids of the sources that set it (at least one). */
    limitSources: z.record(z.string(), z.array(z.string()).min(1)),
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

/** "Batas waktu nasional PermenPANRB 62/2018 (permenpanrb-62-2018 v1)": how reports cite a policy. */
export function policyCitation(policy: SlaPolicy): string {
  return `${policy.name} (${policy.id} v${policy.version})`;
}
