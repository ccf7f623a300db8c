import { mapBounded } from '../domain/bounded-pool';
import type { WorkingCalendar } from '../domain/calendar';
import { type CommitmentGap, commitmentGaps } from '../domain/commitments';
import {
  type DigestItem,
  digestItems,
  dueSoonHorizon,
  escalationsFor,
  previousCheck,
  type RegencyStanding,
  rankLagging,
  untouched,
} from '../domain/deadlines';
import { digestView, escalationView, mostLate, provinceListLimit } from '../domain/digest-view';
import type { EscalationPolicy } from '../domain/escalation';
import { inspectionOf, inspectionsForDigest } from '../domain/field-inspection';
import { arrivalsBetween, vacanciesToReport } from '../domain/handover';
import { handoverView, vacancyBreaches } from '../domain/handover-view';
import { emailChannel, type LedgerKey, ledgerKeys } from '../domain/ledger-keys';
import { type OutreachEffect, outreachResultDay } from '../domain/outreach';
import { type Regency, type Regions, regencyDisplayName } from '../domain/regions';
import { personKey, provinceTeamOn, type RosterEntry, recipientsOn } from '../domain/roster';
import { computeSla } from '../domain/sla';
import { policyCitation, policyInForce, type SlaRules, versionsOf } from '../domain/sla-policy';
import type { Snapshot } from '../domain/snapshot';
import type { Zone } from '../domain/zone';
import type { ComplaintQueries } from '../ports/complaint-queries';
import type { VacancyReport } from '../ports/deadline-views';
import type { DeliveryLedger } from '../ports/ledger';
import type { Notification, NotificationChannel } from '../ports/notification-channel';
import type { CommitmentDirectory, RosterDirectory } from '../ports/province-data';
import { deliverOnce } from './deliver-once';
import { measureOutreach, type OutreachDeps } from './outreach-effects';

export interface DeadlineDeps {
  regions: Regions;
  sla: { policy: SlaRules; calendar: WorkingCalendar };
  escalation: EscalationPolicy;
  queries: Pick<
    ComplaintQueries,
    'openDueBy' | 'completions' | 'allOpen' | 'closedSince' | 'inspectionsPlannedBy'
  >;
  roster: RosterDirectory;
  /** The heads' commitments: the province digest names lagging regencies without one in force. */
  commitments?: CommitmentDirectory;
  /** Outreach events and inhabitants: the province digest reports an event's result when its after-window ends. */
  outreach?: OutreachDeps & { populations: ReadonlyMap<string, number> };
  ledger: DeliveryLedger;
  /**
   * Where the messages go: every message on every channel, each exactly once on its own
   * (e-mail is the one built: functions/adapters/email-channel.ts).
   */
  channels: readonly NotificationChannel[];
  laporBaseUrl: string;
  clock: () => Date;
}

export type SendStatus =
  | 'sent'
  | 'already-sent'
  | 'in-progress'
  | 'nothing-to-send'
  | 'no-recipient'
  | 'failed'
  | 'dry-run';

export interface RegencyOutcome {
  code: string;
  name: string;
  /** Listed because the admin's or the unit's deadline passed (breached). */
  overdue: number;
  /** Listed because the deadline falls within the horizon, not yet passed. */
  dueSoon: number;
  /** Listed because the reporter's time to answer ran out while Tertunda: to close or archive, not a breach. */
  expired: number;
  vacant: boolean;
  digest: SendStatus;
  escalationNotice: SendStatus;
  /** Field inspections listed in the digest: planned by the horizon, and past their date with none done. */
  inspections?: { coming: number; overdue: number };
  /** Serah terima: each arrival on the liaison seat since the last check, its digest and the notice to the outgoing admin and head. */
  handovers?: {
    since: string;
    kind: 'admin' | 'backup';
    complaints: number;
    digest: SendStatus;
    notice: SendStatus;
  }[];
  /** Set when the regency could not be checked at all; the others still were. */
  error?: string;
}

