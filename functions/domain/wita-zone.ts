import { FixedOffsetZone } from 'luxon';
import { witaOffsetMs } from './calendar';

/**
 * WITA as a fixed-offset luxon zone. WITA has no daylight saving (calendar.ts), so this gives the
 * same instants and ISO strings as "Asia/Makassar" without an Intl lookup per conversion, which was
 * the largest single cost of reading a file's dates.
 */
export const witaZone = FixedOffsetZone.instance(witaOffsetMs / 60_000);
