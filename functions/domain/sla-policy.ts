import { z } from 'zod';
import { classifications } from './complaint';

const workingDays = z.number().int().positive();

/**
 * An SLA policy: the working-day limit of each stage. Policies are versioned data files
 * (data/policies/<id>.json); every report names the one it measured against.
 */
export const slaPolicySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().positive(),
  effectiveFrom: z.iso.date(),
  name: z.string().min(1),
  source: z.string().min(1),
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
    /** Closure when the reporter does not reply, from the last follow-up (the start of Tertunda). */
    closure: workingDays,
  }),
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
