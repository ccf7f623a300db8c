import { describe, expect, it } from 'vitest';
import { listSlaPolicies } from '../../functions/adapters/data-files';
import { parseSlaPolicy, policyCitation } from '../../functions/domain/sla-policy';
import { dataDir, kalselPolicy, nationalPolicy } from '../support/data';

describe('SLA policies', () => {
  it('ship the national limits of PermenPANRB 62/2018', () => {
    expect(nationalPolicy().limits).toEqual({
      verification: 3,
      followUp: 5,
      completion: {
        aspirasi: 5,
        'permintaan-informasi': 5,
        'pengaduan-tidak-berkadar-pengawasan': 14,
        'pengaduan-berkadar-pengawasan': 60,
      },
      closure: 10,
    });
  });

  it('ship the stricter Kalsel follow-up target as a second, selectable policy', () => {
    expect(listSlaPolicies(dataDir)).toEqual(['kalsel-2024', 'permenpanrb-62-2018']);
    expect(kalselPolicy().limits.followUp).toBe(3);
    expect(policyCitation(kalselPolicy())).toMatch(/\(kalsel-2024 v1\)$/);
  });

  it('rejects a policy file with a missing class limit, naming the field', () => {
    const broken = structuredClone(nationalPolicy()) as { limits: { completion: Record<string, number> } };
    delete broken.limits.completion['pengaduan-berkadar-pengawasan'];
    expect(() => parseSlaPolicy(broken, 'x.json')).toThrow(
      'x.json: limits.completion.pengaduan-berkadar-pengawasan',
    );
  });
});
