import { describe, expect, it } from 'vitest';
import { regencyReportEmail } from '../../templates/semester-email';
import { fixtureProvince } from '../support/semester-fixture';

const letterOf = (code: string) => {
  const province = fixtureProvince();
  const report = province.regencies.find((r) => r.regencyCode === code);
  if (!report) throw new Error(`no regency ${code}`);
  return { report, email: regencyReportEmail({ province, report }) };
};

describe('the cover letter of a regency’s semester report', () => {
  it.each([
    ['6302', 'with a commitment in force'],
    ['6305', 'whose commitment expired'],
    ['6308', 'without a commitment'],
  ])('tells the head of %s (%s) where their commitment stands, in the same words as the PDF', (code) => {
    const { report, email } = letterOf(code);
    const summary = report.commitment?.summary ?? '';
    expect(summary).not.toBe('');
    expect(email.text).toContain(`Komitmen ${report.headTitle}: ${summary}.`);
    expect(email.html).toContain(`Komitmen ${report.headTitle}: ${summary}.`);
  });
});
