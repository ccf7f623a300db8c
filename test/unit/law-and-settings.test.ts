import { describe, expect, it } from 'vitest';
import { loadEscalationPolicy } from '../../functions/adapters/data-files';
import { lawAndSettings } from '../../functions/domain/law-and-settings';
import { policyHistory, policyInForce } from '../../functions/domain/sla-policy';
import { buildSite } from '../../templates/site';
import { dataDir, nationalPolicy } from '../support/data';
import { fixtureScoreboard } from '../support/scoreboard-fixture';

describe('law and settings on the method pages', () => {
  const escalation = loadEscalationPolicy(dataDir, '63');

  it('names the limits as law and every threshold, weight and minimum as a setting, from the values used', () => {
    const law = lawAndSettings({ national: nationalPolicy(), escalation });
    expect(law.notes.map((n) => [n.subject, n.kind])).toEqual([
      ['Batas waktu verifikasi, tindak lanjut, penyelesaian, dan penutupan', 'peraturan'],
      ['Eskalasi keterlambatan', 'pengaturan provinsi'],
      ['Bobot skor', 'pengaturan produk'],
      ['Status hijau, kuning, merah', 'pengaturan produk'],
      ['Bukti minimum', 'pengaturan produk'],
    ]);
    expect(law.notes[0]?.basis).toContain('PermenPANRB 5/2025');
    expect(law.notes[1]?.value).toBe('3 HK: kepala daerah; 10 HK: tim provinsi');
    expect(law.notes[2]?.value).toBe('T 0,35, S 0,35, K 0,15, V 0,15');
    expect(law.notes[3]?.value).toContain('hijau ≥ 75, kuning ≥ 50');
    expect(law.notes[4]?.basis).toContain('Housing Ombudsman');
    // 5/2025's limits are carried over unverified: the page says so.
    expect(law.unverified).toContain('belum dapat dibaca');
  });

  it('follows a changed escalation setting and says nothing is unverified once the limits are confirmed', () => {
    const confirmed = { ...policyInForce(nationalPolicy(), '2026-01-01'), unverifiedLimits: {} };
    const law = lawAndSettings({
      national: policyHistory('nasional', [confirmed]),
      escalation: { ...escalation, levels: [{ level: 1, minWorkingDaysLate: 5, notify: 'province' }] },
    });
    expect(law.notes[1]?.value).toBe('5 HK: tim provinsi');
    expect(law.unverified).toBeUndefined();
  });

  it('shows them on the site method page', () => {
    const method = buildSite(fixtureScoreboard()).find((f) => f.path === 'metode.html');
    const html = method?.body ?? '';
    expect(html).toContain('Peraturan dan pengaturan');
    expect(html).toContain('pengaturan produk');
    expect(html).toContain('untuk laporan yang diajukan sejak 1 Mei 2025');
  });
});
