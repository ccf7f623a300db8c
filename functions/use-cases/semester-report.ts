import { DateTime } from 'luxon';
import type { CalendarYear, WorkingCalendar } from '../domain/calendar';
import { citizenFigures, withProvinceChannels } from '../domain/citizen-figures';
import type { DistrictPopulation } from '../domain/citizens';
import { withCommitments } from '../domain/commitments';
import type { EscalationPolicy } from '../domain/escalation';
import { lawAndSettings } from '../domain/law-and-settings';
import { type LedgerKey, ledgerKeys } from '../domain/ledger-keys';
import { definitions, flagRule, scoreFormula } from '../domain/method-text';
import { outreachRule, outreachSettings } from '../domain/outreach';
import type { Population } from '../domain/population';
import type { Regions } from '../domain/regions';
import { personKey, provinceTeamOn, type RosterEntry, recipientsOn } from '../domain/roster';
import { parseSemester, previousSemester, type Semester, semesterLabel } from '../domain/semester';
import { evaluateRegency, rankProvince, workedScoreExample } from '../domain/semester-evaluation';
import type { ProvinceSemester, RankedMetrics, RegencyMetrics } from '../domain/semester-metrics';
import { appliedRulesCitation, policyInForce, type SlaRules } from '../domain/sla-policy';
import type { CitizenData } from '../domain/update';
import type { ComplaintQueries } from '../ports/complaint-queries';
import type { DeliveryLedger } from '../ports/ledger';
import type { Message, NotificationChannel } from '../ports/notification-channel';
import type { RenderPdf } from '../ports/pdf-renderer';
import type { CommitmentDirectory, RosterDirectory } from '../ports/province-data';
import type { SemesterStore } from '../ports/semester-store';
import type { SemesterViews } from '../ports/semester-views';
import { deliverOnce } from './deliver-once';
import { measureOutreach, type OutreachDeps } from './outreach-effects';

export interface SemesterDeps {
  regions: Regions;
  calendar: WorkingCalendar;
  national: SlaRules;
  provincial: SlaRules;
  /** The escalation settings, named on the method page as settings (optional: left out when absent). */
  escalation?: EscalationPolicy;
  population: ReadonlyMap<string, Population>;
  queries: Pick<ComplaintQueries, 'closedSince'>;
  roster: RosterDirectory;
  /** The heads' commitments; without it the reports do not judge commitments. */
  commitments?: CommitmentDirectory;
  /** The citizens' data files; without them the figures carry no channels, kecamatan or ratings. */
  citizens?: CitizenData & { districtPopulations?: readonly DistrictPopulation[] };
  /** Outreach events and the month counters their effect is measured on; without them, no outreach figures. */
  outreach?: OutreachDeps;
  store: SemesterStore;
  clock: () => Date;
}

/** What rendering and sending the reports adds (the semester worker, the CLI, `npm start`). */
export interface SemesterDeliveryDeps extends SemesterDeps {
  ledger: DeliveryLedger;
  /** Where the reports go: each recipient on every channel, exactly once on each (e-mail is the one built). */
  channels: readonly NotificationChannel[];
  renderPdf: RenderPdf;
  /** The PDFs' layout and words (templates/); the cover letters are the channel's. */
  views: Pick<SemesterViews, 'regencyReport' | 'provinceSummary'>;
}

/**
 * Phase one, one regency: reads its complaints active since the previous semester began (one index
 * query and batched reads of that regency only), evaluates this semester and the previous one, and
 * stores both for the ranking.
 */
