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
import { type LedgerKey, ledgerKeys } from '../domain/ledger-keys';
import { type Regency, type Regions, regencyDisplayName } from '../domain/regions';
import { mailbox, provinceTeamOn, type RosterEntry, recipientsOn } from '../domain/roster';
import { policyCitation, policyInForce, type SlaRules, versionsOf } from '../domain/sla-policy';
import type { Snapshot } from '../domain/snapshot';
import type { Zone } from '../domain/zone';
import type { CommitmentDirectory } from '../ports/commitments';
import type { ComplaintQueries } from '../ports/complaint-queries';
import type { DeadlineViews } from '../ports/deadline-views';
import type { DeliveryLedger } from '../ports/ledger';
import type { Mailer, OutgoingEmail } from '../ports/mailer';
import type { RosterDirectory } from '../ports/roster';

export interface DeadlineDeps {
  regions: Regions;
  sla: { policy: SlaRules; calendar: WorkingCalendar };
  escalation: EscalationPolicy;
  queries: Pick<ComplaintQueries, 'openDueBy' | 'completions' | 'allOpen' | 'closedSince'>;
  roster: RosterDirectory;
  /** The heads' commitments: the province digest names lagging regencies without one in force. */
  commitments?: CommitmentDirectory;
  ledger: DeliveryLedger;
  mailer: Mailer;
  /** The e-mails' words (templates/deadline-emails.ts). */
  views: DeadlineViews;
  senderAddress: string;
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
  };
  emailsSent: number;
  failures: number;
  /** E-mails SES accepted whose ledger mark could not be written (docs/exactly-once.md). */
  unrecorded: { ledger: string; messageId: string; error: string }[];
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
 * Every e-mail goes through the ledger: a re-run the same day sends nothing new, a failed send is
 * retried next run, and one regency's failure does not stop the others.
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
  const provinceEscalations: { item: DigestItem; key: LedgerKey }[] = [];
  const untouchedItems: DigestItem[] = [];
  const failures: { code: string; message: string }[] = [];
  const applied = new Set<string>();

  /**
   * One e-mail through the ledger. `carries`: escalation keys the e-mail delivers, filed as pending
   * on it before it goes out and settled after, so a run that dies in between does not escalate them
   * again. Once SES accepted, the claim is never marked failed (a retry would send it again).
   */
  const send = async (
    key: LedgerKey,
    email: OutgoingEmail,
    what: Record<string, unknown>,
    carries: readonly LedgerKey[] = [],
  ): Promise<SendStatus> => {
    if (input.dryRun) return 'dry-run';
    const claim = await deps.ledger.claim(key, what);
    if (claim.status !== 'claimed') return claim.status;
    let messageId: string;
    try {
      if (carries.length > 0) await deps.ledger.pend(carries, key, { kind: 'escalation', date });
      messageId = await deps.mailer.send(email);
    } catch (error) {
      // Nothing went out: release the claim so that the retry sends it, not in 15 minutes (if even
      // that write fails, the claim goes stale and is sent then).
      await deps.ledger
        .markFailed(key, claim.token, error instanceof Error ? error.message : String(error))
        .catch(() => undefined);
      report.failures += 1;
      return 'failed';
    }
    report.emailsSent += 1;
    const marks = await Promise.allSettled([
      deps.ledger.markSent(key, claim.token, messageId),
      carries.length > 0 ? deps.ledger.settle(carries, messageId) : Promise.resolve(),
    ]);
    const unrecorded = marks.find((m): m is PromiseRejectedResult => m.status === 'rejected');
    if (unrecorded) {
      // Counted as a failure so the run is retried; the claim left "sending" keeps the retry from resending.
      report.failures += 1;
      report.unrecorded.push({
        ledger: `${key.pk}#${key.sk}`,
        messageId,
        error: unrecorded.reason instanceof Error ? unrecorded.reason.message : String(unrecorded.reason),
      });
    }
    return 'sent';
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

      if (items.length > 0) {
        const to = (people.vacant ? people.backups : people.admins).map(mailbox);
        const cc = people.vacant ? [] : people.backups.map(mailbox);
        outcome.digest =
          to.length === 0
            ? 'no-recipient'
            : await send(
                ledgerKeys.digest(date, regency.code),
                {
                  from: deps.senderAddress,
                  to,
                  cc,
                  ...deps.views.regencyDigest({
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
                  }),
                  headers: { 'X-Lapor-Paman-Ledger': `DIGEST#${date}#${regency.code}` },
                },
                { kind: 'digest', regencyCode: regency.code, date, complaints: items.length },
              );
      }

      const escalations = escalationsFor(items, deps.escalation);
      const fresh = await unsentEscalations(deps.ledger, regency.code, escalations);
      const toHead = fresh.filter((e) => e.level.notify === 'regency-head');
      if (toHead.length > 0) {
        outcome.escalationNotice = await notifyHead(
          deps,
          send,
          regency,
          date,
          people.heads,
          people.admins,
          toHead,
        );
      }
      provinceEscalations.push(...fresh.filter((e) => e.level.notify === 'province'));
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
  const pending = deps.regions.regencies.map(
    (regency, i) => () => checkRegency(regency, report.regencies[i] as RegencyOutcome),
  );
  await Promise.all(
    Array.from({ length: Math.min(4, pending.length) }, async () => {
      for (let task = pending.shift(); task; task = pending.shift()) await task();
    }),
  );
  standings.sort((a, b) => a.code.localeCompare(b.code));
  report.policiesApplied = versionsOf(policy)
    .filter((v) => applied.has(v.id))
    .map(policyCitation);

  // Each complaint once in the province's e-mail: one escalated today is not listed again as untouched.
  const escalatedToday = new Set(provinceEscalations.map((e) => e.item.trackingId));
  const untouchedOnce = untouchedItems.filter((i) => !escalatedToday.has(i.trackingId));
  const lagging = rankLagging(standings);
  const gaps = await laggingWithoutCommitment(deps, lagging, date, failures);
  report.province = {
    digest: 'nothing-to-send',
    lagging,
    escalations: provinceEscalations.length,
    untouched: untouchedOnce.length,
    ...(gaps.length > 0 ? { commitmentGaps: gaps } : {}),
  };
  const worthSending =
    lagging.length > 0 ||
    provinceEscalations.length > 0 ||
    missingCalendarYears.length > 0 ||
    failures.length > 0;
  if (worthSending) {
    const team = provinceTeamOn(roster, province.code, date).map(mailbox);
    report.province.digest =
      team.length === 0
        ? 'no-recipient'
        : await send(
            ledgerKeys.provinceDigest(date, province.code),
            {
              from: deps.senderAddress,
              to: team,
              ...deps.views.provinceDigest({
                province,
                date,
                lagging,
                escalations: mostLate(
                  provinceEscalations.map((e) => e.item),
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
              }),
              headers: { 'X-Lapor-Paman-Ledger': `PROVINCE#${date}` },
            },
            { kind: 'province-digest', date, lagging: lagging.length },
            provinceEscalations.map((e) => e.key),
          );
  }
  return report;
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

/** Escalations whose (complaint, stage, level) has not been sent yet, with their ledger keys. */
async function unsentEscalations(
  ledger: DeliveryLedger,
  regencyCode: string,
  escalations: ReturnType<typeof escalationsFor>,
) {
  if (escalations.length === 0) return [];
  const withKeys = escalations.map((e) => ({
    ...e,
    key: ledgerKeys.escalation(regencyCode, e.item.due, e.item.trackingId, e.item.stage, e.level.level),
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
  send: (
    key: LedgerKey,
    email: OutgoingEmail,
    what: Record<string, unknown>,
    carries: readonly LedgerKey[],
  ) => Promise<SendStatus>,
  regency: Regency,
  date: string,
  heads: RosterEntry[],
  admins: RosterEntry[],
  escalations: { item: DigestItem; key: LedgerKey; level: { minWorkingDaysLate: number } }[],
): Promise<SendStatus> {
  if (heads.length === 0) return 'no-recipient';
  return send(
    ledgerKeys.escalationNotice(date, regency.code),
    {
      from: deps.senderAddress,
      to: heads.map(mailbox),
      cc: admins.map(mailbox),
      ...deps.views.escalationNotice({
        province: deps.regions.province,
        regency,
        date,
        view: escalationView(
          escalations.map((e) => e.item),
          { date, zone: deps.regions.zone },
        ),
        minWorkingDaysLate: Math.min(...escalations.map((e) => e.level.minWorkingDaysLate)),
        laporBaseUrl: deps.laporBaseUrl,
      }),
      headers: { 'X-Lapor-Paman-Ledger': `ESCALATION#${date}#${regency.code}` },
    },
    { kind: 'escalation-notice', regencyCode: regency.code, date, complaints: escalations.length },
    escalations.map((e) => e.key),
  );
}

/** The instant the scheduled check runs on a date: 08:00 in the province's zone (its schedule's zone). */
export function scheduledInstant(date: string, zone: Zone): Date {
  return zone.at(date, '08:00');
}
