import type { SESClient } from '@aws-sdk/client-ses';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CapacityMeter } from '../../functions/adapters/capacity';
import { DynamoClientWriteBudget } from '../../functions/adapters/client-budget';
import { DynamoClientRegistry } from '../../functions/adapters/client-registry';
import { getDocumentClient } from '../../functions/adapters/clients';
import { DynamoComplaintStore } from '../../functions/adapters/complaint-store';
import {
  loadCalendar,
  loadCitizenData,
  loadRegions,
  loadSlaPolicy,
} from '../../functions/adapters/data-files';
import { spreadsheetRows } from '../../functions/adapters/spreadsheet';
import type { ApiDeps } from '../../functions/api/ingest-routes';
import { clientUpdatesPerSecond } from '../../functions/domain/client-budget';
import type { Mailer } from '../../functions/ports/mailer';
import type { NotificationChannel } from '../../functions/ports/notification-channel';
import type { FileImportDeps } from '../../functions/use-cases/import-file';
import type { IngestDeps } from '../../functions/use-cases/ingest-updates';
import type { AppConfig } from './config';

/**
 * The ingest side of the composition (handlers/support/compose.ts has the rest and re-exports this):
 * apart, so that the ingest API's bundle carries no store, view or channel of the jobs.
 */
export interface WiringOptions {
  doc?: DynamoDBDocumentClient;
  ses?: SESClient;
  /** Replaces SES entirely (fault injection in tests). */
  mailer?: Mailer;
  /**
   * Channels beside the e-mail, each sent every message exactly once on its own (none is built
   * yet: a chat channel would be composed here; the tests plug one in).
   */
  channels?: readonly NotificationChannel[];
  meter?: CapacityMeter;
  clock?: () => Date;
}

/** The data every use case reads: regions, calendar and the configured SLA policy. */
export function domainData(config: AppConfig) {
  const regions = loadRegions(config.dataDir, config.province);
  return {
    regions,
    citizens: loadCitizenData(config.dataDir, config.province),
    sla: {
      calendar: loadCalendar(config.dataDir, regions.zone),
      policy: loadSlaPolicy(config.dataDir, config.slaPolicy),
    },
  };
}

/** Dependencies of the ingest use case and its API (with the client registry), from configuration. */
export function ingestDeps(
  config: AppConfig,
  options: WiringOptions = {},
): IngestDeps & ApiDeps & { clients: DynamoClientRegistry } {
  const doc = options.doc ?? getDocumentClient();
  const data = domainData(config);
  return {
    ...data,
    store: new DynamoComplaintStore(doc, config.tableName, data.regions.zone, options.meter),
    clients: new DynamoClientRegistry(doc, config.tableName, options.meter),
    clock: options.clock ?? (() => new Date()),
    ...(config.backdateWindowDays ? { backdateWindowDays: config.backdateWindowDays } : {}),
  };
}

/** Dependencies of a file import (the bulk import, `lapor-paman ingest`): the ingest's, with the CSV/XLSX reader. */
export function importDeps(config: AppConfig, options: WiringOptions = {}): FileImportDeps {
  return { ...ingestDeps(config, options), readRows: spreadsheetRows };
}

/**
 * Dependencies of the ingest API: the ingest's, with each client's write budget, shared by every
 * instance through the table (issue 23, finding 5). Only the API: the import and the demo have none.
 */
export function ingestApiDeps(config: AppConfig, options: WiringOptions = {}): ApiDeps {
  const doc = options.doc ?? getDocumentClient();
  return {
    ...ingestDeps(config, { ...options, doc }),
    budget: new DynamoClientWriteBudget(
      doc,
      config.tableName,
      clientUpdatesPerSecond(process.env),
      options.meter,
    ),
  };
}
