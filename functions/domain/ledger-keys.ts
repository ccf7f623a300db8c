/**
 * Where each delivery is recorded in the ledger: one key per (message kind, day or semester, scope).
 * Pure naming, shared by the use cases that deliver and the ledger adapter (docs/exactly-once.md).
 */
export interface LedgerKey {
  pk: string;
  sk: string;
}

export const ledgerKeys = {
  digest: (date: string, regencyCode: string): LedgerKey => ({
    pk: `LEDGER#DIGEST#${date}`,
    sk: regencyCode,
  }),
  escalationNotice: (date: string, regencyCode: string): LedgerKey => ({
    pk: `LEDGER#ESCALATION#${date}`,
    sk: regencyCode,
  }),
  provinceDigest: (date: string, provinceCode: string): LedgerKey => ({
    pk: `LEDGER#PROVINCE#${date}`,
    sk: provinceCode,
  }),
  /**
   * One per (complaint, stage, level), filed per regency by the stage's due instant, so that a
   * run reads the records of its overdue complaints with one range query, not one read each.
   */
  escalation: (
    regencyCode: string,
    due: string,
    trackingId: string,
    stage: string,
    level: number,
  ): LedgerKey => ({
    pk: ledgerKeys.escalationPartition(regencyCode),
    sk: `${due}#${trackingId}#${stage}#${level}`,
  }),
  escalationPartition: (regencyCode: string) => `ESC#${regencyCode}`,
  /** One per arrival on a regency's liaison seat: the handover digest, and the line to the outgoing admin and head. */
  handover: (regencyCode: string, since: string, recipient: string): LedgerKey => ({
    pk: `LEDGER#HANDOVER#${regencyCode}`,
    sk: `${since}#${recipient.toLowerCase()}`,
  }),
  handoverNotice: (regencyCode: string, since: string, recipient: string): LedgerKey => ({
    pk: `LEDGER#HANDOVER#${regencyCode}`,
    sk: `${since}#${recipient.toLowerCase()}#notice`,
  }),
  report: (semester: string, regencyCode: string, recipient: string): LedgerKey => ({
    pk: `LEDGER#REPORT#${semester}`,
    sk: `${regencyCode}#${recipient.toLowerCase()}`,
  }),
} as const;
