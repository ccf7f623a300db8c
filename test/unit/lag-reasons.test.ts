import { describe, expect, it } from 'vitest';
import { lagReasons } from '../../functions/domain/lag-reasons';
import { parseSemester } from '../../functions/domain/semester';
import { evaluateRegency } from '../../functions/domain/semester-evaluation';
import { lagRules } from '../../functions/domain/semester-method';
import type { RankedMetrics } from '../../functions/domain/semester-metrics';
import { policyHistory, type SlaRules, versionsOf } from '../../functions/domain/sla-policy';
import { lagReasonText, pdfLagWording } from '../../templates/lag-words';
import { calendar, kalsel, kalselPolicy, nationalPolicy } from '../support/data';
import { kotabaruComplaint } from '../support/kotabaru';
import { fixtureProvince, fixtureRegency } from '../support/semester-fixture';

/** Every version of the national rule with another completion limit for field inspections. */
function withFieldLimit(rules: SlaRules, days: number): SlaRules {
  const versions = versionsOf(rules).map((v) => ({
    ...v,
    limits: { ...v.limits, completion: { ...v.limits.completion, 'pengaduan-berkadar-pengawasan': days } },
  }));
  return policyHistory(versions[0]?.id ?? 'nasional', versions);
}

// Disposed Mon 2 Feb 2026 and still open at the cut-off (30 Jun): about 95 working days.
const openFieldCase = kotabaruComplaint(
  'FIELD-1',
  [
    ['2026-02-02T09:00:00+08:00', 'belum-terverifikasi'],
    ['2026-02-02T10:00:00+08:00', 'terdisposisi-sedang-diproses'],
  ],
  { classification: 'pengaduan-berkadar-pengawasan' },
);

function evaluateUnder(national: SlaRules) {
  return evaluateRegency({
    semester: parseSemester('2026-H1', kalsel().zone),
    regency: kalsel().get('6302') as NonNullable<ReturnType<ReturnType<typeof kalsel>['get']>>,
    snapshots: [openFieldCase],
    national,
    provincial: kalselPolicy(),
    calendar: calendar(),
    roster: [],
  });
}

describe("the field-inspection limit is the policy's, not a view's", () => {
  it('reads the limit and whether a case is late from the national rule in force', () => {
    const m = evaluateUnder(nationalPolicy());
    expect(m.fieldInspection.limit).toBe(60);
    expect(m.longestCompletionLimit).toBe(60);
    expect(m.fieldInspection.cases[0]).toMatchObject({ open: true, limit: 60, late: true });
  });

  it('moves with the policy: a 200-day limit makes the same case on time', () => {
    const m = evaluateUnder(withFieldLimit(nationalPolicy(), 200));
    expect(m.fieldInspection.limit).toBe(200);
    expect(m.longestCompletionLimit).toBe(200);
    expect(m.fieldInspection.cases[0]).toMatchObject({ open: true, limit: 200, late: false });
  });
});

describe('lag reasons', () => {
  const province = fixtureProvince();
  const context = { comparison: province.comparison, regencies: province.regencies };
  const base = fixtureRegency('6371');

  it('are computed once when the province is ranked, and every view reads the same list', () => {
    for (const r of province.regencies) expect(r.lagReasons).toEqual(lagReasons(r, context));
  });

  it('call out an open field inspection past its limit, with the limit of the data', () => {
    const r: RankedMetrics = {
      ...base,
      fieldInspection: {
        ...base.fieldInspection,
        limit: 45,
        cases: [
          {
            trackingId: 'X',
            submittedAt: '2026-01-05T09:00:00+08:00',
            workingDays: 50,
            open: true,
            limit: 45,
            late: true,
          },
        ],
      },
    };
    const reasons = lagReasons(r, context);
    expect(reasons).toContainEqual({ kind: 'field-inspections-open', count: 1, limit: 45 });
    expect(reasons.map((x) => lagReasonText(x, pdfLagWording(province)))).toContain(
      '1 pengaduan berkadar pengawasan masih terbuka lebih dari 45 HK',
    );
  });

  it('name a score drop from the setting, not from a number in a view', () => {
    const previous = { ...base, score: base.score + lagRules.scoreDrop };
    const dropped = lagReasons({ ...base, previous }, context);
    expect(dropped.some((x) => x.kind === 'score-drop')).toBe(true);
    const slight = lagReasons(
      { ...base, previous: { ...previous, score: base.score + lagRules.scoreDrop - 0.1 } },
      context,
    );
    expect(slight.some((x) => x.kind === 'score-drop')).toBe(false);
    const stricter = lagReasons({ ...base, previous: { ...previous, score: base.score + 1 } }, context, {
      ...lagRules,
      scoreDrop: 1,
    });
    expect(stricter.some((x) => x.kind === 'score-drop')).toBe(true);
  });

  it('say nothing of field inspections or the oldest complaint when stored figures lack their limits', () => {
    const { longestCompletionLimit: _l, ...rest } = base;
    const old: RankedMetrics = {
      ...rest,
      fieldInspection: { ...base.fieldInspection, limit: undefined as never },
    };
    delete (old.fieldInspection as { limit?: number }).limit;
    const kinds = lagReasons(old, context).map((x) => x.kind);
    expect(kinds).not.toContain('oldest-open');
    expect(kinds).not.toContain('field-inspections-open');
    expect(lagReasons(base, context).map((x) => x.kind)).toContain('oldest-open');
  });
});
