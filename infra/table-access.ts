import type { IndexName } from '../functions/adapters/table-definition';

/**
 * What each function may do on the one table: the DynamoDB actions it really calls, on items whose
 * partition key matches the given patterns (`dynamodb:LeadingKeys`, `*` as in IAM's StringLike),
 * and the indexes it queries. The house construct renders this into the function's role
 * (HouseFunction.bindTable); test/infra proves the template says exactly this, and
 * test/integration/table-grants.test.ts runs each function's use cases against DynamoDB Local and
 * proves every request they send is allowed here, and every grant here is used.
 *
 * Nothing here may delete: no DeleteItem, no BatchWriteItem (a batch may hold deletes), no Scan.
 * Index queries carry no key condition: IAM documents `dynamodb:LeadingKeys` for the table's
 * partition key, and both indexes are keyed by regency, read-only, and hold no personal data.
 */
export type TableAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'ConditionCheckItem';

/** Partition key patterns, one per kind of item (docs/data-model.md). */
export const partitions = {
  complaint: 'C#*',
  aggregate: 'AGG#*',
  roster: 'ROSTER#*',
  /** The heads' commitments, read by the semester job and the daily check. */
  commitment: 'COMMIT#*',
  /** Outreach events, read by the semester job and the site (through the semester view). */
  outreach: 'OUTREACH#*',
  /** Digest, escalation-notice, province-digest and report ledgers. */
  ledger: 'LEDGER#*',
  escalation: 'ESC#*',
  semester: 'SEMESTER#*',
  /** The ingest client registry: one partition, read by the API only. */
  clients: 'CLIENTS',
  /** Each ingest client's write budget, written by the API only. */
  clientBudget: 'RATE#*',
} as const;

export interface ItemGrant {
  /** Statement id in the role's policy. */
  readonly sid: string;
  readonly actions: readonly TableAction[];
  readonly leadingKeys: readonly string[];
}

export interface TableAccess {
  readonly items: readonly ItemGrant[];
  readonly indexQueries: readonly IndexName[];
}

/** The functions of the stateless stack, by the name of their entry point. */
export type FunctionName =
  | 'ingest-api'
  | 'bulk-import'
  | 'check-deadlines'
  | 'semester-start'
  | 'semester-worker'
  | 'publish-site';

const p = partitions;

export const tableAccess: Record<FunctionName, TableAccess> = {
  // Reads the caller's scope, the snapshot (and the history for GET), commits event + snapshot +
  // month counters.
  'ingest-api': {
    items: [
      { sid: 'ReadClientScope', actions: ['GetItem'], leadingKeys: [p.clients] },
      { sid: 'ReadComplaints', actions: ['GetItem', 'Query'], leadingKeys: [p.complaint] },
      { sid: 'WriteComplaints', actions: ['PutItem'], leadingKeys: [p.complaint] },
      { sid: 'CountComplaints', actions: ['UpdateItem'], leadingKeys: [p.aggregate] },
      { sid: 'ClientBudgets', actions: ['UpdateItem'], leadingKeys: [p.clientBudget] },
    ],
    indexQueries: [],
  },
  // The same records as the API, from files; it never reads a history.
  'bulk-import': {
    items: [
      { sid: 'ReadComplaints', actions: ['GetItem'], leadingKeys: [p.complaint] },
      { sid: 'WriteComplaints', actions: ['PutItem'], leadingKeys: [p.complaint] },
      { sid: 'CountComplaints', actions: ['UpdateItem'], leadingKeys: [p.aggregate] },
    ],
    indexQueries: [],
  },
  // Lists what is due per regency, reads roster and day counters, claims and marks its ledgers.
  'check-deadlines': {
    items: [
      {
        sid: 'ReadRosterAndCounters',
        actions: ['Query'],
        // OUTREACH#: the province digest reports an outreach event's result when its after-window ends.
        leadingKeys: [p.roster, p.aggregate, p.commitment, p.outreach],
      },
      // GetItem reads a ledger item whose claim failed (sent already, or another run holds it).
      {
        sid: 'Ledgers',
        actions: ['GetItem', 'PutItem', 'UpdateItem'],
        leadingKeys: [p.ledger, p.escalation],
      },
      { sid: 'ReadEscalations', actions: ['Query'], leadingKeys: [p.escalation] },
    ],
    // inspection-by-plan: the field inspections coming and overdue, listed in the digest.
    indexQueries: ['inspection-by-plan', 'open-by-due'],
  },
  // Only records which regencies the run expects; the workers do the rest.
  'semester-start': {
    items: [{ sid: 'StartRun', actions: ['PutItem'], leadingKeys: [p.semester] }],
    indexQueries: [],
  },
  // Reads one regency's semester (index, then the snapshots), writes metrics, run record, ledgers.
  'semester-worker': {
    items: [
      { sid: 'ReadComplaints', actions: ['BatchGetItem'], leadingKeys: [p.complaint] },
      // AGG# and OUTREACH#: the effect of outreach events is measured on the month counters.
      {
        sid: 'ReadRoster',
        actions: ['Query'],
        leadingKeys: [p.roster, p.commitment, p.outreach, p.aggregate],
      },
      { sid: 'SemesterRun', actions: ['Query', 'PutItem', 'UpdateItem'], leadingKeys: [p.semester] },
      { sid: 'ReportLedger', actions: ['GetItem', 'PutItem', 'UpdateItem'], leadingKeys: [p.ledger] },
    ],
    indexQueries: ['regency-activity'],
  },
  // The public scoreboard: open complaints per regency, month counters, roster, stored metrics.
  'publish-site': {
    items: [
      {
        sid: 'ReadCountersRosterMetrics',
        actions: ['Query'],
        // COMMIT#: the semester view judges the heads' commitments, which the site shows.
        leadingKeys: [p.aggregate, p.roster, p.semester, p.commitment, p.outreach],
      },
    ],
    indexQueries: ['open-by-due'],
  },
};

/** Actions no function may ever be granted on the table. */
export const forbiddenTableActions = ['Scan', 'DeleteItem', 'BatchWriteItem', 'PartiQLDelete', 'DeleteTable'];

/** True when `key` matches an IAM StringLike pattern (`*` any run of characters, `?` one). */
export function matchesPattern(pattern: string, key: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 's').test(key);
}
