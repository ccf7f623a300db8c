import { z } from 'zod';

/** A regency (kabupaten) or city (kota) of a province, keyed by its Kemendagri/BPS code. */
export const regencySchema = z.object({
  code: z.string().regex(/^\d{4}$/, 'a four-digit Kemendagri/BPS code'),
  name: z.string().min(1),
  kind: z.enum(['kabupaten', 'kota']),
  headTitle: z.enum(['Bupati', 'Wali Kota']),
});

export const regionDataSchema = z
  .object({
    province: z.object({
      code: z.string().regex(/^\d{2}$/, 'a two-digit province code'),
      name: z.string().min(1),
      brand: z.string().min(1),
      timeZone: z.string().min(1),
      source: z.string().min(1),
      /** SLA policy ids (data/policies/) the semester report measures against. */
      nationalPolicy: z.string().min(1),
      provincialPolicy: z.string().min(1),
    }),
    regencies: z.array(regencySchema).min(1),
  })
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.regencies.forEach((r, i) => {
      if (!r.code.startsWith(data.province.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['regencies', i, 'code'],
          message: `${r.code} is not in province ${data.province.code}`,
        });
      }
      if (seen.has(r.code)) {
        ctx.addIssue({ code: 'custom', path: ['regencies', i, 'code'], message: `duplicate code ${r.code}` });
      }
      seen.add(r.code);
      const expected = r.kind === 'kota' ? 'Wali Kota' : 'Bupati';
      if (r.headTitle !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: ['regencies', i, 'headTitle'],
          message: `a ${r.kind} is headed by a ${expected}`,
        });
      }
    });
  });

export type Regency = z.infer<typeof regencySchema>;
export type RegionData = z.infer<typeof regionDataSchema>;

/** The region list of one province with look-ups; built once from its data file. */
export interface Regions {
  readonly province: RegionData['province'];
  readonly regencies: readonly Regency[];
  get(code: string): Regency | undefined;
  has(code: string): boolean;
}

/** Validates parsed region data; throws an error naming the bad field. */
export function parseRegions(input: unknown, origin = 'region data'): Regions {
  const result = regionDataSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${origin}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const { province, regencies } = result.data;
  const byCode = new Map(regencies.map((r) => [r.code, r]));
  return {
    province,
    regencies,
    get: (code) => byCode.get(code),
    has: (code) => byCode.has(code),
  };
}

/** "Kabupaten Tanah Laut", "Kota Banjarmasin": the name used in letters and reports. */
export function regencyDisplayName(r: Regency): string {
  return `${r.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${r.name}`;
}
