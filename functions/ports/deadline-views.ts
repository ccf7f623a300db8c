import type { CommitmentGap } from '../domain/commitments';
import type { RegencyStanding } from '../domain/deadlines';
import type { DigestView, EscalationView, ListedComplaint } from '../domain/digest-view';
import type { Regency, RegionData } from '../domain/regions';
import type { EmailContent } from './mailer';

/** Port: the daily check's messages, worded by the views (templates/deadline-emails.ts). */

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
}

export interface DeadlineViews {
  regencyDigest(input: RegencyDigestInput): EmailContent;
  escalationNotice(input: EscalationNoticeInput): EmailContent;
  provinceDigest(input: ProvinceDigestInput): EmailContent;
}
