import { describe, expect, it } from 'vitest';
import {
  OutreachFileError,
  outreachEffect,
  outreachResultDay,
  outreachRule,
  outreachSettings,
  outreachWindows,
  parseOutreachCsv,
} from '../../functions/domain/outreach';
import { kalsel } from '../support/data';

/** A province of three regencies of 100,000, 200,000 and 300,000 inhabitants. */
const populations = new Map([
  ['6305', 100_000],
  ['6301', 200_000],
  ['6302', 300_000],
]);
const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];
/** Monthly counts: `before` per month up to March, `after` from May (April is the event's month). */
function counts(perRegency: Record<string, { before: number; after: number }>) {
  return new Map(
    Object.entries(perRegency).map(([code, { before, after }]) => [
      code,
      new Map(months.map((m) => [m, m < '2026-04' ? before : m > '2026-04' ? after : 0])),
    ]),
  );
}
const event = {
  date: '2026-04-15',
  code: '6305',
  kind: 'sosialisasi-masyarakat' as const,
  source: 'LPJ 01/2026',
};

describe('the effect of an outreach event (difference of differences)', () => {
  it('windows are the N months before and after the event month', () => {
    expect(outreachWindows('2026-04-15', 3)).toEqual({
      before: ['2026-01', '2026-02', '2026-03'],
      after: ['2026-05', '2026-06', '2026-07'],
    });
  });

  it('finds a rise when the regency doubles and the rest of the province stays flat', () => {
    const effect = outreachEffect(
      event,
      counts({
        '6305': { before: 10, after: 20 },
        '6301': { before: 20, after: 20 },
        '6302': { before: 30, after: 30 },
      }),
      populations,
      '2026-08-01',
    );
    expect(effect.before).toMatchObject({ count: 30, rate: 10, rest: { count: 150, rate: 10 } });
    expect(effect.after).toMatchObject({ count: 60, rate: 20, rest: { count: 150, rate: 10 } });
    expect(effect).toMatchObject({
      change: 10,
      restChange: 0,
      differenceOfDifferences: 10,
      expectedAfter: 30,
      verdict: 'rose',
    });
    expect(effect.zScore).toBeGreaterThan(outreachSettings.z);
  });

  it('finds no effect when everyone rises alike', () => {
    const effect = outreachEffect(
      event,
      counts({
        '6305': { before: 10, after: 20 },
        '6301': { before: 20, after: 40 },
        '6302': { before: 30, after: 60 },
      }),
      populations,
      '2026-08-01',
    );
    expect(effect).toMatchObject({
      change: 10,
      restChange: 10,
      differenceOfDifferences: 0,
      verdict: 'no-clear-change',
    });
    expect(effect.zScore).toBe(0);
  });

  it('finds a fall when the regency drops while the rest stays flat', () => {
    const effect = outreachEffect(
      event,
      counts({
        '6305': { before: 20, after: 5 },
        '6301': { before: 20, after: 20 },
        '6302': { before: 30, after: 30 },
      }),
      populations,
      '2026-08-01',
    );
    expect(effect.verdict).toBe('fell');
  });

  it('says "too few to tell" under the threshold, whatever the change', () => {
    const effect = outreachEffect(
      event,
      counts({
        '6305': { before: 1, after: 2 },
        '6301': { before: 20, after: 20 },
        '6302': { before: 30, after: 30 },
      }),
      populations,
      '2026-08-01',
    );
    expect(effect.before.count + effect.after.count).toBeLessThan(outreachSettings.minimumComplaints);
    expect(effect.verdict).toBe('too-few');
    expect(effect.differenceOfDifferences).toBeUndefined();
  });

  it('is pending until the after window has ended', () => {
    const c = counts({
      '6305': { before: 10, after: 20 },
      '6301': { before: 20, after: 20 },
      '6302': { before: 30, after: 30 },
    });
    expect(outreachEffect(event, c, populations, '2026-07-31')).toMatchObject({
      verdict: 'pending',
      afterEnds: '2026-07-31',
    });
    expect(outreachEffect(event, c, populations, '2026-08-01').verdict).toBe('rose');
  });

  it('states its rule with the thresholds used', () => {
    expect(outreachRule()).toContain(`kurang dari ${outreachSettings.minimumComplaints}`);
    expect(outreachRule()).toContain('terlalu sedikit untuk disimpulkan');
  });
});