export async function computeRegencySemester(deps: SemesterDeps, semesterId: string, regencyCode: string) {
  const semester = parseSemester(semesterId, deps.regions.zone);
  const previous = previousSemester(semester, deps.regions.zone);
  const regency = deps.regions.get(regencyCode);
  if (!regency) throw new Error(`${regencyCode} is not a regency of province ${deps.regions.province.code}`);
  const [snapshots, roster] = await Promise.all([
    deps.queries.closedSince(regencyCode, previous.start, true),
    deps.roster.listMany([regencyCode]),
  ]);
  const population = deps.population.get(regencyCode);
  const citizens = deps.citizens;
  const evaluate = (s: Semester) => ({
    ...evaluateRegency({
      semester: s,
      regency,
      snapshots,
      national: deps.national,
      provincial: deps.provincial,
      calendar: deps.calendar,
      roster,
      ...(population ? { population } : {}),
    }),
    ...(citizens
      ? citizenFigures({
          regencyCode,
          // The semester's cohort: complaints submitted in it.
          cohort: snapshots.filter(
            (x) =>
              Date.parse(x.submittedAt) >= Date.parse(s.start) &&
              Date.parse(x.submittedAt) <= Date.parse(s.end),
          ),
          mapping: citizens.mapping,
          ...(citizens.districts ? { districts: citizens.districts } : {}),
          ...(citizens.districtPopulations ? { districtPopulations: citizens.districtPopulations } : {}),
        })
      : {}),
  });
  const current = evaluate(semester);
  const before = evaluate(previous);
  await deps.store.putMetrics(semester.id, current, before);
  return { current, previous: before, complaintsRead: snapshots.length };
}

/** Phase two's input: every regency's stored metrics, ranked into the province view. */
export async function provinceSemester(deps: SemesterDeps, semesterId: string): Promise<ProvinceSemester> {
  const semester = parseSemester(semesterId, deps.regions.zone);
  const stored = await deps.store.listMetrics(semester.id);
  const missing = deps.regions.regencies.filter((r) => !stored.some((m) => m.current.regencyCode === r.code));
  if (missing.length > 0)
    throw new Error(`metrics of ${semester.id} are missing for ${missing.map((r) => r.code).join(', ')}`);
  const years = deps.calendar.years.filter((y) => y.year >= semester.year - 1 && y.year <= semester.year + 1);
  const ranked = rankProvince({
    semester,
    semesterLabel: semesterLabel(semester),
    previousSemesterLabel: semesterLabel(previousSemester(semester, deps.regions.zone)),
    province: deps.regions.province,
    current: stored.map((m) => m.current),
    previous: new Map(
      stored.flatMap((m) => (m.previous ? [[m.current.regencyCode, m.previous] as const] : [])),
    ),
    method: methodOf(
      deps,
      semester,
      years,
      stored.map((m) => m.current),
    ),
  });
  const withCitizens = await withOutreach(deps, semester, {
    ...ranked,
    regencies: withProvinceChannels(ranked.regencies),
  });
  if (!deps.commitments) return withCitizens;
  const commitments = await deps.commitments.listMany(deps.regions.regencies.map((r) => r.code));
  return withCommitments(withCitizens, commitments, semester.lastDate);
}

/**
 * Each regency's outreach events from six months before the semester to its end, with their effect
 * as of the day after the cut-off (an event whose after-window has not ended is "pending").
 */
async function withOutreach(
  deps: SemesterDeps,
  semester: Semester,
  province: ProvinceSemester,
): Promise<ProvinceSemester> {
  if (!deps.outreach) return province;
  const codes = deps.regions.regencies.map((r) => r.code);
  const from = DateTime.fromISO(semester.start, { zone: 'UTC' }).minus({ months: 6 }).toISODate() as string;
  const events = (await deps.outreach.events.listMany(codes)).filter(
    (e) => e.date >= from && e.date <= semester.lastDate,
  );
  const method = { ...province.method, outreachRule: outreachRule(outreachSettings) };
  if (events.length === 0) return { ...province, method };
  const populations = new Map([...deps.population].map(([code, p]) => [code, p.value]));
  const asOfDay = DateTime.fromISO(semester.lastDate, { zone: 'UTC' })
    .plus({ days: 1 })
    .toISODate() as string;
  const effects = await measureOutreach(deps.outreach, events, populations, asOfDay);
  return {
    ...province,
    method,
    regencies: province.regencies.map((r) => {
      const own = effects.filter((e) => e.event.code === r.regencyCode);
      return own.length === 0 ? r : { ...r, outreach: own };
    }),
  };
}

