/**
 * Where each delivery is recorded in the ledger: one key per (message kind, day or semester, scope,
 * channel). Pure naming, shared by the use cases that deliver and the ledger adapter
 * (docs/exactly-once.md).
 */
export interface LedgerKey {
  pk: string;
  sk: string;
}

/** The first channel, whose keys were written before there could be a second one. */
export const emailChannel = 'email';

/**
 * A key on a channel: each channel's send is exactly-once on its own. E-mail's keys carry no mark:
 * they are the keys written before channels existed, so a re-run after deploy finds what was
 * already mailed. Another channel's keys end in `~<channel>` (after every character of a sort key
 * here but "~", so an escalation's key stays within its partition's date range).
 */
const on = (channel: string, key: LedgerKey): LedgerKey =>
  channel === emailChannel ? key : { pk: key.pk, sk: `${key.sk}~${channel}` };

export const ledgerKeys = {
  digest: (date: string, regencyCode: string, channel: string): LedgerKey =>
    on(channel, { pk: `LEDGER#DIGEST#${date}`, sk: regencyCode }),
  escalationNotice: (date: string, regencyCode: string, channel: string): LedgerKey =>
    on(channel, { pk: `LEDGER#ESCALATION#${date}`, sk: regencyCode }),
  provinceDigest: (date: string, provinceCode: string, channel: string): LedgerKey =>
    on(channel, { pk: `LEDGER#PROVINCE#${date}`, sk: provinceCode }),
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
    channel: string,
  ): LedgerKey =>
    on(channel, {
      pk: ledgerKeys.escalationPartition(regencyCode),
      sk: `${due}#${trackingId}#${stage}#${level}`,
    }),
  escalationPartition: (regencyCode: string) => `ESC#${regencyCode}`,
  /**
   * One per arrival on a regency's liaison seat: the handover digest, and the line to the outgoing
   * admin and head. `person`: the arriving admin's `personKey` (functions/domain/roster.ts).
   */
  handover: (regencyCode: string, since: string, person: string, channel: string): LedgerKey =>
    on(channel, { pk: `LEDGER#HANDOVER#${regencyCode}`, sk: `${since}#${person.toLowerCase()}` }),
  handoverNotice: (regencyCode: string, since: string, person: string, channel: string): LedgerKey =>
    on(channel, { pk: `LEDGER#HANDOVER#${regencyCode}`, sk: `${since}#${person.toLowerCase()}#notice` }),
  /** One per recipient of a semester report; `person`: the recipient's `personKey` (functions/domain/roster.ts). */
  report: (semester: string, regencyCode: string, person: string, channel: string): LedgerKey =>
    on(channel, { pk: `LEDGER#REPORT#${semester}`, sk: `${regencyCode}#${person.toLowerCase()}` }),
} as const;
