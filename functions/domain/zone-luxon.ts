import { FixedOffsetZone } from 'luxon';
import type { Zone } from './zone';

/**
 * A province's zone as a fixed-offset luxon zone: its zone has no daylight saving (zone.ts), so this
 * gives the same instants and ISO strings as the IANA zone without an Intl lookup per conversion,
 * which was the largest single cost of reading a file's dates.
 */
export function luxonZone(zone: Zone): FixedOffsetZone {
  return FixedOffsetZone.instance(zone.offsetMs / 60_000);
}