function methodOf(
  deps: SemesterDeps,
  semester: Semester,
  years: readonly CalendarYear[],
  metrics: readonly RegencyMetrics[],
): ProvinceSemester['method'] {
  const population = [...deps.population.values()][0];
  // Each complaint is judged by the rule of its submission day: name every rule that judged one.
  const applied = (which: 'national' | 'provincial') =>
    metrics.flatMap((m) => m.policiesApplied?.[which] ?? []);
  return {
    lawAndSettings: lawAndSettings({
      national: deps.national,
      ...(deps.escalation ? { escalation: deps.escalation } : {}),
    }),
    nationalPolicy: appliedRulesCitation(deps.national, applied('national'), semester.lastDate),
    provincialPolicy: appliedRulesCitation(deps.provincial, applied('provincial'), semester.lastDate),
    calendarYears: years.map((y) => ({ year: y.year, status: y.status, sources: Object.values(y.sources) })),
    cutoff: semester.end,
    generatedAt: deps.clock().toISOString(),
    scoreFormula,
    flagRule,
    scoreExample: workedScoreExample(),
    // The limits the definitions name are those of the national rule in force at the cut-off.
    definitions: definitions(deps.regions.zone, policyInForce(deps.national, semester.lastDate)),
    ...(population ? { populationSource: `${population.source} (tahun ${population.year})` } : {}),
    ...(deps.citizens?.districts ? { districtSource: deps.citizens.districts.source } : {}),
  };
}

export function reportFileName(
  semesterId: string,
  report: Pick<RegencyMetrics, 'regencyCode' | 'regencyName'>,
): string {
  const slug = report.regencyName
    .toLowerCase()
    .replace(/^(kabupaten|kota) /, '')
    .replace(/[^a-z0-9]+/g, '-');
  return `evaluasi-lapor-${semesterId}-${report.regencyCode}-${slug}.pdf`;
}

export const provinceFileName = (semesterId: string, provinceCode: string) =>
  `ringkasan-evaluasi-lapor-${semesterId}-${provinceCode}.pdf`;

export type DeliveryStatus = 'sent' | 'already-sent' | 'in-progress' | 'no-recipient' | 'failed';

export interface Delivery {
  status: DeliveryStatus;
  recipients: string[];
  error?: string;
}

/**
 * Sends one PDF with its cover letter on every channel. Every recipient has a ledger entry per
 * (semester, report, recipient, channel): only those not yet sent are addressed, so a re-run sends
 * nothing and a recipient added later (a new head) gets their copy. `resend` clears the entries
 * first, on purpose.
 */
async function deliver(
  deps: SemesterDeliveryDeps,
  input: {
    semesterId: string;
    ledgerScope: string;
    to: RosterEntry[];
    cc: RosterEntry[];
    message: Extract<Message, { kind: 'regency-report' | 'province-report' }>;
    resend?: boolean;
  },
): Promise<Delivery> {
  const all = [
    ...input.to.map((e) => ({ e, role: 'to' as const })),
    ...input.cc.map((e) => ({ e, role: 'cc' as const })),
  ];
  const unique = all.filter((x, i) => all.findIndex((y) => personKey(y.e) === personKey(x.e)) === i);
  if (!unique.some((x) => x.role === 'to')) return { status: 'no-recipient', recipients: [] };
  let delivery: Delivery | undefined;
  for (const channel of deps.channels) {
    const reached = unique.filter((x) => channel.reaches(x.e));
    const on = reached.some((x) => x.role === 'to')
      ? await deliverOn(deps, channel, { ...input, parts: reached })
      : { status: 'no-recipient' as const, recipients: [] };
    delivery = delivery ? combine(delivery, on) : on;
  }
  return delivery ?? { status: 'no-recipient', recipients: [] };
}

/** From the least settled (any channel's failure makes the job retry) to the most. */
const settledOrder: readonly DeliveryStatus[] = [
  'failed',
  'in-progress',
  'sent',
  'already-sent',
  'no-recipient',
];

/** Two channels' deliveries of one report as one: the least settled status, everyone sent to. */
function combine(a: Delivery, b: Delivery): Delivery {
  const status = settledOrder.indexOf(a.status) <= settledOrder.indexOf(b.status) ? a.status : b.status;
  const error = [a.error, b.error].filter(Boolean).join('; ');
  return {
    status,
    recipients: [...new Set([...a.recipients, ...b.recipients])],
    ...(error ? { error } : {}),
  };
}

