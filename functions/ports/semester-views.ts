import type { ProvinceSemester, RankedMetrics } from '../domain/semester-metrics';
import type { EmailContent } from './mailer';
import type { PdfDocument } from './pdf-renderer';

/**
 * Port: the semester job's documents, laid out and worded by the views (templates/): the PDFs for the
 * use case, the cover letters for the e-mail channel (functions/adapters/email-channel.ts).
 */
export interface SemesterViews {
  /** A regency's evaluation PDF, for its head. */
  regencyReport(input: { report: RankedMetrics; province: ProvinceSemester }): PdfDocument;
  /** The cover letter of a regency's report. */
  regencyLetter(input: { report: RankedMetrics; province: ProvinceSemester }): EmailContent;
  /** The province summary PDF. */
  provinceSummary(province: ProvinceSemester): PdfDocument;
  /** The cover letter of the province summary. */
  provinceLetter(input: { province: ProvinceSemester }): EmailContent;
}
