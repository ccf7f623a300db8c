import path from 'node:path';
import { loadRegions } from '../functions/adapters/data-files';
import type { Zone } from '../functions/domain/zone';
import { repoRoot } from './config';

/**
 * The province's time zone from its place profile (data/regions/<code>.json), the same file the
 * functions read: the schedules run at 08:00 and on 1 January / 1 July in the province's own zone.
 * @param dataDir the data folder shipped with the functions @default <repo>/data
 */
export function provinceZone(provinceCode: string, dataDir = path.join(repoRoot, 'data')): Zone {
  return loadRegions(dataDir, provinceCode).zone;
}
