/**
 * Key formats of the single table (see docs/data-model.md). Instants in keys are UTC ISO strings
 * with milliseconds, so that string order is time order.
 */
export const keys = {
  complaint: (trackingId: string) => `C#${trackingId}`,
  snapshotSk: 'SNAP',
  eventSk: (sourceUpdateId: string) => `EV#${sourceUpdateId}`,
  eventPrefix: 'EV#',
  /** open-by-due: open complaints of a regency, by due instant of the current stage. */
  openPk: (regencyCode: string) => `OPEN#${regencyCode}`,
  openSk: (due: string | undefined, trackingId: string) => `${due ? utc(due) : '~PAUSED'}#${trackingId}`,
  /** regency-activity: every complaint of a regency, by closing instant; open ones last. */
  activityPk: (regencyCode: string) => `REG#${regencyCode}`,
  activitySk: (closedAt: string | undefined, trackingId: string) =>
    closedAt ? `${utc(closedAt)}#${trackingId}` : `OPEN#${trackingId}`,
  /** inspection-by-plan: open complaints with a field inspection planned and not done, by planned date. */
  inspectionPk: (regencyCode: string) => `INSP#${regencyCode}`,
  inspectionSk: (plannedOn: string, trackingId: string) => `${plannedOn}#${trackingId}`,
  aggregatePk: (regencyCode: string) => `AGG#${regencyCode}`,
  monthSk: (month: string) => `M#${month}`,
  daySk: (day: string) => `D#${day}`,
  roster: (code: string) => `ROSTER#${code}`,
  /** The heads' commitments of a regency, sk FROM#<effective date>. */
  commitments: (regencyCode: string) => `COMMIT#${regencyCode}`,
  /** Outreach events of a regency, sk EV#<date>#<kind>#<place hash>. */
  outreach: (regencyCode: string) => `OUTREACH#${regencyCode}`,
  /** The ingest client registry: one partition, one item per IAM principal (sort key). */
  clients: 'CLIENTS',
  /** One ingest client's write budget (functions/adapters/client-budget.ts). */
  clientBudget: (principal: string) => `RATE#${principal}`,
} as const;

/** An instant as a sortable UTC ISO string with milliseconds. */
export function utc(instant: string): string {
  return new Date(instant).toISOString();
}
