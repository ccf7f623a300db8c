import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { digestView } from '../../functions/domain/digest-view';
import { parseRegions, type Regions } from '../../functions/domain/regions';
import { regencyDigestEmail } from '../../templates/deadline-emails';
import { footerText } from '../../templates/format';
import { regencyReportEmail } from '../../templates/semester-email';
import { buildSite, sitePaths } from '../../templates/site';
import { dataDir, kalsel } from '../support/data';
import { fixtureScoreboard } from '../support/scoreboard-fixture';
import { fixtureProvince } from '../support/semester-fixture';

/** Kalimantan Selatan's place profile with some of its province fields replaced. */
function kalselWith(fields: Record<string, unknown>): Regions {
  const file = JSON.parse(readFileSync(`${dataDir}/regions/63.json`, 'utf8'));
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete file.province[key];
    else file.province[key] = value;
  }
  return parseRegions(file, '63.json');
}

const kalselOffice =
  'Dinas Komunikasi dan Informatika Provinsi Kalimantan Selatan, Jalan Dharma Praja II, Kawasan Perkantoran Pemerintah Provinsi Kalimantan Selatan, Banjarbaru 70732';
const kalselContact = 'surel diskominfo@kalselprov.go.id, telepon 0511-6749844';

const digestFor = (regions: Regions) =>
  regencyDigestEmail({
    province: regions.province,
    regency: regions.get('6302')!,
    date: '2026-03-06',
    view: digestView([], { date: '2026-03-06', nextWorkingDate: '2026-03-09', zone: regions.zone }),
    laporBaseUrl: 'https://www.lapor.go.id/laporan/detil',
    policyName: 'uji',
    vacant: false,
  });

/** Text with its line breaks and runs of spaces made single spaces (the plain part is wrapped). */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe("the e-mails' footer names the office of the place profile", () => {
  it("names Kalimantan Selatan's office, its address and where to ask, in both parts", () => {
    const email = digestFor(kalsel());
    const footer = `Pesan ini dikirim otomatis oleh LAPOR Paman (SP4N-LAPOR! Provinsi Kalimantan Selatan). Jangan membalas pesan ini; bila ada pertanyaan, hubungi pengelola pengaduan provinsi: ${kalselOffice}; ${kalselContact}.`;
    expect(footerText(kalsel().province)).toBe(footer);
    expect(flat(email.text)).toContain(footer);
    expect(flat(email.html)).toContain(kalselOffice);
    expect(flat(email.html)).toContain(kalselContact);
  });

  it("names it in the semester report's cover letter too", () => {
    const province = fixtureProvince();
    const report = province.regencies[0]!;
    const email = regencyReportEmail({ report, province });
    expect(flat(email.text)).toContain(kalselOffice);
  });

  it('keeps the former sentence for a profile without an office', () => {
    const email = digestFor(kalselWith({ office: undefined }));
    expect(flat(email.text)).toContain(
      'Jangan membalas pesan ini; hubungi tim pengelola pengaduan provinsi bila ada pertanyaan.',
    );
    expect(email.text).not.toContain('Dharma Praja');
  });

  it("follows the profile's office when it changes", () => {
    const office = {
      ...kalsel().province.office,
      name: 'Biro Uji Provinsi Kalimantan Selatan',
      phone: undefined,
    };
    const email = digestFor(kalselWith({ office }));
    expect(flat(email.text)).toContain(
      'hubungi pengelola pengaduan provinsi: Biro Uji Provinsi Kalimantan Selatan,',
    );
    expect(flat(email.text)).toContain('; surel diskominfo@kalselprov.go.id.');
    expect(email.text).not.toContain('telepon');
  });
});

describe("the site words the daily check's time and the office from its view model", () => {
  const page = (files: ReturnType<typeof buildSite>, path: string) =>
    files.find((f) => f.path === path)?.body ?? '';

  it('says 08.00 WITA for Kalimantan Selatan, and names the office in every page footer', () => {
    const board = fixtureScoreboard();
    expect(board.province.dailyCheck).toBe('08:00');
    const files = buildSite(board);
    expect(page(files, sitePaths.province)).toContain('menurut pemeriksaan harian pukul 08.00 WITA.');
    expect(page(files, sitePaths.method)).toContain('setelah pemeriksaan batas waktu pukul 08.00 WITA.');
    for (const f of files.filter((x) => x.path.endsWith('.html')))
      expect(flat(f.body), f.path).toContain(
        `<p>Pengelola: ${kalselOffice}. Pertanyaan: ${kalselContact}.</p></footer>`,
      );
    const json = JSON.parse(page(files, sitePaths.json));
    expect(json.province).toMatchObject({
      dailyCheck: '08:00',
      office: { name: 'Dinas Komunikasi dan Informatika Provinsi Kalimantan Selatan', postalCode: '70732' },
    });
  });

  it("says another time when the province's profile names another", () => {
    const regions = kalselWith({ schedule: { dailyCheck: '07:30', semesterStart: '07:00' } });
    const files = buildSite(fixtureScoreboard({ regions }));
    expect(page(files, sitePaths.province)).toContain('menurut pemeriksaan harian pukul 07.30 WITA.');
    expect(page(files, sitePaths.method)).toContain('setelah pemeriksaan batas waktu pukul 07.30 WITA.');
    // (The fixture's figures are still as of 08.00: that is the instant of its data, not the schedule.)
    for (const f of files)
      expect(f.body, f.path).not.toMatch(/pemeriksaan (harian|batas waktu) pukul 08\.00/);
  });

  it('leaves the office out of the footer when the profile names none', () => {
    const files = buildSite(fixtureScoreboard({ regions: kalselWith({ office: undefined }) }));
    expect(page(files, sitePaths.province)).not.toContain('Pengelola:');
  });
});