export interface DeadlineReport {
  at: string;
  date: string;
  skipped?: 'non-working-day';
  /** The national policy version in force on the check's day (what a complaint submitted that day gets). */
  policy: string;
  /** Every version that judged a listed complaint, each complaint by the version of its submission day. */
  policiesApplied: string[];
  missingCalendarYears: number[];
  regencies: RegencyOutcome[];
  province: {
    digest: SendStatus;
    lagging: RegencyStanding[];
    escalations: number;
    untouched: number;
    /** Lagging regencies without a commitment in force (none, or expired). */
    commitmentGaps?: CommitmentGap[];
    /** Vacant liaison seats (running, or ended since the last check) and the deadlines missed meanwhile. */
    vacancies?: { code: string; from: string; to: string; ongoing: boolean; breaches: number }[];
    /** Outreach events whose result today's province digest reports. */
    outreachResults?: number;
  };
  /** E-mails the e-mail channel's transport accepted this run (another channel's messages are not counted). */
  emailsSent: number;
  failures: number;
  /** E-mails SES accepted whose ledger mark could not be written (docs/exactly-once.md). */
  unrecorded: { ledger: string; messageId: string; error: string }[];
}

/** Sends one message on one channel through the ledger (see `checkDeadlines`). */
type Send = (
  channel: NotificationChannel,
  key: LedgerKey,
  notification: Notification,
  what: Record<string, unknown>,
  carries?: readonly LedgerKey[],
) => Promise<SendStatus>;

/** From the least settled (a failure on any channel makes the run retry) to the most. */
const settledOrder: readonly SendStatus[] = [
  'failed',
  'in-progress',
  'sent',
  'already-sent',
  'no-recipient',
  'nothing-to-send',
  'dry-run',
];

function leastSettled(a: SendStatus | undefined, b: SendStatus): SendStatus {
  return a !== undefined && settledOrder.indexOf(a) < settledOrder.indexOf(b) ? a : b;
}

/** Stored due instants are hints computed at ingest; read a margin beyond the horizon and recompute. */
const hintMarginMs = 14 * 86_400_000;

/** An `at` this far before the clock is a replay (the scheduled run and its retries are within it). */
const replayAfterMs = 60 * 60_000;

/**
 * What a replay judges: every complaint open now, and those closed since `at` (open then, as they
 * stood then). Complaints not yet known at `at` are dropped by `digestItems`. Costs a regency's open
 * set instead of its due window: replays are rare and run by hand.
 */
async function replayCandidates(
  queries: Pick<ComplaintQueries, 'allOpen' | 'closedSince'>,
  regencyCode: string,
  at: Date,
): Promise<Snapshot[]> {
  const [open, closed] = await Promise.all([
    queries.allOpen(regencyCode),
    queries.closedSince(regencyCode, at.toISOString()),
  ]);
  const seen = new Set(open.map((s) => s.trackingId));
  return [...open, ...closed.filter((s) => !seen.has(s.trackingId))];
}

/**
 * The daily deadline check for one instant (replayable for any day). On a non-working day it does
 * nothing. Otherwise, regency by regency: reads the open complaints due by the horizon (index,
 * never a scan), sends the admins' digest, the head's escalation notice, then the province digest.
 * Each message goes on every channel (`deps.channels`: who and what; the channel words it) and
 * through the ledger, on its own for each channel: a re-run the same day sends nothing new, a
 * failed send is retried next run, and one regency's failure does not stop the others.
 */
