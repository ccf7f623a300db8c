import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../demo/run';
import { receivedMail, sharedStack } from '../support/local-aws';

describe('npm start (the demo), on a smaller seed', () => {
  it('produces digests, an escalation for the vacant regency, 13 regency PDFs and a province summary, each mailed once', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'demo-'));
    const result = await runDemo({
      stack: await sharedStack(),
      seed: 7,
      complaints: 160,
      outDir,
      rosterFile: fileURL('../../data/roster/63-demo.csv'),
      commitmentsFile: fileURL('../../data/commitments/63-demo.csv'),
      outreachFile: fileURL('../../data/outreach/63-demo.csv'),
    });

    // Digests went to admins of regencies with overdue complaints, on working days only.
    expect(result.workingDaysChecked).toBe(112);
    expect(result.emails.digests).toBeGreaterThan(50);
    const mail = await receivedMail('lapor-paman.example');
    const digests = mail.filter((m) => /(melewati|mendekati) batas waktu/.test(m.subject));
    expect(digests.length).toBe(result.emails.digests);
    // One digest per regency per day at most.
    const perDay = new Set(digests.map((m) => `${m.subject.split(' — ')[1]}`));
    expect(perDay.size).toBe(digests.length);

    // Tapin's vacancy (28 Feb - 22 Mar) reached the province.
    const vacancyNotices = mail.filter(
      (m) =>
        m.subject.includes('Ringkasan harian provinsi') &&
        m.body.text?.includes('Kabupaten Tapin: pengingat tidak dapat dikirim'),
    );
    expect(vacancyNotices.map((m) => m.subject.match(/\d+ \w+ 2026$/)?.[0])).toContain('2 Maret 2026');
    expect(vacancyNotices.some((m) => m.subject.includes('April'))).toBe(false);
    expect(result.vacantDays).toEqual({ '6305': 23 });

    // 13 regency PDFs and the province summary, written and mailed once each.
    const pdfs = readdirSync(path.join(outDir, 'reports'));
    expect(pdfs.filter((f) => f.startsWith('evaluasi-lapor-2026-H1-'))).toHaveLength(13);
    expect(pdfs).toContain('ringkasan-evaluasi-lapor-2026-H1-63.pdf');
    const reports = mail.filter((m) => m.subject.includes('Laporan Evaluasi LAPOR! Semester I 2026'));
    expect(reports).toHaveLength(13);
    expect(new Set(reports.map((m) => m.destination.to.join()))).toHaveProperty('size', 13);
    expect(mail.filter((m) => m.subject.includes('Ringkasan Evaluasi LAPOR!'))).toHaveLength(1);
    expect(result.report.regencies.every((r) => r.delivery?.status === 'sent')).toBe(true);

    // Every e-mail is also an .eml file a person can open.
    const emls = readdirSync(path.join(outDir, 'mail'));
    expect(emls).toHaveLength(result.emails.total);
    // Dated by the replay's clock, not the run's: a mail program files each on its own day.
    const dates = emls.map((f) =>
      Date.parse(/^Date: (.+)$/m.exec(readFileSync(path.join(outDir, 'mail', f), 'utf8'))?.[1] ?? ''),
    );
    expect(dates.every((d) => d >= Date.parse('2026-01-01T00:00:00+08:00'))).toBe(true);
    expect(dates.every((d) => d < Date.parse('2026-07-02T00:00:00+08:00'))).toBe(true);
    expect(new Set(dates.map((d) => new Date(d).toISOString().slice(0, 10))).size).toBeGreaterThan(50);
    expect(readFileSync(path.join(outDir, 'mail', emls[0] as string), 'utf8')).toMatch(
      /^Content-Type: multipart\/alternative|^From: /m,
    );
    expect(existsSync(outDir)).toBe(true);
  }, 300_000);
});

function fileURL(relative: string): string {
  return new URL(relative, import.meta.url).pathname;
}