/** One report on one channel, through the ledger (docs/exactly-once.md). */
async function deliverOn(
  deps: SemesterDeliveryDeps,
  channel: NotificationChannel,
  input: {
    semesterId: string;
    ledgerScope: string;
    parts: { e: RosterEntry; role: 'to' | 'cc' }[];
    message: Message;
    resend?: boolean;
  },
): Promise<Delivery> {
  const keyOf = (person: RosterEntry): LedgerKey =>
    ledgerKeys.report(input.semesterId, input.ledgerScope, personKey(person), channel.name);
  if (input.resend) await Promise.all(input.parts.map((x) => deps.ledger.forget(keyOf(x.e))));
  // One ledger key per recipient: only those not yet sent are addressed (docs/exactly-once.md).
  const outcome = await deliverOnce(
    deps.ledger,
    {
      parts: input.parts.map((x) => ({ ...x, key: keyOf(x.e) })),
      what: { kind: 'semester-report', semester: input.semesterId, scope: input.ledgerScope },
    },
    (claimed) => {
      // If only copy recipients are left (the head already has it), they are addressed directly.
      const to = claimed.filter((x) => x.role === 'to').map((x) => x.e);
      const cc = claimed.filter((x) => x.role === 'cc').map((x) => x.e);
      return channel.send({
        message: input.message,
        ...(to.length > 0 ? { to, cc } : { to: cc, cc: [] }),
        trace: `REPORT#${input.semesterId}#${input.ledgerScope}`,
      });
    },
  );
  if (outcome.status === 'already-sent') return { status: 'already-sent', recipients: [] };
  // Another attempt holds a claim (or hung or died holding it): not done, so the caller retries later.
  if (outcome.status === 'in-progress') return { status: 'in-progress', recipients: [] };
  if (outcome.status === 'failed') return { status: 'failed', recipients: [], error: outcome.error };
  const recipients = outcome.sent.map((x) => x.e.email);
  // Sent to those this attempt claimed; a recipient another attempt holds is not done yet either.
  if (outcome.held > 0)
    return {
      status: 'in-progress',
      recipients,
      error: `sent to ${recipients.length}; ${outcome.held} recipient(s) held by another attempt`,
    };
  return {
    status: 'sent',
    recipients,
    ...(outcome.unrecorded.length > 0
      ? {
          error: `sent as ${outcome.messageId}, but ${outcome.unrecorded.length} ledger mark(s) could not be written`,
        }
      : {}),
  };
}

/** Phase two, one regency: renders its PDF and mails it to its head, cc its admins and the province team. */
export async function deliverRegencyReport(
  deps: SemesterDeliveryDeps,
  province: ProvinceSemester,
  regencyCode: string,
  options: { send: boolean; resend?: boolean; roster?: RosterEntry[] },
): Promise<{ report: RankedMetrics; pdf: Buffer; fileName: string; delivery?: Delivery }> {
  const report = province.regencies.find((r) => r.regencyCode === regencyCode);
  if (!report) throw new Error(`no metrics for ${regencyCode} in ${province.semester}`);
  const pdf = await deps.renderPdf(deps.views.regencyReport({ report, province }));
  const fileName = reportFileName(province.semester, report);
  if (!options.send) return { report, pdf, fileName };
  const today = deps.regions.zone.date(deps.clock());
  const roster = options.roster ?? (await deps.roster.listMany([regencyCode, deps.regions.province.code]));
  const people = recipientsOn(roster, regencyCode, today);
  const delivery = await deliver(deps, {
    semesterId: province.semester,
    ledgerScope: regencyCode,
    to: people.heads,
    cc: [...people.admins, ...provinceTeamOn(roster, deps.regions.province.code, today)],
    message: {
      kind: 'regency-report',
      view: { province, report },
      attachment: { filename: fileName, content: pdf, contentType: 'application/pdf' },
    },
    ...(options.resend ? { resend: true } : {}),
  });
  return { report, pdf, fileName, delivery };
}