export async function checkDeadlines(
  deps: DeadlineDeps,
  input: { at?: Date; dryRun?: boolean } = {},
): Promise<DeadlineReport> {
  const at = input.at ?? deps.clock();
  // A replay of an earlier instant: the stored due hints and the open index describe today, not `at`.
  const replay = at.getTime() < deps.clock().getTime() - replayAfterMs;
  const { calendar, policy } = deps.sla;
  const zone = deps.regions.zone;
  const date = zone.date(at);
  const province = deps.regions.province;
  const year = Number(date.slice(0, 4));
  // This year, and next year once its deadlines come within reach (December).
  const missingCalendarYears = [year, ...(date.slice(5, 7) === '12' ? [year + 1] : [])].filter(
    (y) => !calendar.covers(y),
  );
  const report: DeadlineReport = {
    at: at.toISOString(),
    date,
    policy: policyCitation(policyInForce(policy, date)),
    policiesApplied: [],
    missingCalendarYears,
    regencies: [],
    province: { digest: 'nothing-to-send', lagging: [], escalations: 0, untouched: 0 },
    emailsSent: 0,
    failures: 0,
    unrecorded: [],
  };
  if (!calendar.isWorkingDate(date)) return { ...report, skipped: 'non-working-day' };

  const roster = await deps.roster.listMany([...deps.regions.regencies.map((r) => r.code), province.code]);
  const horizon = dueSoonHorizon(calendar, date, deps.escalation.dueSoonWorkingDays);
  const lastCheck = previousCheck(calendar, at);
  const nextWorkingDate = calendar.nthWorkingDate(date, 1).value as string;
  const windowStart = zone.date(new Date(at.getTime() - deps.escalation.onTimeWindowDays * 86_400_000));
  const standings: RegencyStanding[] = [];
  // Per channel: each channel's ledger says which escalations it has delivered.
  const provinceEscalations = new Map<string, { item: DigestItem; key: LedgerKey }[]>();
  const untouchedItems: DigestItem[] = [];
  const failures: { code: string; message: string }[] = [];
  const applied = new Set<string>();
  const vacancyReports: VacancyReport[] = [];
  const lastCheckDate = zone.date(lastCheck);
  const horizonDate = zone.date(horizon);

  /**
   * One message on one channel through the ledger. `carries`: escalation keys the message delivers,
   * filed as pending on it before it goes out and settled after, so a run that dies in between does
   * not escalate them again. Once the channel accepted, the claim is never marked failed (a retry
   * would send it again).
   */
  const send: Send = async (channel, key, notification, what, carries = []) => {
    if (input.dryRun) return 'dry-run';
    // Only the people the channel can reach; if it reaches none of those addressed, nothing goes out on it.
    const to = notification.to.filter((p) => channel.reaches(p));
    if (to.length === 0) return 'no-recipient';
    const cc = notification.cc?.filter((p) => channel.reaches(p));
    const outcome = await deliverOnce(
      deps.ledger,
      {
        parts: [{ key }],
        what,
        ...(carries.length > 0
          ? { carries: { keys: carries, attributes: { kind: 'escalation', date } } }
          : {}),
      },
      () => channel.send({ ...notification, to, ...(cc ? { cc } : {}) }),
    );
    switch (outcome.status) {
      case 'already-sent':
        return 'already-sent';
      case 'in-progress':
        // Held by another attempt: one still sending, or one that hung or died holding it. Not
        // done, so the run fails and Lambda retries it after the claim's lease.
        report.failures += 1;
        return 'in-progress';
      case 'failed':
        report.failures += 1;
        return 'failed';
      case 'sent': {
        // The report's contract (README): the e-mails accepted; another channel's sends are not e-mails.
        if (channel.name === emailChannel) report.emailsSent += 1;
        const [unrecorded] = outcome.unrecorded;
        if (unrecorded) {
          // Counted as a failure so the run is retried; the claim left "sending" keeps a retry within
          // its lease from sending again.
          report.failures += 1;
          report.unrecorded.push({
            ledger: `${key.pk}#${key.sk}`,
            messageId: outcome.messageId,
            error: unrecorded.error,
          });
        }
        return 'sent';
      }
    }
  };

  /** A message on every channel, one after the other: its status is the least settled of theirs. */
  const onEveryChannel = async (deliver: (channel: NotificationChannel) => Promise<SendStatus>) => {
    let status: SendStatus | undefined;
    for (const channel of deps.channels) status = leastSettled(status, await deliver(channel));
    return status ?? 'no-recipient';
  };
  const escalatedOn = (channel: string) => {
    const list = provinceEscalations.get(channel) ?? [];
    provinceEscalations.set(channel, list);
    return list;
  };

  const checkRegency = async (regency: Regency, outcome: RegencyOutcome) => {
    try {
      const candidates = replay
        ? await replayCandidates(deps.queries, regency.code, at)
        : await deps.queries.openDueBy(
            regency.code,
            new Date(Date.parse(horizon) + hintMarginMs).toISOString(),
          );
      const items = digestItems(candidates, deps.sla, at, horizon, lastCheck);
      const people = recipientsOn(roster, regency.code, date);
      outcome.overdue = items.filter((i) => i.breached).length;
      outcome.expired = items.filter((i) => i.expired).length;
      outcome.dueSoon = items.filter((i) => !i.breached && !i.expired).length;
      for (const i of items) applied.add(i.policyId);
      outcome.vacant = people.vacant;
      // The whole open set, read only on the days that need it (a handover, a vacancy), as known at `at`.
      let openSet: Snapshot[] | undefined;
      const openAt = async () => {
        openSet ??= knownAt(
          replay
            ? await replayCandidates(deps.queries, regency.code, at)
            : await deps.queries.allOpen(regency.code),
          deps.sla,
          at,
        );
        return openSet;
      };

      // Serah terima: whoever took over the seat since the last check gets every open complaint, once.
      const arrivals = arrivalsBetween(roster, regency.code, lastCheckDate, date);
      for (const arrival of arrivals) {
        const view = handoverView(await openAt(), deps.sla, at, date, arrival, zone.date);
        const digest = await onEveryChannel((channel) =>
          send(
            channel,
            ledgerKeys.handover(regency.code, arrival.since, personKey(arrival.person), channel.name),
            {
              message: {
                kind: 'handover-digest',
                view: { province, regency, view, laporBaseUrl: deps.laporBaseUrl, policyName: report.policy },
              },
              to: [arrival.person],
              trace: `HANDOVER#${regency.code}#${arrival.since}`,
            },
            {
              kind: 'handover',
              regencyCode: regency.code,
              date,
              since: arrival.since,
              complaints: view.total,
            },
          ),
        );
        const told = [...people.heads, ...arrival.outgoing];
        const notice =
          told.length === 0
            ? 'no-recipient'
            : await onEveryChannel((channel) =>
                send(
                  channel,
                  ledgerKeys.handoverNotice(
                    regency.code,
                    arrival.since,
                    personKey(arrival.person),
                    channel.name,
                  ),
                  {
                    message: { kind: 'handover-notice', view: { province, regency, view } },
                    to: told,
                    trace: `HANDOVER#${regency.code}#${arrival.since}#notice`,
                  },
                  { kind: 'handover-notice', regencyCode: regency.code, date, since: arrival.since },
                ),
              );
        outcome.handovers = [
          ...(outcome.handovers ?? []),
          { since: arrival.since, kind: arrival.kind, complaints: view.total, digest, notice },
        ];
      }
      for (const vacancy of vacanciesToReport(roster, regency.code, lastCheckDate, date)) {
        vacancyReports.push({
          regencyCode: regency.code,
          vacancy,
          breaches: vacancyBreaches(await openAt(), deps.sla, at, vacancy, zone.date),
        });
      }

      // Field inspections coming by the horizon or past their date (the sparse inspection index).
      const inspections = inspectionsForDigest(
        replay ? await openAt() : await deps.queries.inspectionsPlannedBy(regency.code, horizonDate),
        deps.sla.calendar,
        date,
        horizonDate,
      );
      const inspectionCount = inspections.coming.length + inspections.overdue.length;
      if (inspectionCount > 0)
        outcome.inspections = { coming: inspections.coming.length, overdue: inspections.overdue.length };

      if (items.length > 0 || inspectionCount > 0) {
        // An admin who had the handover today needs no second list.
        const handedOver = new Set(arrivals.map((a) => personKey(a.person)));
        const to = (people.vacant ? people.backups : people.admins).filter(
          (p) => !handedOver.has(personKey(p)),
        );
        const cc = people.vacant ? [] : people.backups.filter((p) => !handedOver.has(personKey(p)));
        const notification: Notification = {
          message: {
            kind: 'regency-digest',
            view: {
              province,
              regency,
              date,
              view: digestView(items, { date, nextWorkingDate, zone }),
              laporBaseUrl: deps.laporBaseUrl,
              // Each listed complaint is judged by the version of its own submission day.
              policyName: versionsOf(policy)
                .filter((v) => items.some((i) => i.policyId === v.id))
                .map(policyCitation)
                .join('; '),
              vacant: people.vacant,
              ...(inspectionCount > 0 ? { inspections } : {}),
            },
          },
          to,
          cc,
          trace: `DIGEST#${date}#${regency.code}`,
        };
        outcome.digest =
          to.length === 0
            ? arrivals.length > 0
              ? 'nothing-to-send'
              : 'no-recipient'
            : await onEveryChannel((channel) =>
                send(channel, ledgerKeys.digest(date, regency.code, channel.name), notification, {
                  kind: 'digest',
                  regencyCode: regency.code,
                  date,
                  complaints: items.length,
                  inspections: inspectionCount,
                }),
              );
      }

      const escalations = escalationsFor(items, deps.escalation);
      outcome.escalationNotice = await onEveryChannel(async (channel) => {
        const fresh = await unsentEscalations(deps.ledger, regency.code, escalations, channel.name);
        const toHead = fresh.filter((e) => e.level.notify === 'regency-head');
        const status =
          toHead.length > 0
            ? await notifyHead(deps, send, channel, regency, date, people.heads, people.admins, toHead)
            : 'nothing-to-send';
        escalatedOn(channel.name).push(...fresh.filter((e) => e.level.notify === 'province'));
        return status;
      });
      untouchedItems.push(...untouched(items, deps.escalation));

      // Day counters kept by ingest: constant cost, whatever the volume of the window.
      const done = await deps.queries.completions(regency.code, windowStart, date);
      standings.push({
        code: regency.code,
        name: outcome.name,
        overdue: outcome.overdue,
        dueSoon: outcome.dueSoon,
        expired: outcome.expired,
        oldestBreachWorkingDays: Math.max(0, ...items.map((i) => i.workingDaysLate)),
        ...(done.completed > 0 ? { onTimeShare: done.onTime / done.completed } : {}),
        closedInWindow: done.completed,
        onTimeInWindow: done.onTime,
        vacant: people.vacant,
      });
    } catch (error) {
      outcome.error = error instanceof Error ? error.message : String(error);
      failures.push({ code: regency.code, message: outcome.error });
      report.failures += 1;
    }
  };
  // A few regencies at a time; each is isolated: its failure is recorded and the others go on.
  report.regencies = deps.regions.regencies.map((regency) => ({
    code: regency.code,
    name: regencyDisplayName(regency),
    overdue: 0,
    dueSoon: 0,
    expired: 0,
    vacant: false,
    digest: 'nothing-to-send',
    escalationNotice: 'nothing-to-send',
  }));
  await mapBounded(deps.regions.regencies, 4, (regency, i) =>
    checkRegency(regency, report.regencies[i] as RegencyOutcome),
  );
  standings.sort((a, b) => a.code.localeCompare(b.code));
  report.policiesApplied = versionsOf(policy)
    .filter((v) => applied.has(v.id))
    .map(policyCitation);

  // Each complaint once in the province's digest: one escalated today is not listed again as untouched.
  const onChannel = (channel: string) => {
    const escalated = provinceEscalations.get(channel) ?? [];
    const escalatedToday = new Set(escalated.map((e) => e.item.trackingId));
    return { escalated, untouchedOnce: untouchedItems.filter((i) => !escalatedToday.has(i.trackingId)) };
  };
  // The report counts what the first channel (e-mail) carries; another differs only after a failure.
  const counted = onChannel(deps.channels[0]?.name ?? '');
  const lagging = rankLagging(standings);
  const gaps = await laggingWithoutCommitment(deps, lagging, date, failures);
  const outreachResults = await outreachResultsOn(deps, date, failures);
  // Regencies are checked a few at a time: their vacancies in code order, whatever finished first.
  vacancyReports.sort((a, b) => a.regencyCode.localeCompare(b.regencyCode));
  report.province = {
    digest: 'nothing-to-send',
    lagging,
    escalations: counted.escalated.length,
    untouched: counted.untouchedOnce.length,
    ...(gaps.length > 0 ? { commitmentGaps: gaps } : {}),
    ...(vacancyReports.length > 0
      ? {
          vacancies: vacancyReports.map((v) => ({
            code: v.regencyCode,
            from: v.vacancy.from,
            to: v.vacancy.to,
            ongoing: v.vacancy.ongoing,
            breaches: v.breaches.length,
          })),
        }
      : {}),
    ...(outreachResults.length > 0 ? { outreachResults: outreachResults.length } : {}),
  };
  const worthSending =
    vacancyReports.length > 0 ||
    lagging.length > 0 ||
    missingCalendarYears.length > 0 ||
    outreachResults.length > 0 ||
    failures.length > 0;
  const team = provinceTeamOn(roster, province.code, date);
  if (worthSending || [...provinceEscalations.values()].some((list) => list.length > 0)) {
    report.province.digest = await onEveryChannel(async (channel) => {
      const { escalated, untouchedOnce } = onChannel(channel.name);
      if (!worthSending && escalated.length === 0) return 'nothing-to-send';
      if (team.length === 0) return 'no-recipient';
      return send(
        channel,
        ledgerKeys.provinceDigest(date, province.code, channel.name),
        {
          message: {
            kind: 'province-digest',
            view: {
              province,
              date,
              lagging,
              escalations: mostLate(
                escalated.map((e) => e.item),
                provinceListLimit,
              ),
              untouched: mostLate(untouchedOnce, provinceListLimit),
              missingCalendarYears,
              regencyName: (code) => {
                const r = deps.regions.get(code);
                return r ? regencyDisplayName(r) : code;
              },
              laporBaseUrl: deps.laporBaseUrl,
              onTimeWindowDays: deps.escalation.onTimeWindowDays,
              failures,
              commitmentGaps: gaps,
              vacancies: vacancyReports,
              outreachResults,
            },
          },
          to: team,
          trace: `PROVINCE#${date}`,
        },
        { kind: 'province-digest', date, lagging: lagging.length },
        escalated.map((e) => e.key),
      );
    });
  }
  return report;
}

