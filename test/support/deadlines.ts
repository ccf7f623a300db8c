import { randomUUID } from 'node:crypto';
import { CapacityMeter } from '../../functions/adapters/capacity';
import { createDocumentClient } from '../../functions/adapters/clients';
import { DynamoComplaintQueries } from '../../functions/adapters/complaint-queries';
import { DynamoComplaintStore } from '../../functions/adapters/complaint-store';
import { loadEscalationPolicy } from '../../functions/adapters/data-files';
import { EmailChannel } from '../../functions/adapters/email-channel';
import { Ledger } from '../../functions/adapters/ledger';
import { CommitmentStore, RosterStore } from '../../functions/adapters/province-data-store';
import { SesMailer } from '../../functions/adapters/ses-mailer';
import { spreadsheetRows } from '../../functions/adapters/spreadsheet';
import type { RosterEntry } from '../../functions/domain/roster';
import type { SlaRules } from '../../functions/domain/sla-policy';
import type { Mailer } from '../../functions/ports/mailer';
import type { DeadlineDeps } from '../../functions/use-cases/check-deadlines';
import type { FileImportDeps } from '../../functions/use-cases/import-file';
import type { IngestDeps } from '../../functions/use-cases/ingest-updates';
import { recordUpdate } from '../../functions/use-cases/ingest-updates';
import { deadlineViews } from '../../templates/deadline-emails';
import { calendar, dataDir, kalsel, nationalPolicy } from './data';
import { anUpdate } from './fixtures';
import { freshTable, localDynamoDbClient, localSesClient } from './local-aws';

/**
 * A deadline-check world against a fresh table in DynamoDB Local and the SES emulator. Every
 * address ends in a domain unique to the test, so tests can find their own mail in the store.
 */
export async function deadlineWorld(options: { policy?: SlaRules } = {}) {
  const tableName = await freshTable('deadline');
  const doc = createDocumentClient(localDynamoDbClient());
  const meter = new CapacityMeter();
  const domain = `t${randomUUID().slice(0, 8)}.example`;
  const sla = { calendar: calendar(), policy: options.policy ?? nationalPolicy() };
  const realMailer = new SesMailer(localSesClient(), { maxPerSecond: Number.POSITIVE_INFINITY });
  let mailer: Mailer = realMailer;
  let now = new Date('2026-03-02T08:00:00+08:00');
  const clock = () => now;
  const deps = (): DeadlineDeps & { ledger: Ledger } => ({
    regions: kalsel(),
    sla,
    escalation: loadEscalationPolicy(dataDir, '63'),
    queries: new DynamoComplaintQueries(doc, tableName, meter),
    roster: new RosterStore(doc, tableName, meter),
    commitments: new CommitmentStore(doc, tableName, meter),
    ledger: new Ledger(doc, tableName, clock, meter),
    channels: [new EmailChannel(mailer, `LAPOR Paman <no-reply@${domain}>`, { deadline: deadlineViews })],
    laporBaseUrl: 'https://www.lapor.go.id/laporan/detil',
    clock,
  });
  const ingest: IngestDeps & FileImportDeps = {
    readRows: spreadsheetRows,
    store: new DynamoComplaintStore(doc, tableName, kalsel().zone, meter),
    regions: kalsel(),
    sla,
    clock,
  };
  const person = (
    code: string,
    role: RosterEntry['role'],
    local: string,
    from = '2025-01-01',
    to?: string,
  ): RosterEntry => ({
    code,
    role,
    name: `${role} ${code} ${local}`,
    email: `${local}.${code}@${domain}`,
    from,
    ...(to ? { to } : {}),
    decree: 'SK uji',
  });
  return {
    tableName,
    doc,
    sla,
    meter,
    domain,
    deps,
    ingest,
    person,
    roster: new RosterStore(doc, tableName),
    commitments: new CommitmentStore(doc, tableName),
    setNow: (instant: string) => {
      now = new Date(instant);
    },
    setMailer: (m: Mailer) => {
      mailer = m;
    },
    realMailer,
  };
}

/**
 * Tanah Laut (6301) with an admin, a head and the province team, and one complaint submitted Mon 2
 * Feb 2026 and never touched: due Thu 5 Feb, by Mon 2 Mar 15 working days late, so that day's check
 * sends the admin's digest, the head's notice and the province's digest. The world of the e-mail
 * ledger's fault tests and the missed-day catch-up.
 */
export async function oneLateComplaintWorld() {
  const w = await deadlineWorld();
  await w.roster.replace([
    w.person('6301', 'admin', 'a'),
    w.person('6301', 'head', 'h'),
    w.person('63', 'province', 'p'),
  ]);
  w.setNow('2026-02-02T09:00:00+08:00');
  await recordUpdate(
    w.ingest,
    anUpdate({
      trackingId: 'L-6301',
      regencyCode: '6301',
      occurredAt: '2026-02-02T09:00:00+08:00',
      sourceUpdateId: 'L-1',
    }),
    'test',
  );
  return w;
}
