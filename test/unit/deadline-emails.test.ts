import { describe, expect, it } from 'vitest';
import type { DigestItem } from '../../functions/domain/deadlines';
import { provinceDigestEmail, provinceListLimit, regencyDigestEmail } from '../../templates/deadline-emails';
import { kalsel } from '../support/data';

const item = (n: number, late: number): DigestItem => ({
  trackingId: `X-${n}`,
  regencyCode: '6302',
  unit: 'Dinas <Uji> & Co',
  category: 'Infrastruktur',
  classification: 'aspirasi',
  status: 'terdisposisi-belum-ditindaklanjuti',
  stage: 'follow-up',
  owner: 'unit',
  due: '2026-03-05T15:59:59.999Z',
  breached: late > 0,
  expired: false,
  workingDaysLate: late,
  newlyBreached: late === 1,
  workingDaysSinceUpdate: late + 5,
});

describe('the deadline e-mails', () => {
  it('say the counts and the regency in the subject, and escape what they quote in HTML', () => {
    const email = regencyDigestEmail({
      province: kalsel().province,
      regency: kalsel().get('6302')!,
      date: '2026-03-06',
      items: [item(1, 1), item(2, 0)],
      laporBaseUrl: 'https://www.lapor.go.id/laporan/detil',
      policyName: 'uji',
      vacant: false,
    });
    expect(email.subject).toBe(
      '[LAPOR Paman] 1 laporan melewati batas waktu, 1 mendekati batas waktu — Kabupaten Kotabaru, Jumat, 6 Maret 2026',
    );
    expect(email.html).toContain('Dinas &lt;Uji&gt; &amp; Co');
    expect(email.html).not.toContain('<Uji>');
    expect(email.text).toContain('X-1 [BARU]');
  });

  it('keep the province digest to the worst cases, most late first, and say how many more there are', () => {
    const many = Array.from({ length: 40 }, (_, n) => item(n, n + 1));
    const email = provinceDigestEmail({
      province: kalsel().province,
      date: '2026-03-06',
      lagging: [],
      escalations: [],
      untouched: many,
      missingCalendarYears: [],
      regencyName: () => 'Kabupaten Kotabaru',
      laporBaseUrl: 'https://www.lapor.go.id/laporan/detil',
      onTimeWindowDays: 30,
      failures: [],
    });
    const rows = email.text.split('\n').filter((l) => /^X-\d+/.test(l));
    expect(rows).toHaveLength(provinceListLimit);
    expect(rows[0]).toMatch(/^X-39\s/);
    expect(email.text).toContain(
      `Ditampilkan ${provinceListLimit} yang paling lama terlambat dari 40 laporan`,
    );
  });
});
