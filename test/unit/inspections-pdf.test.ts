import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../functions/adapters/pdf-renderer';
import type { InspectionFigures } from '../../functions/domain/field-inspection';
import type { ProvinceSemester, RankedMetrics } from '../../functions/domain/semester-metrics';
import { semesterViews } from '../../templates/semester-views';
import { flat, readPdf } from '../support/pdf-text';
import { fixtureProvince } from '../support/semester-fixture';

const figures: InspectionFigures = {
  planned: 4,
  doneOnTime: 3,
  late: 1,
  upcoming: 0,
  doneWithDisposition: 4,
  completedAfterInspection: 3,
  medianWorkingDaysDispositionToInspection: 6,
  medianWorkingDaysInspectionToCompletion: 21.5,
};

/** The fixture province with Kotabaru's field inspections. */
function withInspections(): { province: ProvinceSemester; kotabaru: RankedMetrics } {
  const base = fixtureProvince();
  const regencies = base.regencies.map((r) =>
    r.regencyCode === '6302' ? { ...r, fieldInspections: figures } : r,
  );
  const province = { ...base, regencies };
  return { province, kotabaru: regencies.find((r) => r.regencyCode === '6302') as RankedMetrics };
}

const text = async (doc: Parameters<typeof renderPdf>[0]) =>
  flat((await readPdf(await renderPdf(doc))).pages.join('\n'));

describe('field inspections in the semester PDFs', () => {
  it("the head's PDF says how many were planned, on time and late, and how long they took", async () => {
    const { province, kotabaru } = withInspections();
    const all = await text(semesterViews.regencyReport({ report: kotabaru, province }));
    expect(all).toContain(
      '4 pemeriksaan lapangan dijadwalkan semester ini: 3 dilaksanakan tepat waktu, 1 terlambat.',
    );
    expect(all).toContain('Median hari kerja dari disposisi ke pemeriksaan (4 pemeriksaan) 6,0 HK');
    expect(all).toContain('Median hari kerja dari pemeriksaan ke selesai (3 laporan) 21,5 HK');
  });

  it('a regency with none planned gets no such block', async () => {
    const { province } = withInspections();
    const other = province.regencies.find((r) => r.regencyCode === '6301') as RankedMetrics;
    expect(await text(semesterViews.regencyReport({ report: other, province }))).not.toContain(
      'Pemeriksaan lapangan',
    );
  });

  it('the province summary compares the regencies that had any', async () => {
    const { province } = withInspections();
    const all = await text(semesterViews.provinceSummary(province));
    expect(all).toContain('Pemeriksaan lapangan per kabupaten/kota');
    expect(all).toMatch(/Kotabaru 4 3 1 6,0 HK 21,5 HK/);
  });
});
