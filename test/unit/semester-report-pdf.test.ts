import { beforeAll, describe, expect, it } from 'vitest';
import { pdfFontFamily, renderPdf } from '../../functions/adapters/pdf-renderer';
import type { ProvinceSemester, RankedMetrics } from '../../functions/domain/semester-metrics';
import { pdfToPngs } from '../../scripts/pdf-to-png';
import { lagReasonText, pdfLagWording } from '../../templates/lag-words';
import { displayName, fontFamily } from '../../templates/pdf-kit';
import { methodSection } from '../../templates/pdf-method';
import { provinceSummaryPdf } from '../../templates/province-summary-pdf';
import { semesterReportPdf } from '../../templates/semester-report-pdf';
import { countPixels, flat, type PdfContent, readPdf } from '../support/pdf-text';
import { fixtureProvince, fixtureRegency } from '../support/semester-fixture';

/** Text that must never reach a reader: a formatting slip upstream. */
const junk = /NaN|undefined|Infinity|null|\[object/;

async function renderRegency(report: RankedMetrics, province = fixtureProvince()) {
  const pdf = await renderPdf(semesterReportPdf({ report, province }));
  return { pdf, content: await readPdf(pdf) };
}

const allText = (content: PdfContent) => flat(content.pages.join('\n'));

describe('semester fixture', () => {
  it('ranks 13 regencies 1..13 by tier and score and keeps shares and totals consistent', () => {
    const province = fixtureProvince();
    expect(province.regencies).toHaveLength(13);
    expect(province.regencies.map((r) => r.rank)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    // By score within each tier: evaluable, then MERAH for low volume, then too few complaints.
    const tier = (r: RankedMetrics) =>
      r.flagReasons.includes('too-few') ? 2 : r.flagReasons.includes('low-volume') ? 1 : 0;
    const order = province.regencies.map((r) => [tier(r), -r.score]);
    expect([...order].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!)).toEqual(order);
    for (const r of province.regencies) {
      const months = r.received.byMonth.reduce((a, m) => a + m.count, 0);
      const classes = Object.values(r.received.byClassification).reduce((a, n) => a + n, 0);
      expect([months, classes]).toEqual([r.received.total, r.received.total]);
      for (const s of [
        r.followUpWithinLimit.national,
        r.followUpWithinLimit.provincial,
        r.completedWithinLimit,
      ]) {
        expect(s.value).toBe(s.denominator > 0 ? s.numerator / s.denominator : undefined);
      }
      expect(r.workingDaysToFollowUp.histogram.reduce((a, b) => a + b.count, 0)).toBe(
        r.workingDaysToFollowUp.count,
      );
    }
    expect(province.totals.received).toBe(province.regencies.reduce((a, r) => a + r.received.total, 0));
    expect(province.totals.backlogAtEnd).toBe(province.regencies.reduce((a, r) => a + r.backlogAtEnd, 0));
  });

  it('holds the edge cases the reports must survive', () => {
    expect(fixtureRegency('6305').received.total).toBe(0);
    expect(fixtureRegency('6305').daysWithoutAdmin).toBeGreaterThan(60);
    expect(fixtureRegency('6302').fieldInspection.cases.length).toBeGreaterThan(3);
    expect(fixtureRegency('6311').previous).toBeUndefined();
    expect(fixtureRegency('6311').fieldInspection.count).toBe(0);
    expect(fixtureRegency('6308').calendarGaps).toEqual([2023]);
  });
});

describe('semesterReportPdf', () => {
  let pdf: Buffer;
  let content: PdfContent;
  const page = (n: number) => flat(content.pages[n - 1] ?? '');

  beforeAll(async () => {
    ({ pdf, content } = await renderRegency(fixtureRegency('6302')));
  });

  it('uses the font family that renderPdf registers', () => {
    expect(fontFamily).toBe(pdfFontFamily);
    expect(
      semesterReportPdf({ report: fixtureRegency('6302'), province: fixtureProvince() }).defaultStyle?.font,
    ).toBe(pdfFontFamily);
  });

  it('puts the title, semester, regency and addressee on the cover', () => {
    const cover = page(1);
    expect(cover).toContain('Laporan Evaluasi Pengelolaan Pengaduan SP4N-LAPOR!');
    expect(cover).toContain('Semester I 2026 (Januari–Juni)');
    expect(cover).toContain('Kabupaten Kotabaru');
    expect(cover).toContain('Disampaikan kepada Yth. Bupati Kotabaru');
    expect(cover).toContain('LAPOR Paman');
    expect(cover).toContain('Kalimantan Selatan');
    expect(cover).toContain('Tanggal pembuatan: 1 Juli 2026');
  });

  it('numbers every page and repeats regency and semester in the header from page 2 on', () => {
    expect(content.numPages).toBe(8);
    content.pages.forEach((_, i) => {
      expect(page(i + 1)).toContain(`Halaman ${i + 1} dari 8`);
      const header = 'Kabupaten Kotabaru · Semester I 2026 (Januari–Juni)';
      if (i === 0) expect(page(1)).not.toContain(header);
      else expect(page(i + 1)).toContain(header);
    });
  });

  it('fits the head summary on one page: flag, rank, key figures, change', () => {
    const summary = page(2);
    expect(summary).toContain('Ringkasan untuk Pimpinan Daerah');
    expect(summary).toContain('HIJAU');
    expect(summary).toContain('Peringkat 4 dari 13');
    expect(summary).toContain('Skor gabungan 84,5 dari 100');
    expect(summary).toContain('Semester lalu: peringkat 8, skor 78,6');
    // Received, this semester and last, and per 100,000 inhabitants with the province's value.
    expect(summary).toContain('Laporan diterima 150 132 +18');
    expect(summary).toContain('46,1 40,5 +5,5 35,9');
    // First follow-up on time, national and provincial, with numerator and denominator.
    expect(summary).toContain('84,0% 105 dari 125 76,8% +7,2 poin 83,5%');
    expect(summary).toContain('73,6% 92 dari 125 62,5% +11,1 poin 69,0%');
    expect(summary).toContain('83,6% 112 dari 134');
    expect(summary).toContain('2 HK 3 HK −1 HK');
    expect(summary).toMatch(/Tunggakan pada akhir semester laporan masih terbuka 29 33 −4/);
    expect(summary).toMatch(/Melewati batas waktu pada akhir semester 8 11 −3/);
    expect(summary).toContain('Hari tanpa admin penghubung aktif 12 0 +12');
    expect(summary).toContain('Apa yang berubah');
    expect(summary).toContain(fixtureRegency('6302').changeSentences.join(' '));
    expect(summary).toContain('12 hari tanpa admin penghubung aktif');
    // The next page is the head's commitment: nothing of the summary spilled over.
    expect(page(3).startsWith('Komitmen Bupati')).toBe(true);
    expect(page(4).startsWith('Volume dan Waktu Penanganan')).toBe(true);
  });

  it('draws the charts with Indonesian month labels and every regency for comparison', () => {
    expect(page(4)).toContain('Laporan diterima per bulan');
    // Each month: Kotabaru's count, the province average per regency, the Indonesian label.
    expect(page(4)).toContain('20 16,3 Jan 22 17,5 Feb 27 19,2 Mar 25 19,5 Apr 26 19,1 Mei 30 21,0 Jun');
    expect(page(4)).toContain('Rata-rata per daerah di provinsi');
    expect(page(4)).toContain('134 laporan selesai; median 10 HK');
    for (const r of fixtureProvince().regencies) expect(page(5)).toContain(displayName(r.regencyName));
    expect(page(5)).toContain('Rata-rata provinsi: 74,5');
  });

  it('lists classifications, categories, field-inspection cases and the oldest open complaint', () => {
    const detail = page(6);
    expect(detail).toContain('Pengaduan (berkadar pengawasan) 5 3,3%');
    expect(detail).toContain('Menurut kategori (10 terbanyak)');
    expect(detail).toContain('7 kasus, 4 selesai; median lama penyelesaian 48 HK (batas 60 HK)');
    expect(detail).toContain('9246618 8 Okt 2025 70 HK masih terbuka, melewati 60 HK');
    expect(detail).toContain('Lama terbuka 172 HK sampai batas data');
  });

  it('states the policies, the SKB decrees, the cut-off and the score rule on the method page', () => {
    const method = page(7);
    expect(method).toContain('Metode dan Definisi');
    // A semester whose backlog spans the change of rule names both, each with the days it covers.
    expect(method).toContain(
      'PermenPANRB 5/2025 (permenpanrb-5-2025 v1), untuk laporan yang diajukan sejak 1 Mei 2025',
    );
    expect(method).toContain('untuk laporan yang diajukan sampai 30 April 2025');
    expect(method).toContain(
      'Target Provinsi Kalimantan Selatan: tindak lanjut dalam 3 hari kerja (kalsel-2025 v1)',
    );
    expect(method).toContain('Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025');
    expect(method).toContain('Nomor 933 Tahun 2025');
    expect(method).toContain('2023 tidak tersedia');
    expect(method).toContain('Batas data: Selasa, 30 Juni 2026 pukul 23.59 WITA');
    expect(method).toContain('Data penduduk: BPS Provinsi Kalimantan Selatan');
    const score = page(8);
    expect(score).toContain('Skor = 100 × (0,35 × T + 0,35 × S + 0,15 × K + 0,15 × V)');
    // The worked example, row by row, and its total: the one unit-tested in semester-evaluation.
    expect(score).toContain('T Tindak lanjut pertama tepat waktu 90 dari 100 0,900 0,35 0,3150');
    expect(score).toContain('Skor = 100 × jumlah 84,6');
    expect(score).toContain('Satu dari satu laporan tepat waktu bukan bukti 100%');
    expect(score).toContain('Merah (volume): kurang dari 5 laporan diterima');
    // Which numbers are law and which are settings, with what each is based on.
    expect(score).toContain('Peraturan dan pengaturan');
    expect(score).toContain(
      'Setiap laporan dinilai menurut versi kebijakan yang berlaku pada hari laporan itu diajukan',
    );
    expect(score).toContain('3 HK: kepala daerah; 10 HK: tim provinsi');
    expect(score).toContain('pengaturan produk');
    expect(score).toContain('Housing Ombudsman Inggris');
  });

  it('writes the metadata and declares the document Indonesian', () => {
    expect(content.info).toMatchObject({
      Title: 'Evaluasi Pengelolaan Pengaduan SP4N-LAPOR! Kabupaten Kotabaru, Semester I 2026 (Januari–Juni)',
      Author: 'LAPOR Paman',
      Creator: 'LAPOR Paman pipeline',
      CreationDate: 'D:20260701003000Z',
      Language: 'id-ID',
    });
    expect(content.info.Subject).toContain('Bupati Kotabaru');
    expect(content.info.Keywords).toContain('2026-H1');
  });

  it('prints no NaN, undefined or Infinity', () => {
    expect(allText(content)).not.toMatch(junk);
  });

  it('gives the same bytes for the same input', async () => {
    const again = await renderPdf(
      semesterReportPdf({ report: fixtureRegency('6302'), province: fixtureProvince() }),
    );
    expect(again.equals(pdf)).toBe(true);
  });

  it('rasterises every page with ink on it, and the green flag on the summary', async () => {
    const pngs = await pdfToPngs(pdf, { scale: 1 });
    expect(pngs).toHaveLength(8);
    for (const png of pngs) {
      expect((await countPixels(png, (r, g, b) => r < 200 || g < 200 || b < 200)).count).toBeGreaterThan(
        3_000,
      );
    }
    // #1B7F4B, the HIJAU box: colour plus the word, never colour alone.
    const green = (r: number, g: number, b: number) =>
      Math.abs(r - 0x1b) < 14 && Math.abs(g - 0x7f) < 14 && Math.abs(b - 0x4b) < 14;
    expect((await countPixels(pngs[1]!, green)).count).toBeGreaterThan(5_000);
  });
});

describe('semesterReportPdf edge cases', () => {
  it('renders a regency with no complaint at all with dashes, not NaN', async () => {
    const { content } = await renderRegency(fixtureRegency('6305'));
    const summary = flat(content.pages[1] ?? '');
    expect(allText(content)).not.toMatch(junk);
    expect(summary).toContain('MERAH');
    expect(summary).toContain('Peringkat 13 dari 13');
    expect(summary).toContain('Laporan diterima 0 14 −14');
    expect(summary).toMatch(/batas nasional – tidak ada data 66,7% – 83,5%/);
    expect(summary).toContain('Tidak ada laporan yang diterima selama semester');
    expect(summary).toContain('97 hari tanpa admin penghubung aktif');
    expect(flat(content.pages[3] ?? '')).toContain('Tidak ada data');
    expect(flat(content.pages[5] ?? '')).toContain('Tidak ada laporan pada semester ini.');
  });

  it('warns on the summary page when calendar years are missing', async () => {
    const { content } = await renderRegency(fixtureRegency('6308'));
    expect(allText(content)).not.toMatch(junk);
    expect(flat(content.pages[1] ?? '')).toContain(
      'Perhatian: kalender hari kerja tahun 2023 belum tersedia. Angka yang menyentuh tahun tersebut',
    );
  });

  it('renders a regency without previous semester, population or field-inspection case', async () => {
    const { population: _p, perHundredThousand: _h, ...rest } = fixtureRegency('6311');
    const province = fixtureProvince();
    delete province.method.populationSource;
    const { content } = await renderRegency({ ...rest }, province);
    const summary = flat(content.pages[1] ?? '');
    expect(allText(content)).not.toMatch(junk);
    expect(summary).toContain('Semester lalu: belum ada data pembanding');
    expect(summary).toContain('Laporan per 100.000 penduduk tidak ada data – –');
    expect(summary).toContain('Belum ada data semester lalu untuk daerah ini.');
    expect(allText(content)).toContain('Tidak ada pengaduan berkadar pengawasan pada semester ini.');
    expect(allText(content)).toContain('Data penduduk: sumber data penduduk tidak tersedia');
  });

  it('survives an empty regency in an empty province', async () => {
    const province: ProvinceSemester = {
      ...fixtureProvince(),
      regencies: [],
      totals: {
        received: 0,
        followUpWithinLimit: { numerator: 0, denominator: 0 },
        completedWithinLimit: { numerator: 0, denominator: 0 },
        backlogAtEnd: 0,
        overdueAtEnd: 0,
        byMonth: [],
        averageByMonthPerRegency: [],
      },
    };
    delete province.previousTotals;
    const bare: RankedMetrics = {
      ...fixtureRegency('6305'),
      score: Number.NaN,
      received: {
        total: 0,
        byMonth: [],
        byClassification: fixtureRegency('6305').received.byClassification,
        byCategory: [],
      },
      workingDaysToFollowUp: { count: 0, histogram: [] },
      workingDaysToCompletion: { count: 0, histogram: [] },
      backlogAtEnd: 0,
      overdueAtEnd: 0,
      changeSentences: [],
      calendarGaps: [],
    };
    delete bare.oldestOpen;
    delete bare.previous;
    const { content } = await renderRegency(bare, province);
    expect(allText(content)).not.toMatch(junk);
    expect(allText(content)).toContain('Tidak ada laporan yang masih terbuka pada akhir semester.');
    const summary = await renderPdf(provinceSummaryPdf(province));
    expect(allText(await readPdf(summary))).not.toMatch(junk);
  });
});

describe('provinceSummaryPdf', () => {
  let content: PdfContent;
  const province = fixtureProvince();
  const pageWith = (heading: string) => flat(content.pages.find((p) => p.startsWith(heading)) ?? '');

  beforeAll(async () => {
    content = await readPdf(await renderPdf(provinceSummaryPdf(province)));
  });

  it('summarises the province against the previous semester and counts regencies per flag', () => {
    const summary = pageWith('Ringkasan Provinsi');
    expect(summary).toContain('menerima 1.464 laporan (35,9 per 100.000 penduduk)');
    expect(summary).toContain('Laporan diterima 1.464 1.371 +93 (+6,8%)');
    expect(summary).toMatch(/HIJAU 8 daerah .* KUNING 3 daerah .* MERAH 2 daerah/);
    // Last semester's per-100,000 figure is there (it printed "–" although the data existed).
    expect(summary).toMatch(/Laporan per 100\.000 penduduk 35,9 34,8 \+1,2/);
    expect(summary).toContain('tanpa data: Balangan');
    expect(summary).toContain('Perhatian: kalender hari kerja tahun 2023 belum tersedia (Hulu Sungai Utara)');
  });

  it('lists all 13 regencies in rank order with their figures', () => {
    const ranking = pageWith('Peringkat Kabupaten/Kota');
    const positions = province.regencies.map((r) =>
      ranking.indexOf(
        `${r.rank} ${displayName(r.regencyName)} ${r.score.toFixed(1).replace('.', ',')} ${r.flag.toUpperCase()}`,
      ),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(ranking).toContain('4 Kotabaru 84,5 HIJAU 150 46,1 84,0% 73,6% 83,6% 29 8 12');
    // No complaints: score 0, last, below Balangan (9 complaints, MERAH for volume).
    expect(ranking).toContain('12 Balangan 79,1 MERAH 9 6,9 87,5% 75,0% 87,5% 1 0 0');
    expect(ranking).toContain('13 Tapin 0,0 MERAH 0 0,0 – – – 4 4 97');
  });

  it('names the lagging regencies and why', () => {
    const attention = pageWith('Daerah yang Perlu Perhatian');
    expect(attention).toMatch(
      /MERAH Kabupaten Balangan .* MERAH Kabupaten Tapin .* KUNING Kabupaten Tanah Bumbu .* KUNING Kabupaten Hulu Sungai Utara/,
    );
    expect(attention).toContain('penyelesaian tepat waktu hanya 63,2% (provinsi 85,6%)');
    expect(attention).toContain('97 hari tanpa admin penghubung aktif');
    expect(attention).toContain('tidak ada laporan yang diterima selama semester');
    expect(attention).toContain(
      'volume laporan sangat rendah: 6,9 per 100.000 penduduk, kurang dari seperempat angka provinsi (35,9): status merah (volume)',
    );
    expect(attention).not.toContain('Kota Banjarbaru');
  });

  it('draws the score ranking and the monthly volume, and ends with the shared method page', () => {
    const charts = pageWith('Grafik');
    expect(charts).toContain('Rata-rata provinsi: 74,5');
    expect(charts).toContain('212 Jan 228 Feb 249 Mar 254 Apr 248 Mei 273 Jun');
    const method = flat(content.pages.at(-2) ?? '');
    expect(method).toContain('Metode dan Definisi');
    expect(flat(content.pages.at(-1) ?? '')).toContain('Skor dan Status');
    expect(method).toContain('Nomor 1497 Tahun 2025');
  });

  it('numbers its pages and carries the metadata', () => {
    content.pages.forEach((p, i) => {
      expect(flat(p)).toContain(`Halaman ${i + 1} dari ${content.numPages}`);
    });
    expect(content.info).toMatchObject({
      Title:
        'Ringkasan Evaluasi Pengelolaan Pengaduan SP4N-LAPOR! Provinsi Kalimantan Selatan, Semester I 2026 (Januari–Juni)',
      Author: 'LAPOR Paman',
      Creator: 'LAPOR Paman pipeline',
      Language: 'id-ID',
    });
    expect(allText(content)).not.toMatch(junk);
  });
});

describe("the heads' commitments in the PDFs", () => {
  it('shows per target the commitment against what was achieved, met or not and by how much', async () => {
    const { content } = await renderRegency(fixtureRegency('6302'));
    const page = flat(content.pages[2] ?? '');
    expect(page).toContain('Komitmen Bupati');
    expect(page).toContain('Bupati Kotabaru, ditandatangani 22 Desember 2025');
    expect(page).toContain('berlaku sejak 1 Januari 2026');
    expect(page).toContain('Hasil semester ini: 3 dari 3 target terpenuhi. Komitmen ditepati.');
    // 105 of 125 followed up within 5 HK = 84,0% against 70%: 14 points better.
    expect(page).toContain('84,0% (105 dari 125)');
    expect(page).toContain('lebih baik 14,0 poin');
    expect(page).toContain('lebih baik 21 laporan');
  });

  it('says a regency missed a target, and by how much', async () => {
    const { content } = await renderRegency(fixtureRegency('6301'));
    const page = flat(content.pages[2] ?? '');
    expect(page).toContain('TIDAK TERPENUHI');
    expect(page).toMatch(/Komitmen belum ditepati/);
    expect(page).toMatch(/kurang \d+(,\d)? poin/);
  });

  it('says when a commitment expired or there is none', async () => {
    const tapin = flat((await renderRegency(fixtureRegency('6305'))).content.pages[2] ?? '');
    expect(tapin).toContain('berakhir 31 Desember 2025 dan belum diperbarui');
    const hsu = flat((await renderRegency(fixtureRegency('6308'))).content.pages[2] ?? '');
    expect(hsu).toContain('Belum ada komitmen tertulis Bupati Hulu Sungai Utara');
  });

  it('lists in the province summary which regencies kept their commitments', async () => {
    const content = await readPdf(await renderPdf(provinceSummaryPdf(fixtureProvince())));
    const page = flat(content.pages.find((p) => p.startsWith('Komitmen Kepala Daerah')) ?? '');
    expect(page).toMatch(/^Komitmen Kepala Daerah \d+ dari 11 daerah dengan komitmen yang berlaku menepati/);
    expect(page).toMatch(/Ditepati: [^.]*Kotabaru/);
    expect(page).toMatch(/Tidak ditepati: [^.]*Tanah Laut/);
    expect(page).toContain('Komitmen kedaluwarsa: Tapin.');
    expect(page).toContain('Belum ada komitmen: Hulu Sungai Utara.');
    expect(page).toContain('TANPA KOMITMEN');
    expect(page).toContain('KEDALUWARSA');
    expect(allText(content)).not.toMatch(junk);
  });
});

describe('shared builders', () => {
  it('builds the method section once for both reports', () => {
    const province = fixtureProvince();
    const method = JSON.stringify(methodSection(province));
    expect(JSON.stringify(semesterReportPdf({ report: fixtureRegency('6302'), province }).content)).toContain(
      method.slice(1, -1),
    );
    expect(JSON.stringify(provinceSummaryPdf(province).content)).toContain(method.slice(1, -1));
  });

  it('calls out only the old open complaint for a leading regency', () => {
    const province = fixtureProvince();
    const reasons = fixtureRegency('6371').lagReasons ?? [];
    expect(reasons.map((r) => lagReasonText(r, pdfLagWording(province)))).toEqual([
      'laporan terbuka tertua sudah 120 HK (sejak 18 Des 2025)',
    ]);
  });
});
