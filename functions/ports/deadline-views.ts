import type { CommitmentGap } from '../domain/commitments';
import type { RegencyStanding } from '../domain/deadlines';
import type { DigestView, EscalationView, ListedComplaint } from '../domain/digest-view';
import type { InspectionItem } from '../domain/field-inspection';
import type { VacancyPeriod } from '../domain/handover';
import type { HandoverView, VacancyBreach } from '../domain/handover-view';
import type { OutreachEffect } from '../domain/outreach';
import type { Regency, RegionData } from '../domain/regions';
import type { EmailContent } from './mailer';

/**
 * Port: the daily check's messages as e-mails, worded by the views (templates/deadline-emails.ts) for
 * the e-mail channel (functions/adapters/email-channel.ts). The inputs below are the messages' view
 * models, the same for every channel (functions/ports/notification-channel.ts).
 */

type Province = RegionData['province'];

/** A liaison admin's daily digest. */
export interface RegencyDigestInput {
  province: Province;
  regency: Regency;
  date: string;
  view: DigestView;
  laporBaseUrl: string;
  policyName: string;
  vacant: boolean;
  /** Field inspections planned by the horizon, and those past their planned date with no date done. */
  inspections?: { coming: readonly InspectionItem[]; overdue: readonly InspectionItem[] };
}

/** The arriving admin's first digest: every open complaint of the regency (serah terima). */
export interface HandoverDigestInput {
  province: Province;
  regency: Regency;
  view: HandoverView;
  laporBaseUrl: string;
  policyName: string;
}

/** One line to the outgoing admin and the head: who took over on which date, how many complaints. */
export interface HandoverNoticeInput {
  province: Province;
  regency: Regency;
  view: HandoverView;
}

/** A vacant liaison seat, as the province digest reports it. */
export interface VacancyReport {
  regencyCode: string;
  vacancy: VacancyPeriod;
  /** Deadlines of the admin or a unit missed while the seat was vacant, most late first. */
  breaches: readonly VacancyBreach[];
}

/** A regency head's escalation notice. */
export interface EscalationNoticeInput {
  province: Province;
  regency: Regency;
  date: string;
  view: EscalationView;
  minWorkingDaysLate: number;
  laporBaseUrl: string;
}

/** A complaint list of the province digest: the most late, with how many there are in all. */
export interface ProvinceList {
  items: readonly ListedComplaint[];
  total: number;
  omitted: number;
}

/** The province team's daily digest. */
export interface ProvinceDigestInput {
  province: Province;
  date: string;
  lagging: readonly RegencyStanding[];
  escalations: ProvinceList;
  untouched: ProvinceList;
  missingCalendarYears: readonly number[];
  regencyName: (code: string) => string;
  laporBaseUrl: string;
  onTimeWindowDays: number;
  failures: readonly { code: string; message: string }[];
  /** Lagging regencies without a head's commitment in force (sentences from the domain). */
  commitmentGaps?: readonly CommitmentGap[];
  /** Vacant liaison seats (running, or ended since the last check) and what went late meanwhile. */
  vacancies?: readonly VacancyReport[];
  /** Outreach events whose after-window just ended, with their effect (functions/domain/outreach.ts). */
  outreachResults?: readonly OutreachEffect[];
}

export interface DeadlineViews {
  regencyDigest(input: RegencyDigestInput): EmailContent;
  escalationNotice(input: EscalationNoticeInput): EmailContent;
  provinceDigest(input: ProvinceDigestInput): EmailContent;
  handoverDigest(input: HandoverDigestInput): EmailContent;
  handoverNotice(input: HandoverNoticeInput): EmailContent;
}