/**
 * The outreach events whose result is due in today's province digest (the first working day after
 * their after-window), with their effect. Reading them failing is said in the digest, never silent.
 */
async function outreachResultsOn(
  deps: DeadlineDeps,
  date: string,
  failures: { code: string; message: string }[],
): Promise<OutreachEffect[]> {
  if (!deps.outreach) return [];
  try {
    const events = (await deps.outreach.events.listMany(deps.regions.regencies.map((r) => r.code))).filter(
      (e) => outreachResultDay(e, deps.sla.calendar) === date,
    );
    return events.length ? await measureOutreach(deps.outreach, events, deps.outreach.populations, date) : [];
  } catch (error) {
    failures.push({
      code: deps.regions.province.code,
      message: `hasil kegiatan penjangkauan tidak terbaca: ${(error as Error).message}`,
    });
    return [];
  }
}

/**
 * Lagging regencies without a commitment in force on the date. Reading the commitments failing
 * does not stop the digest: it is listed among the check's failures and retried tomorrow.
 */
async function laggingWithoutCommitment(
  deps: DeadlineDeps,
  lagging: readonly RegencyStanding[],
  date: string,
  failures: { code: string; message: string }[],
): Promise<CommitmentGap[]> {
  if (!deps.commitments || lagging.length === 0) return [];
  try {
    const commitments = await deps.commitments.listMany(lagging.map((s) => s.code));
    return commitmentGaps(lagging, commitments, date);
  } catch (error) {
    failures.push({
      code: deps.regions.province.code,
      message: `komitmen kepala daerah tidak terbaca: ${error instanceof Error ? error.message : String(error)}`,
    });
    return [];
  }
}

