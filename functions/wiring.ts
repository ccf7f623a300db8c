import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CapacityMeter } from './adapters/capacity';
import { getDocumentClient } from './adapters/clients';
import { DynamoComplaintStore } from './adapters/complaint-store';
import { loadCalendar, loadRegions, loadSlaPolicy } from './adapters/data-files';
import type { AppConfig } from './config';
import type { IngestDeps } from './use-cases/ingest-updates';

export interface WiringOptions {
  doc?: DynamoDBDocumentClient;
  meter?: CapacityMeter;
  clock?: () => Date;
}

/** The data every use case reads: regions, calendar and the configured SLA policy. */
export function domainData(config: AppConfig) {
  return {
    regions: loadRegions(config.dataDir, config.province),
    sla: { calendar: loadCalendar(config.dataDir), policy: loadSlaPolicy(config.dataDir, config.slaPolicy) },
  };
}

/** Dependencies of the ingest use case, from configuration. */
export function ingestDeps(config: AppConfig, options: WiringOptions = {}): IngestDeps {
  return {
    ...domainData(config),
    store: new DynamoComplaintStore(options.doc ?? getDocumentClient(), config.tableName, options.meter),
    clock: options.clock ?? (() => new Date()),
  };
}
