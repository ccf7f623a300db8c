import type { SESClient } from '@aws-sdk/client-ses';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CapacityMeter } from './adapters/capacity';
import { DynamoClientRegistry } from './adapters/client-registry';
import { getDocumentClient, getSesClient } from './adapters/clients';
import { CommitmentStore } from './adapters/commitment-store';
import { ComplaintQueries } from './adapters/complaint-queries';
import { DynamoComplaintStore } from './adapters/complaint-store';
import {
  loadCalendar,
  loadCalendarYears,
  loadCitizenData,
  loadDistrictPopulations,
  loadEscalationPolicy,
  loadPopulation,
  loadRegions,
  loadSlaPolicy,
} from './adapters/data-files';
import { Ledger } from './adapters/ledger';
import { SinkMailer } from './adapters/mail-sink';
import { OutreachStore } from './adapters/outreach-store';
import { RosterStore } from './adapters/roster-store';
import { SemesterStore } from './adapters/semester-store';
import { type Mailer, SesMailer } from './adapters/ses-mailer';
import type { ApiDeps } from './api/ingest-routes';
import type { AppConfig } from './config';
import type { DeadlineDeps } from './use-cases/check-deadlines';
import type { IngestDeps } from './use-cases/ingest-updates';
import type { SiteDeps } from './use-cases/publish-site';
import { provinceSemester, type SemesterDeps } from './use-cases/semester-report';

export interface WiringOptions {
  doc?: DynamoDBDocumentClient;
  ses?: SESClient;
  /** Replaces SES entirely (fault injection in tests). */
  mailer?: Mailer;
  meter?: CapacityMeter;
  clock?: () => Date;
}

/** The data every use case reads: regions, calendar and the configured SLA policy. */
export function domainData(config: AppConfig) {
  return {
    regions: loadRegions(config.dataDir, config.province),
    citizens: loadCitizenData(config.dataDir, config.province),
    sla: { calendar: loadCalendar(config.dataDir), policy: loadSlaPolicy(config.dataDir, config.slaPolicy) },
  };
}

/** Dependencies of the ingest use case and its API (with the client registry), from configuration. */
export function ingestDeps(
  config: AppConfig,
  options: WiringOptions = {},
): IngestDeps & ApiDeps & { clients: DynamoClientRegistry } {
  const doc = options.doc ?? getDocumentClient();
  return {
    ...domainData(config),
    store: new DynamoComplaintStore(doc, config.tableName, options.meter),
    clients: new DynamoClientRegistry(doc, config.tableName, options.meter),
    clock: options.clock ?? (() => new Date()),
  };
}

/** The mailer from configuration: SES at the configured sending rate, through the stage's sink if it has one. */
export function mailerFor(config: AppConfig, options: WiringOptions = {}): Mailer {
  const mailer =
    options.mailer ??
    new SesMailer(options.ses ?? getSesClient(), {
      maxPerSecond: config.sesMaxSendRate,
      ...(config.sesConfigurationSet ? { configurationSet: config.sesConfigurationSet } : {}),
    });
  return config.mailSink ? new SinkMailer(mailer, config.mailSink, config.stage) : mailer;
}

/** Dependencies of the daily deadline check, from configuration. */
export function deadlineDeps(config: AppConfig, options: WiringOptions = {}): DeadlineDeps {
  const doc = options.doc ?? getDocumentClient();
  const clock = options.clock ?? (() => new Date());
  return {
    ...domainData(config),
    escalation: loadEscalationPolicy(config.dataDir, config.province),
    queries: new ComplaintQueries(doc, config.tableName, options.meter),
    roster: new RosterStore(doc, config.tableName, options.meter),
    commitments: new CommitmentStore(doc, config.tableName, options.meter),
    ledger: new Ledger(doc, config.tableName, clock, options.meter),
    mailer: mailerFor(config, options),
    senderAddress: config.senderAddress,
    laporBaseUrl: config.laporBaseUrl,
    clock,
  };
}

/**
 * Dependencies of the semester evaluation, from configuration. The PDF renderer and the mailer are
 * passed in by the callers that render and send, so that the other functions' bundles (the semester
 * start only queues work) carry neither pdfmake nor the MIME composer and the SES client.
 */
export function semesterDeps(
  config: AppConfig,
  options: WiringOptions & { renderPdf?: SemesterDeps['renderPdf'] } = {},
): SemesterDeps {
  const doc = options.doc ?? getDocumentClient();
  const clock = options.clock ?? (() => new Date());
  const regions = loadRegions(config.dataDir, config.province);
  return {
    regions,
    calendar: loadCalendar(config.dataDir),
    national: loadSlaPolicy(config.dataDir, regions.province.nationalPolicy),
    provincial: loadSlaPolicy(config.dataDir, regions.province.provincialPolicy),
    population: loadPopulation(config.dataDir, config.province),
    queries: new ComplaintQueries(doc, config.tableName, options.meter),
    roster: new RosterStore(doc, config.tableName, options.meter),
    commitments: new CommitmentStore(doc, config.tableName, options.meter),
    citizens: {
      ...loadCitizenData(config.dataDir, config.province),
      districtPopulations: loadDistrictPopulations(config.dataDir, config.province),
    },
    outreach: {
      events: new OutreachStore(doc, config.tableName, options.meter),
      counters: new ComplaintQueries(doc, config.tableName, options.meter),
    },
    store: new SemesterStore(doc, config.tableName, options.meter),
    ledger: new Ledger(doc, config.tableName, clock, options.meter),
    mailer: options.mailer ?? {
      send: () => {
        throw new Error('this function does not send e-mail: pass mailer to semesterDeps (see mailerFor)');
      },
    },
    renderPdf:
      options.renderPdf ??
      (() => {
        throw new Error('this function does not render PDFs: pass renderPdf to semesterDeps');
      }),
    senderAddress: config.senderAddress,
    clock,
  };
}

/**
 * Dependencies of the public scoreboard's publisher, from configuration: the daily check's policy
 * for "today", the semester job's stored evaluation for the ranking, and where the files go.
 */
export function siteDeps(
  config: AppConfig,
  options: WiringOptions & Pick<SiteDeps, 'target' | 'invalidator'>,
): SiteDeps {
  const semester = semesterDeps(config, options);
  const { sla } = domainData(config);
  return {
    regions: semester.regions,
    sla,
    policies: [semester.national, semester.provincial],
    calendarYears: loadCalendarYears(config.dataDir),
    population: semester.population,
    queries: new ComplaintQueries(options.doc ?? getDocumentClient(), config.tableName, options.meter),
    roster: semester.roster,
    loadSemester: async (semesterId) => {
      try {
        return await provinceSemester(semester, semesterId);
      } catch (error) {
        // Before the semester job's first run there is no evaluation to rank: the site says so.
        if (error instanceof Error && /are missing for/.test(error.message)) return undefined;
        throw error;
      }
    },
    target: options.target,
    ...(options.invalidator ? { invalidator: options.invalidator } : {}),
    clock: semester.clock,
  };
}