/** Phase two, province: the summary PDF to the province team. */
export async function deliverProvinceSummary(
  deps: SemesterDeliveryDeps,
  province: ProvinceSemester,
  options: { send: boolean; resend?: boolean; roster?: RosterEntry[] },
): Promise<{ pdf: Buffer; fileName: string; delivery?: Delivery }> {
  const pdf = await deps.renderPdf(deps.views.provinceSummary(province));
  const fileName = provinceFileName(province.semester, province.province.code);
  if (!options.send) return { pdf, fileName };
  const roster = options.roster ?? (await deps.roster.listMany([deps.regions.province.code]));
  const team = provinceTeamOn(roster, deps.regions.province.code, deps.regions.zone.date(deps.clock()));
  const delivery = await deliver(deps, {
    semesterId: province.semester,
    ledgerScope: deps.regions.province.code,
    to: team,
    cc: [],
    message: {
      kind: 'province-report',
      view: { province },
      attachment: { filename: fileName, content: pdf, contentType: 'application/pdf' },
    },
    ...(options.resend ? { resend: true } : {}),
  });
  return { pdf, fileName, delivery };
}

export interface SemesterRunResult {
  semester: string;
  province: ProvinceSemester;
  regencies: {
    code: string;
    name: string;
    fileName: string;
    bytes: number;
    delivery?: Delivery;
    error?: string;
  }[];
  summary: { fileName: string; bytes: number; delivery?: Delivery; error?: string };
}

/**
 * The whole job in one process (the CLI and `npm start`; in AWS the two phases fan out through SQS):
 * compute every regency, rank, then render and (optionally) send. One regency's failure is recorded
 * and the others go on; a re-run sends only what is missing.
 */
export async function runSemesterReport(
  deps: SemesterDeliveryDeps,
  semesterId: string,
  options: {
    regency?: string;
    send: boolean;
    resend?: boolean;
    write?: (fileName: string, pdf: Buffer) => Promise<void>;
    onProgress?: (message: string) => void;
  },
): Promise<SemesterRunResult> {
  const semester = parseSemester(semesterId, deps.regions.zone);
  if (options.regency && !deps.regions.has(options.regency)) {
    throw new Error(
      `--regency ${options.regency} is not a regency of province ${deps.regions.province.code}`,
    );
  }
  for (const r of deps.regions.regencies) {
    options.onProgress?.(`computing ${r.code} ${r.name}`);
    await computeRegencySemester(deps, semester.id, r.code);
  }
  const province = await provinceSemester(deps, semester.id);
  const roster = options.send
    ? await deps.roster.listMany([...deps.regions.regencies.map((r) => r.code), deps.regions.province.code])
    : [];
  const result: SemesterRunResult = {
    semester: semester.id,
    province,
    regencies: [],
    summary: { fileName: '', bytes: 0 },
  };
  for (const r of province.regencies) {
    if (options.regency && r.regencyCode !== options.regency) continue;
    options.onProgress?.(`rendering ${r.regencyCode} ${r.regencyName}`);
    try {
      const out = await deliverRegencyReport(deps, province, r.regencyCode, {
        send: options.send,
        resend: options.resend,
        roster,
      });
      await options.write?.(out.fileName, out.pdf);
      result.regencies.push({
        code: r.regencyCode,
        name: r.regencyName,
        fileName: out.fileName,
        bytes: out.pdf.length,
        ...(out.delivery ? { delivery: out.delivery } : {}),
      });
    } catch (error) {
      result.regencies.push({
        code: r.regencyCode,
        name: r.regencyName,
        fileName: '',
        bytes: 0,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  if (!options.regency) {
    options.onProgress?.('rendering the province summary');
    try {
      const out = await deliverProvinceSummary(deps, province, {
        send: options.send,
        resend: options.resend,
        roster,
      });
      await options.write?.(out.fileName, out.pdf);
      result.summary = {
        fileName: out.fileName,
        bytes: out.pdf.length,
        ...(out.delivery ? { delivery: out.delivery } : {}),
      };
    } catch (error) {
      result.summary = {
        fileName: '',
        bytes: 0,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }
  return result;
}
