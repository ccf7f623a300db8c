import { describe, expect, it } from 'vitest';
import {
  buildScoreboard,
  minimumCasesForShare,
  shownShare,
  twelveMonths,
} from '../../functions/domain/scoreboard';
import { share } from '../../functions/domain/semester-evaluation';
import type { ProvinceSemester } from '../../functions/domain/semester-metrics';
import { shareText } from '../../templates/format';
import { buildSite, sitePaths } from '../../templates/site';
import { fixtureScoreboard, fixtureScoreboardInput } from '../support/scoreboard-fixture';
import { fixtureProvince } from '../support/semester-fixture';

describe('the scoreboard figures', () => {
  it('ranks the regencies as the semester evaluation did, with its scores and flags', () => {
    const board = fixtureScoreboard();
    const province = fixtureProvince();
    expect(board.regencies.map((r) => r.code)).toEqual(province.regencies.map((r) => r.regencyCode));
    for (const r of province.regencies) {
      const shown = board.regencies.find((x) => x.code === r.regencyCode);
      expect(shown?.semester).toMatchObject({
        rank: r.rank,
        // Published figures are rounded to four decimals (small-numbers.ts).
        score: Math.round(r.score * 10_000) / 10_000,
        flag: r.flag,
        received: r.received.total,
      });
      const { numerator, denominator } = r.followUpWithinLimit.national;
      expect(shown?.semester?.followUpNational).toMatchObject({ numerator, denominator });
    }
    expect(board.semester?.totals.received).toBe(province.totals.received);
  });

  it("counts today's open and overdue complaints with the daily check's rule", () => {
    const board = fixtureScoreboard();
    const kotabaru = board.regencies.find((r) => r.code === '6302');
    // Submitted 4 May, never verified: 3 HK long past. Submitted 30 June: due 3 July.
    expect(kotabaru?.today).toMatchObject({ open: 2, overdue: 1, adminInOffice: true });
    expect(board.today).toMatchObject({ open: 2, overdue: 1, regenciesWithoutAdmin: 1 });
    const tapin = board.regencies.find((r) => r.code === '6305');
    expect(tapin?.today.adminInOffice).toBe(false);
    // 1 July is the first day of 2026-H2: one day so far without an admin.
    expect(tapin?.today.daysWithoutAdminThisSemester).toBe(1);
  });

  it('gives twelve months up to the current one, per regency and for the province', () => {
    expect(twelveMonths('2026-07-01')).toEqual([
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
    ]);
    const board = fixtureScoreboard();
    expect(board.months).toHaveLength(12);
    // 10 + index per regency and month: 13 regencies, 10..22.
    expect(board.months[0]?.received).toBe(13 * 10 + (12 * 13) / 2);
  });

  it('marks shares below the small-number threshold, which the pages print without count or percentage', () => {
    expect(shownShare(share(1, 1)).small).toBe(true);
    expect(shownShare(share(4, minimumCasesForShare)).small).toBe(false);
    expect(shareText(shownShare(share(1, 1)))).toBe('kurang dari 5 kasus');
    expect(shownShare(share(1, 1))).toEqual({ denominator: 1, small: true, minimum: 5 });
    expect(shareText(shownShare(share(18, 25)))).toBe('72,0% (18 dari 25)');
    expect(shareText(shownShare(share(0, 0)))).toBe('tidak ada data');
  });

  it("works before the first semester run: today's figures, no ranking", () => {
    const input = fixtureScoreboardInput();
    delete input.province;
    const board = buildScoreboard(input);
    expect(board.semester).toBeUndefined();
    expect(board.regencies.map((r) => r.code)[0]).toBe('6301');
    const index = buildSite(board).find((f) => f.path === sitePaths.province)?.body ?? '';
    expect(index).toContain('Evaluasi semester pertama belum dijalankan');
  });
});

