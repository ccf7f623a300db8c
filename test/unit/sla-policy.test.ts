import { describe, expect, it } from 'vitest';
import { listSlaPolicies } from '../../functions/adapters/data-files';
import { limitKeys, parseSlaPolicy, policyCitation } from '../../functions/domain/sla-policy';
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
    expect(policyCitation(kalselPolicy())).toMatch(/\(kalsel-2024 v2\)$/);
  });

  it('name a source for every limit, and say where a source could not be read', () => {
    for (const id of listSlaPolicies(dataDir)) {
      const policy = id === 'kalsel-2024' ? kalselPolicy() : nationalPolicy();
      for (const key of limitKeys) {
        const ids = policy.limitSources[key] ?? [];
        expect(ids.length, `${id}: ${key}`).toBeGreaterThan(0);
        for (const sourceId of ids) {
          const source = policy.sources[sourceId];
          // Each cited document either quotes what it says, or says it could not be read.
          expect(source?.says !== undefined || source?.readable === false, `${id}: ${sourceId}`).toBe(true);
        }
      }
    }
  });

  it('rejects a policy whose limit names no source, or a source it does not list', () => {
    const noSource = structuredClone(nationalPolicy()) as { limitSources: Record<string, string[]> };
    delete noSource.limitSources.closure;
    expect(() => parseSlaPolicy(noSource, 'x.json')).toThrow('x.json: limitSources.closure: names no source');
    const unknown = structuredClone(nationalPolicy()) as { limitSources: Record<string, string[]> };
    unknown.limitSources.followUp = ['nowhere'];
    expect(() => parseSlaPolicy(unknown, 'x.json')).toThrow('source "nowhere" is not in sources');
  });

  it('give permintaan informasi 5 working days, the LAPOR! rule, in both policies', () => {
    for (const policy of [nationalPolicy(), kalselPolicy()]) {
      expect(policy.limits.completion['permintaan-informasi']).toBe(5);
    }
    expect(nationalPolicy().notes.join(' ')).toMatch(/UU 14\/2008/);
  });

  it('rejects a policy file with a missing class limit, naming the field', () => {
    const broken = structuredClone(nationalPolicy()) as { limits: { completion: Record<string, number> } };
    delete broken.limits.completion['pengaduan-berkadar-pengawasan'];
    expect(() => parseSlaPolicy(broken, 'x.json')).toThrow(
      'x.json: limits.completion.pengaduan-berkadar-pengawasan',
    );
  });
});
