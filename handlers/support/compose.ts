import { getDocumentClient, getSesClient } from '../../functions/adapters/clients';
import { DynamoComplaintQueries } from '../../functions/adapters/complaint-queries';
import {
  loadCalendar,
  loadCalendarYears,
  loadCitizenData,
  loadDistrictPopulations,
  loadEscalationPolicy,
  loadPopulation,
  loadRegions,
  loadSlaPolicy,
} from '../../functions/adapters/data-files';
import { EmailChannel, type EmailWording } from '../../functions/adapters/email-channel';
import { Ledger } from '../../functions/adapters/ledger';
import { SinkMailer } from '../../functions/adapters/mail-sink';
import { CommitmentStore, OutreachStore, RosterStore } from '../../functions/adapters/province-data-store';
import { DynamoSemesterStore } from '../../functions/adapters/semester-store';
import { SesMailer } from '../../functions/adapters/ses-mailer';
import type { DeadlineViews } from '../../functions/ports/deadline-views';
import type { Mailer } from '../../functions/ports/mailer';
import type { NotificationChannel } from '../../functions/ports/notification-channel';
import type { RenderPdf } from '../../functions/ports/pdf-renderer';
import type { SemesterViews } from '../../functions/ports/semester-views';
import type { CdnInvalidator, SiteTarget } from '../../functions/ports/site-target';
import type { SiteView } from '../../functions/ports/site-view';
import type { DeadlineDeps } from '../../functions/use-cases/check-deadlines';
import type { SiteDeps } from '../../functions/use-cases/publish-site';
import {
  provinceSemester,
  type SemesterDeliveryDeps,
  type SemesterDeps,
} from '../../functions/use-cases/semester-report';
/**
 * Composition: which adapter stands behind each port, from configuration. Each entry point
 * (handlers/*.ts, the CLI's commands, `npm start`) asks for the dependencies of the one use case it
 * runs and passes the views it renders with, so that a function's bundle carries only its own
 * templates, pdfmake only where PDFs are rendered and the SES client only where mail is sent. The
 * ingest side lives in compose-ingest.ts, so the ingest API's bundle carries none of the rest.
 */
import { domainData, type WiringOptions } from './compose-ingest';
import type { AppConfig } from './config';

export { domainData, importDeps, ingestApiDeps, ingestDeps, type WiringOptions } from './compose-ingest';

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

/** The channels a job sends on: e-mail, worded by `wording`, then any other composed. */
export function channelsFor(
  config: AppConfig,
  options: WiringOptions,
  wording: EmailWording,
): NotificationChannel[] {
  return [
    new EmailChannel(mailerFor(config, options), config.senderAddress, wording),
    ...(options.channels ?? []),
  ];
}

/** Dependencies of the daily deadline check, from configuration, its e-mails worded by `views`. */
export function deadlineDeps(
  config: AppConfig,
  options: WiringOptions & { views: DeadlineViews },
): DeadlineDeps {
  const doc = options.doc ?? getDocumentClient();
  const clock = options.clock ?? (() => new Date());
  return {
    ...domainData(config),
    escalation: loadEscalationPolicy(config.dataDir, config.province),
    queries: new DynamoComplaintQueries(doc, config.tableName, options.meter),
    roster: new RosterStore(doc, config.tableName, options.meter),
    commitments: new CommitmentStore(doc, config.tableName, options.meter),
    outreach: {
      events: new OutreachStore(doc, config.tableName, options.meter),
      counters: new DynamoComplaintQueries(doc, config.tableName, options.meter),
      populations: new Map(
        [...loadPopulation(config.dataDir, config.province)].map(([code, p]) => [code, p.value]),
      ),
    },
    ledger: new Ledger(doc, config.tableName, clock, options.meter),
    channels: channelsFor(config, options, { deadline: options.views }),
    laporBaseUrl: config.laporBaseUrl,
    clock,
  };
}

/**
 * Dependencies of the semester evaluation's computing and ranking (the semester start, the
 * scoreboard's ranking): it neither renders nor mails.
 */
export function semesterDeps(config: AppConfig, options: WiringOptions = {}): SemesterDeps {
  const doc = options.doc ?? getDocumentClient();
  const regions = loadRegions(config.dataDir, config.province);
  return {
    regions,
    calendar: loadCalendar(config.dataDir, regions.zone),
    national: loadSlaPolicy(config.dataDir, regions.province.nationalPolicy),
    provincial: loadSlaPolicy(config.dataDir, regions.province.provincialPolicy),
    escalation: loadEscalationPolicy(config.dataDir, config.province),
    population: loadPopulation(config.dataDir, config.province),
    queries: new DynamoComplaintQueries(doc, config.tableName, options.meter),
    roster: new RosterStore(doc, config.tableName, options.meter),
    commitments: new CommitmentStore(doc, config.tableName, options.meter),
    citizens: {
      ...loadCitizenData(config.dataDir, config.province),
      districtPopulations: loadDistrictPopulations(config.dataDir, config.province),
    },
    outreach: {
      events: new OutreachStore(doc, config.tableName, options.meter),
      counters: new DynamoComplaintQueries(doc, config.tableName, options.meter),
    },
    store: new DynamoSemesterStore(doc, config.tableName, options.meter),
    clock: options.clock ?? (() => new Date()),
  };
}

/**
 * Dependencies of the semester reports' rendering and delivery: the PDF renderer and the views are
 * passed in by the callers that render, so that other bundles carry neither pdfmake nor the templates.
 */
export function semesterDeliveryDeps(
  config: AppConfig,
  options: WiringOptions & { renderPdf: RenderPdf; views: SemesterViews },
): SemesterDeliveryDeps {
  const semester = semesterDeps(config, options);
  return {
    ...semester,
    ledger: new Ledger(options.doc ?? getDocumentClient(), config.tableName, semester.clock, options.meter),
    channels: channelsFor(config, options, { semester: options.views }),
    renderPdf: options.renderPdf,
    views: options.views,
  };
}

/**
 * Dependencies of the public scoreboard's publisher, from configuration: the daily check's policy
 * for "today", the semester job's stored evaluation for the ranking, and where the files go.
 */
export function siteDeps(
  config: AppConfig,
  options: WiringOptions & { view: SiteView; target: SiteTarget; invalidator?: CdnInvalidator },
): SiteDeps {
  const semester = semesterDeps(config, options);
  const { sla } = domainData(config);
  return {
    regions: semester.regions,
    sla,
    policies: [semester.national, semester.provincial],
    calendarYears: loadCalendarYears(config.dataDir),
    population: semester.population,
    queries: new DynamoComplaintQueries(options.doc ?? getDocumentClient(), config.tableName, options.meter),
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
    view: options.view,
    target: options.target,
    ...(options.invalidator ? { invalidator: options.invalidator } : {}),
    clock: semester.clock,
  };
}