describe('the site', () => {
  const files = buildSite(fixtureScoreboard());
  const pages = files.filter((f) => f.path.endsWith('.html'));

  it('has the province page, one page per regency, the method and the open-data pages', () => {
    expect(pages.map((p) => p.path)).toContain('index.html');
    expect(pages.filter((p) => p.path.startsWith('daerah/'))).toHaveLength(13);
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'metode.html',
        'data.html',
        'gaya.css',
        'data/papan-skor.json',
        'data/daerah.csv',
        'data/bulanan.csv',
      ]),
    );
  });

  it('carries no tracking id, no name of a person, and no e-mail address', () => {
    const province = fixtureProvince();
    const trackingIds = province.regencies.flatMap((r) => [
      ...(r.oldestOpen ? [r.oldestOpen.trackingId] : []),
      ...r.fieldInspection.cases.map((c) => c.trackingId),
    ]);
    expect(trackingIds.length).toBeGreaterThan(0);
    for (const f of files) {
      for (const id of [...trackingIds, 'LP-6302-OLD', 'LP-6302-NEW']) expect(f.body).not.toContain(id);
      expect(f.body).not.toMatch(/Admin Kabupaten|@example\.go\.id/);
    }
  });

  it('gives every chart an image role, a title and a description, and a table of its numbers', () => {
    for (const p of pages.filter((x) => x.body.includes('<svg'))) {
      const svgs = p.body.match(/<svg [^>]*>/g) ?? [];
      for (const svg of svgs) expect(svg).toMatch(/role="img" aria-labelledby="[^"]+-t [^"]+-d"/);
      expect(p.body).toMatch(/<title id="[^"]+-t">/);
      expect(p.body.split('<figure>').length - 1).toBeLessThanOrEqual(p.body.split('<table').length - 1);
    }
  });

  it('fetches nothing from elsewhere: every src and href is relative, data: or a licence link', () => {
    for (const p of pages) {
      const refs = [...p.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
      for (const ref of refs)
        expect(ref).toMatch(/^(?:\.\.\/|#|data:|[a-z0-9-]+[./]|https:\/\/creativecommons\.org\/)/);
      expect(p.body).not.toMatch(/<script|style="/);
    }
  });

  it('writes the CSV with the documented columns and one row per regency', () => {
    const csv =
      files
        .find((f) => f.path === sitePaths.regencyCsv)
        ?.body.trim()
        .split('\n') ?? [];
    expect(csv).toHaveLength(14);
    const header = csv[0]?.split(',') ?? [];
    const dataPage = files.find((f) => f.path === sitePaths.data)?.body ?? '';
    for (const column of header) expect(dataPage).toContain(`<code>${column}</code>`);
    const banjarbaru = csv.find((l) => l.startsWith('6372,'))?.split(',') ?? [];
    const r = fixtureProvince().regencies.find((x) => x.regencyCode === '6372');
    expect(banjarbaru[header.indexOf('peringkat')]).toBe(String(r?.rank));
    expect(banjarbaru[header.indexOf('tindak_lanjut_tepat_waktu')]).toBe(
      String(r?.followUpWithinLimit.national.numerator),
    );
    expect(banjarbaru[header.indexOf('tindak_lanjut_dinilai')]).toBe(
      String(r?.followUpWithinLimit.national.denominator),
    );
  });
});

describe("the heads' commitments on the scoreboard", () => {
  it("shows the evaluation's judged commitment, its standing and summary only, once it carries one", () => {
    const province = fixtureProvince();
    const withCommitments = {
      ...province,
      regencies: province.regencies.map((r, i) => ({
        ...r,
        commitment: {
          status: i === 0 ? 'none' : 'in-force',
          kept: i % 2 === 1,
          summary: i === 0 ? 'Belum ada komitmen tertulis' : `${i % 2} dari 1 target terpenuhi`,
          commitment: { signatory: 'Nama Pejabat Rahasia' },
        },
      })),
    };
    // Loosely shaped on purpose: the commitments domain owns the full type.
    const board = buildScoreboard(
      fixtureScoreboardInput({ province: withCommitments as unknown as ProvinceSemester }),
    );
    expect(board.commitmentsRecorded).toBe(true);
    const first = board.regencies.find((r) => r.code === province.regencies[0]?.regencyCode);
    expect(first?.commitment).toEqual({ status: 'none', summary: 'Belum ada komitmen tertulis' });
    const second = board.regencies.find((r) => r.code === province.regencies[1]?.regencyCode);
    expect(second?.commitment).toEqual({ status: 'kept', summary: '1 dari 1 target terpenuhi' });
    const index = buildSite(board).find((f) => f.path === sitePaths.province)?.body ?? '';
    expect(index).toContain('1 dari 1 target terpenuhi');
    expect(JSON.stringify(buildSite(board).map((f) => f.body))).not.toContain('Nama Pejabat Rahasia');
  });
});
