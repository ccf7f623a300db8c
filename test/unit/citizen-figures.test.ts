import { describe, expect, it } from 'vitest';
import { loadDistricts, citizenMapping as mapping } from '../../functions/adapters/data-files';
import { citizenFigures, foldSmall, withProvinceChannels } from '../../functions/domain/citizen-figures';
import type { Snapshot } from '../../functions/domain/snapshot';
import { dataDir } from '../support/data';

const districts = loadDistricts(dataDir, '63');
type Case = Pick<Snapshot, 'channel' | 'district' | 'rating' | 'reporterReplied' | 'timeline' | 'status'>;
const at = '2026-02-01T00:00:00.000Z';
const entry = (status: Snapshot['status']) => ({
  id: status,
  at,
  status,
  classification: 'aspirasi' as const,
});
function complaint(c: Partial<Case> & { status?: Snapshot['status'] }): Case {
  const status = c.status ?? 'terdisposisi-selesai';
  return { ...c, status, timeline: c.timeline ?? [entry('belum-terverifikasi'), entry(status)] };
}

describe('the citizens figures of a regency', () => {
  const cohort: Case[] = [
    ...Array.from({ length: 6 }, () => complaint({ channel: 'website', district: 'Binuang', rating: '5' })),
    ...Array.from({ length: 3 }, () =>
      complaint({ channel: 'sms', district: 'Tapin Utara', rating: '2', reporterReplied: true }),
    ),
    complaint({
      channel: 'lainnya',
      district: 'Atlantis',
      status: 'terdisposisi-sedang-diproses',
      reporterReplied: true,
    }),
    complaint({ status: 'belum-terverifikasi' }),
  ];
  const f = citizenFigures({ regencyCode: '6305', cohort, mapping, ...(districts ? { districts } : {}) });

  it('counts complaints per channel among those that say it, with shares from 5 cases', () => {
    expect(f.channels.total).toBe(11);
    expect(f.channels.known).toBe(10);
    expect(f.channels.byChannel.find((c) => c.channel === 'website')).toMatchObject({
      count: 6,
      share: { numerator: 6, denominator: 10, value: 0.6 },
    });
    expect(f.channels.byChannel.at(-1)).toMatchObject({
      channel: 'lainnya',
      label: 'Lainnya / tidak dikenal',
      count: 1,
    });
  });

  it('counts per kecamatan, names the listed kecamatan with none as silent, and keeps unlisted names apart', () => {
    expect(f.districts.listed).toBe(true);
    expect(f.districts.unknown).toBe(1);
    expect(f.districts.byDistrict.find((d) => d.district === 'Binuang')).toMatchObject({
      code: '63.05.01',
      count: 6,
    });
    expect(f.districts.byDistrict.at(-1)).toEqual({ district: 'Atlantis', count: 1, unlisted: true });
    expect(f.districts.silent).toHaveLength(10);
    expect(f.districts.silent).toContain('Hatungun');
    expect(f.districts.silent).not.toContain('Binuang');
    expect(f.districts.source).toContain('300.2.2-2138');
  });

  it('gives a rate per 10,000 only where a kecamatan population is supplied', () => {
    const g = citizenFigures({
      regencyCode: '6305',
      cohort,
      mapping,
      ...(districts ? { districts } : {}),
      districtPopulations: [
        { regencyCode: '6305', district: 'Binuang', population: 30_000, year: 2024, source: 'BPS' },
      ],
    });
    expect(g.districts.byDistrict.find((d) => d.district === 'Binuang')).toMatchObject({ perTenThousand: 2 });
    expect(g.districts.byDistrict.find((d) => d.district === 'Tapin Utara')?.perTenThousand).toBeUndefined();
  });

  it('names no kecamatan silent when no complaint says its kecamatan (an export without the column)', () => {
    const g = citizenFigures({
      regencyCode: '6305',
      cohort: [complaint({}), complaint({})],
      mapping,
      ...(districts ? { districts } : {}),
    });
    expect(g.districts.silent).toEqual([]);
    expect(g.districts.known).toBe(0);
  });

  it('gives the share rated of completed complaints and the distribution of ratings', () => {
    expect(f.ratings.completed).toBe(9);
    expect(f.ratings.rated).toEqual({ numerator: 9, denominator: 9, value: 1 });
    expect(f.ratings.distribution).toEqual([
      { value: '5', count: 6, share: { numerator: 6, denominator: 9, value: 6 / 9 } },
      { value: '2', count: 3, share: { numerator: 3, denominator: 9, value: 3 / 9 } },
    ]);
  });

  it('gives the share of followed-up complaints whose reporter answered', () => {
    expect(f.reporterReplies).toEqual({
      followedUp: 10,
      answered: { numerator: 4, denominator: 10, value: 0.4 },
    });
  });

  it('shows no share of fewer than 5 cases', () => {
    const g = citizenFigures({ regencyCode: '6305', cohort: cohort.slice(6, 9), mapping });
    expect(g.ratings.rated).toEqual({ numerator: 3, denominator: 3 });
    expect(g.reporterReplies.answered.value).toBeUndefined();
  });

  it("sets each regency's channel mix against the province's, dropping channels nobody used", () => {
    const a = citizenFigures({ regencyCode: '6305', cohort, mapping });
    const b = citizenFigures({
      regencyCode: '6301',
      cohort: Array.from({ length: 10 }, () => complaint({ channel: 'website' })),
      mapping,
    });
    const [ra] = withProvinceChannels([{ channels: a.channels }, { channels: b.channels }]);
    expect(ra?.channels.byChannel.map((c) => c.channel)).toEqual(['website', 'sms', 'lainnya']);
    expect(ra?.channels.byChannel[0]?.province).toEqual({ numerator: 16, denominator: 20, value: 0.8 });
  });

  it('folds categories under 5 into one row for public pages', () => {
    const rows = [
      { label: 'a', count: 7 },
      { label: 'b', count: 2 },
      { label: 'c', count: 1 },
      { label: 'd', count: 0 },
    ];
    expect(
      foldSmall(rows, (small) => ({ label: 'lainnya', count: small.reduce((s, r) => s + r.count, 0) })),
    ).toEqual([
      { label: 'a', count: 7 },
      { label: 'lainnya', count: 3 },
    ]);
  });
});