/** Escalations whose (complaint, stage, level) the channel has not delivered yet, with their ledger keys. */
async function unsentEscalations(
  ledger: DeliveryLedger,
  regencyCode: string,
  escalations: ReturnType<typeof escalationsFor>,
  channel: string,
) {
  if (escalations.length === 0) return [];
  const withKeys = escalations.map((e) => ({
    ...e,
    key: ledgerKeys.escalation(
      regencyCode,
      e.item.due,
      e.item.trackingId,
      e.item.stage,
      e.level.level,
      channel,
    ),
  }));
  const dues = withKeys.map((e) => e.item.due).sort();
  const sent = await ledger.sentBetween(
    ledgerKeys.escalationPartition(regencyCode),
    dues[0] as string,
    `${dues.at(-1)}~`,
  );
  return withKeys.filter((e) => !sent.has(e.key.sk));
}

async function notifyHead(
  deps: DeadlineDeps,
  send: Send,
  channel: NotificationChannel,
  regency: Regency,
  date: string,
  heads: RosterEntry[],
  admins: RosterEntry[],
  escalations: { item: DigestItem; key: LedgerKey; level: { minWorkingDaysLate: number } }[],
): Promise<SendStatus> {
  if (heads.length === 0) return 'no-recipient';
  return send(
    channel,
    ledgerKeys.escalationNotice(date, regency.code, channel.name),
    {
      message: {
        kind: 'escalation-notice',
        view: {
          province: deps.regions.province,
          regency,
          date,
          view: escalationView(
            escalations.map((e) => e.item),
            { date, zone: deps.regions.zone },
          ),
          minWorkingDaysLate: Math.min(...escalations.map((e) => e.level.minWorkingDaysLate)),
          laporBaseUrl: deps.laporBaseUrl,
        },
      },
      to: heads,
      cc: admins,
      trace: `ESCALATION#${date}#${regency.code}`,
    },
    { kind: 'escalation-notice', regencyCode: regency.code, date, complaints: escalations.length },
    escalations.map((e) => e.key),
  );
}

