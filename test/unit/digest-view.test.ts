import { describe, expect, it } from 'vitest';
import type { DigestItem } from '../../functions/domain/deadlines';
import {
  digestView,
  dueWhen,
  escalationView,
  groupByUnit,
  mostLate,
} from '../../functions/domain/digest-view';
import { kalsel } from '../support/data';

const item = (n: number, over: Partial<DigestItem> = {}): DigestItem => ({
  trackingId: `LP-${String(n).padStart(3, '0')}`,
  regencyCode: '6302',
  unit: 'Dinas A',
  category: 'Infrastruktur',
  classification: 'aspirasi',
  status: 'terdisposisi-belum-ditindaklanjuti',
  stage: 'follow-up',
  owner: 'unit',
  due: '2026-03-02T15:59:59.999Z',
  breached: true,
  workingDaysLate: 1,
  newlyBreached: false,
  workingDaysSinceUpdate: 3,
  expired: false,
  policyId: 'permenpanrb-5-2025',
  ...over,
});
// Thursday 5 March 2026; Friday 6 is the next working day; the end of a WITA day is 15:59:59.999Z.
const thursday = { date: '2026-03-05', nextWorkingDate: '2026-03-06', zone: kalsel().zone };
const endOf = (date: string) => `${date}T15:59:59.999Z`;