describe('the outreach file', () => {
  const header = 'date,regency,kecamatan,kind,people_reached,source';

  it('reads events with optional kecamatan and people reached', () => {
    expect(
      parseOutreachCsv(
        `${header}\n2026-02-14,6305,Binuang,sosialisasi masyarakat,120,LPJ Diskominfo Tapin 005/2026\n2026-03-01,6311,,Pelatihan Admin,,https://example.org/berita\n`,
        kalsel(),
      ),
    ).toEqual([
      {
        date: '2026-02-14',
        code: '6305',
        district: 'Binuang',
        kind: 'sosialisasi-masyarakat',
        peopleReached: 120,
        source: 'LPJ Diskominfo Tapin 005/2026',
      },
      { date: '2026-03-01', code: '6311', kind: 'pelatihan-admin', source: 'https://example.org/berita' },
    ]);
  });

  it('refuses the whole file, naming each bad row and column', () => {
    const bad = `${header}\n2026-02-30,6305,,media,,x\n2026-02-14,9999,,media,,x\n2026-02-14,6305,,konser,,x\n2026-02-14,6305,,media,-3,x\n2026-02-14,6305,,media,,\n`;
    const error = (() => {
      try {
        parseOutreachCsv(bad, kalsel(), 'o.csv');
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(OutreachFileError);
    expect(error?.message).toMatch(/row 2: date/);
    expect(error?.message).toMatch(/row 3: regency: is not a regency/);
    expect(error?.message).toMatch(/row 4: kind: "konser"/);
    expect(error?.message).toMatch(/row 5: people_reached/);
    expect(error?.message).toMatch(/row 6: source/);
  });

  it('refuses the same event twice', () => {
    expect(() =>
      parseOutreachCsv(
        `${header}\n2026-02-14,6305,,media,,a\n2026-02-14,6305,,media,,b\n`,
        kalsel(),
        'o.csv',
      ),
    ).toThrow(/row 3: the same event as row 2/);
  });
});

describe('the province digest reports each result once', () => {
  it('on the first working day after the after-window (1 June 2026 is a holiday)', async () => {
    const { calendar } = await import('../support/data');
    expect(outreachResultDay({ date: '2026-02-12' }, calendar())).toBe('2026-06-02');
    expect(outreachResultDay({ date: '2026-03-05' }, calendar())).toBe('2026-07-01');
  });

  it('words the result with its counts in the province digest', async () => {
    const { provinceDigestEmail } = await import('../../templates/deadline-emails');
    const { mostLate, provinceListLimit } = await import('../../functions/domain/digest-view');
    const effect = outreachEffect(
      event,
      counts({
        '6305': { before: 10, after: 20 },
        '6301': { before: 20, after: 20 },
        '6302': { before: 30, after: 30 },
      }),
      populations,
      '2026-08-01',
    );
    const email = provinceDigestEmail({
      province: kalsel().province,
      date: '2026-08-03',
      lagging: [],
      escalations: mostLate([], provinceListLimit),
      untouched: mostLate([], provinceListLimit),
      missingCalendarYears: [],
      regencyName: () => 'Kabupaten Tapin',
      laporBaseUrl: 'https://www.lapor.go.id/laporan/detil',
      onTimeWindowDays: 30,
      failures: [],
      outreachResults: [effect],
    });
    const text = email.text.replace(/\s+/g, ' ');
    expect(text).toContain('HASIL KEGIATAN PENJANGKAUAN (1)');
    expect(text).toContain(
      'Kabupaten Tapin, sosialisasi masyarakat 15 Apr 2026: Naik: 10,0 menjadi 20,0 laporan per 100.000 penduduk per bulan (30 laporan sebelum, 60 sesudah); kabupaten/kota lain 10,0 menjadi 10,0. Selisih dari selisih +10,0.',
    );
    expect(email.html).toContain('Hasil kegiatan penjangkauan');
  });
});