/**
 * The instant the scheduled check runs on a date: the place profile's `schedule.dailyCheck` in the
 * province's zone, as the CDK schedule reads it.
 */
export function scheduledInstant(
  date: string,
  place: { zone: Zone; province: { schedule: { dailyCheck: string } } },
): Date {
  return place.zone.at(date, place.province.schedule.dailyCheck);
}

/**
 * Complaints as they stood at `at`: the updates known then, their inspection, and only those open
 * then (a replay reads today's data; a scheduled run changes nothing).
 */
function knownAt(
  snapshots: readonly Snapshot[],
  sla: { policy: SlaRules; calendar: WorkingCalendar },
  at: Date,
): Snapshot[] {
  const atMs = at.getTime();
  const known: Snapshot[] = [];
  for (const s of snapshots) {
    const timeline = s.timeline.filter((e) => Date.parse(e.at) <= atMs);
    if (timeline.length === 0) continue;
    if (timeline.length === s.timeline.length) {
      if (s.open) known.push(s);
      continue;
    }
    const state = computeSla(timeline, sla.policy, sla.calendar, at, s.submittedAt);
    if (!state.open) continue;
    const fieldInspection = inspectionOf(timeline);
    const { fieldInspection: _later, ...rest } = s;
    known.push({ ...rest, timeline, open: true, ...(fieldInspection ? { fieldInspection } : {}) });
  }
  return known;
}