describe('the digest view', () => {
  it('tells late, due today, due tomorrow and due on the next working day after a weekend apart', () => {
    const soon = (date: string) => item(1, { breached: false, workingDaysLate: 0, due: endOf(date) });
    expect(dueWhen(item(1), thursday.date, thursday.nextWorkingDate, kalsel().zone)).toBe('late');
    expect(dueWhen(soon('2026-03-05'), thursday.date, thursday.nextWorkingDate, kalsel().zone)).toBe('today');
    expect(dueWhen(soon('2026-03-06'), thursday.date, thursday.nextWorkingDate, kalsel().zone)).toBe(
      'tomorrow',
    );
    // On Friday the next working day is Monday: not "besok".
    expect(dueWhen(soon('2026-03-09'), '2026-03-06', '2026-03-09', kalsel().zone)).toBe('next-working-day');
  });

  it('tells the reporter’s clock run out apart from a breach and from due soon', () => {
    const expired = item(9, {
      stage: 'closure',
      owner: 'reporter',
      breached: false,
      expired: true,
      workingDaysLate: 0,
      due: endOf('2026-03-02'),
    });
    expect(dueWhen(expired, thursday.date, thursday.nextWorkingDate, kalsel().zone)).toBe('expired');
    const view = digestView([expired, item(1)], thursday);
    expect(view.counts).toMatchObject({ total: 2, late: 1, expired: 1, dueSoon: 0, dueToday: 0 });
  });

  it('counts the first screen: late, newly late, due today, due by the next working day', () => {
    const view = digestView(
      [
        item(1, { workingDaysLate: 9 }),
        item(2, { workingDaysLate: 1, newlyBreached: true }),
        item(3, { breached: false, workingDaysLate: 0, due: endOf('2026-03-05') }),
        item(4, { breached: false, workingDaysLate: 0, due: endOf('2026-03-06') }),
        item(5, { breached: false, workingDaysLate: 0, due: endOf('2026-03-06') }),
      ],
      thursday,
    );
    expect(view.counts).toEqual({
      total: 5,
      late: 2,
      newlyLate: 1,
      expired: 0,
      dueSoon: 3,
      dueToday: 1,
      dueNextWorkingDay: 2,
      minLate: 1,
      maxLate: 9,
    });
    expect(view.nextWorkingDayIsTomorrow).toBe(true);
  });

  it('puts the newly late and the most late first, and the rest by unit, most late unit first', () => {
    const items = [
      item(1, { workingDaysLate: 30, unit: 'Dinas A' }),
      item(2, { workingDaysLate: 20, unit: 'Dinas B' }),
      item(3, { workingDaysLate: 10, unit: 'Dinas B' }),
      item(4, { workingDaysLate: 1, newlyBreached: true, unit: 'Dinas C' }),
      item(5, { workingDaysLate: 5, unit: 'Dinas C' }),
      item(6, { workingDaysLate: 4, unit: 'Dinas D' }),
      item(7, { workingDaysLate: 3, unit: 'Dinas D' }),
      item(8, { breached: false, workingDaysLate: 0, due: endOf('2026-03-06'), unit: 'Dinas A' }),
    ];
    const view = digestView(items, { ...thursday, mostLateCount: 2 });
    expect(view.first.map((i) => i.trackingId)).toEqual(['LP-001', 'LP-002', 'LP-004']);
    // Dinas D has two late ones left, B, C and A one each; A's one is only due.
    expect(view.groups.map((g) => [g.unit, g.items.map((i) => i.trackingId)])).toEqual([
      ['Dinas D', ['LP-006', 'LP-007']],
      ['Dinas B', ['LP-003']],
      ['Dinas C', ['LP-005']],
      ['Dinas A', ['LP-008']],
    ]);
    expect(view.groups.at(-1)?.items[0]?.when).toBe('tomorrow');
    expect(view.listed).toBe(8);
    expect(view.omitted).toBe(0);
  });

  it('cuts a long digest round-robin across units and counts what each unit left out', () => {
    const items = [
      ...Array.from({ length: 30 }, (_, n) => item(n, { workingDaysLate: 50 - n, unit: 'Dinas Besar' })),
      ...Array.from({ length: 3 }, (_, n) => item(100 + n, { workingDaysLate: 2, unit: 'Dinas Kecil' })),
    ];
    const view = digestView(items, { ...thursday, mostLateCount: 3, listLimit: 12 });
    expect(view.first).toHaveLength(3);
    const [big, small] = view.groups;
    expect(small?.items).toHaveLength(3);
    expect(big?.items).toHaveLength(6);
    expect(big?.hidden).toBe(30 - 3 - 6);
    expect(big?.total).toBe(27);
    expect(view.listed).toBe(12);
    expect(view.omitted).toBe(21);
  });

  it('deals every group at least its worst case before a second one', () => {
    const items = ['A', 'B', 'C'].flatMap((u, k) =>
      [0, 1, 2].map((n) => item(k * 10 + n, { unit: `Dinas ${u}`, workingDaysLate: 10 - n })),
    );
    const groups = groupByUnit(
      items.map((i) => ({ ...i, when: 'late' as const })),
      4,
    );
    expect(groups.map((g) => g.items.length)).toEqual([2, 1, 1]);
    expect(groups.map((g) => g.hidden)).toEqual([1, 2, 2]);
  });

  it('gives the head the count, the range of lateness and the units, most complaints first', () => {
    const view = escalationView(
      [
        item(1, { workingDaysLate: 3, unit: 'Dinas Kesehatan' }),
        item(2, { workingDaysLate: 25, unit: 'Dinas PUPR' }),
        item(3, { workingDaysLate: 4, unit: 'Dinas PUPR' }),
      ],
      { date: thursday.date, zone: kalsel().zone },
    );
    expect(view.counts).toMatchObject({ total: 3, late: 3, minLate: 3, maxLate: 25 });
    expect(view.groups.map((g) => [g.unit, g.total])).toEqual([
      ['Dinas PUPR', 2],
      ['Dinas Kesehatan', 1],
    ]);
  });

  it('keeps the most late of a province list and counts the rest', () => {
    const list = mostLate(
      Array.from({ length: 40 }, (_, n) => item(n, { workingDaysLate: n + 1 })),
      30,
    );
    expect(list.items).toHaveLength(30);
    expect(list.items[0]?.workingDaysLate).toBe(40);
    expect(list).toMatchObject({ total: 40, omitted: 10 });
  });
});
