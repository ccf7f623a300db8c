/**
 * The sections of the README's "Operate: alarms and recovery" runbook that alarms point to. Each
 * alarm's description ends with the link to read; a test checks that every anchor is a heading of
 * README.md, so renaming a section without updating this breaks the build, not the night shift.
 */
export const runbook = {
  functionErrors: 'a-function-failed',
  apiErrors: 'the-api-answers-5xx',
  scheduleFailures: 'a-schedule-did-not-run',
  missedCheck: 'a-working-day-without-a-deadline-check',
  claimsInProgress: 'an-e-mail-claim-left-sending',
  newDeadLetters: 'a-new-failure-in-a-dead-letter-queue-that-already-held-one',
  redrive: 're-drive-a-dead-letter-queue',
  deadLetters: {
    DeadlineCheck: 're-drive-the-deadlinecheck-dead-letter-queue',
    SemesterStart: 're-drive-the-semesterstart-dead-letter-queue',
    SemesterWork: 're-drive-the-semesterwork-dead-letter-queue',
    BulkImport: 're-drive-the-bulkimport-dead-letter-queue',
    PublishSite: 're-drive-the-publishsite-dead-letter-queue',
  },
  sesReputation: 'ses-bounce-or-complaint-rate',
  restoreTable: 'restore-the-table-to-a-point-in-time',
  rotateSender: 'rotate-the-sender-identity',
} as const;

/** Every anchor the runbook object names. */
export function runbookAnchors(): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x);
  };
  visit(runbook);
  return out;
}

/** The link an alarm description ends with: `<runbookUrl>#<anchor>`. */
export function runbookLink(runbookUrl: string, anchor: string): string {
  return `${runbookUrl}#${anchor}`;
}

/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
