import path from 'node:path';
import { loadRegions } from '../functions/adapters/data-files';
import { clockParts, type Schedule, shiftClock } from '../functions/domain/place-profile';
import type { Zone } from '../functions/domain/zone';
import { repoRoot } from './config';

/** What the CDK app reads of a province's place profile: its zone and when its jobs run. */
export interface Place {
  readonly zone: Pick<Zone, 'id' | 'abbreviation'>;
  readonly schedule: Schedule;
  /** The profile's file, for error messages. */
  readonly file: string;
}

/**
 * The province's place profile (data/regions/<code>.json), the same file the functions read: the
 * schedules run at its `schedule` times, in its own zone.
 * @param dataDir the data folder shipped with the functions @default <repo>/data
 */
export function provincePlace(provinceCode: string, dataDir = path.join(repoRoot, 'data')): Place {
  const regions = loadRegions(dataDir, provinceCode);
  return {
    zone: regions.zone,
    schedule: regions.province.schedule,
    file: `data/regions/${provinceCode}.json`,
  };
}

/** A time of day for a cron expression, and as people read it (`08:00`). */
export interface CronTime {
  readonly hour: string;
  readonly minute: string;
  /** `08:00` */
  readonly text: string;
}

/** The times of a stage's scheduled jobs, in the province's zone. */
export interface StageTimes {
  /** The daily deadline check. */
  readonly dailyCheck: CronTime;
  /** The public scoreboard, 30 minutes after the daily check. */
  readonly sitePublish: CronTime;
  /** When the missed-check alarm's text says today's run should have completed: 2 hours after it (`10:00`). */
  readonly checkCompletedBy: string;
  /** The semester start on 1 January and 1 July. */
  readonly semesterStart: CronTime;
  /** The scoreboard with the new ranking, 3 hours after the semester start. */
  readonly siteAfterSemester: CronTime;
}

/** How long after the check the site is published, and after the semester start the new ranking. */
export const followUps = {
  sitePublishMinutes: 30,
  checkCompletedByMinutes: 120,
  siteAfterSemesterMinutes: 180,
};

/** A clock time moved by some minutes, past midnight if need be (only ever read, never scheduled). */
function aroundTheClock(time: string, minutes: number): string {
  const { hour, minute } = clockParts(time);
  const total = (((hour * 60 + minute + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The times a stage's schedules run: the place profile's, `leadMinutes` earlier (staging), and the
 * jobs that follow them. Throws, naming the file and field, when a time would move to another day:
 * a cron expression that follows another must stay on its day (and weekdays).
 */
export function stageTimes(place: Place, leadMinutes = 0): StageTimes {
  const at = (field: keyof Schedule, offset: number, what: string): CronTime => {
    const time = shiftClock(place.schedule[field], offset - leadMinutes);
    if (time === undefined)
      throw new Error(
        `${place.file}: province.schedule.${field} "${place.schedule[field]}": ${what} would fall on another day${leadMinutes ? ` (with the stage's scheduleLeadMinutes ${leadMinutes})` : ''}; choose a time that keeps it on the same day`,
      );
    const { hour, minute } = clockParts(time);
    return { hour: String(hour), minute: String(minute), text: time };
  };
  return {
    dailyCheck: at('dailyCheck', 0, 'the daily check'),
    sitePublish: at('dailyCheck', followUps.sitePublishMinutes, 'the scoreboard after the check'),
    checkCompletedBy: aroundTheClock(
      place.schedule.dailyCheck,
      followUps.checkCompletedByMinutes - leadMinutes,
    ),
    semesterStart: at('semesterStart', 0, 'the semester start'),
    siteAfterSemester: at(
      'semesterStart',
      followUps.siteAfterSemesterMinutes,
      'the scoreboard after the semester run',
    ),
  };
}
