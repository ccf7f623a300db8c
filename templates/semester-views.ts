import type { SemesterViews } from '../functions/ports/semester-views';
import { citizensComparison, citizensPage } from './citizens-pdf';
import { inspectionsComparison, inspectionsSection } from './inspections-pdf';
import { provinceSummaryPdf } from './province-summary-pdf';
import { provinceSummaryEmail, regencyReportEmail } from './semester-email';
import { semesterReportPdf } from './semester-report-pdf';

/** The semester job's documents, as the semester use case asks for them (the port it is given). */
export const semesterViews: SemesterViews = {
  regencyReport: (input) =>
    semesterReportPdf(input, [...citizensPage(input.report), ...inspectionsSection(input.report)]),
  regencyLetter: regencyReportEmail,
  provinceSummary: (province) =>
    provinceSummaryPdf(province, [...citizensComparison(province), ...inspectionsComparison(province)]),
  provinceLetter: provinceSummaryEmail,
};
