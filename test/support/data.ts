import { fileURLToPath } from 'node:url';
import { loadCalendar, loadRegions, loadSlaPolicy } from '../../functions/adapters/data-files';

/** The repository's data folder, as shipped. */
export const dataDir = fileURLToPath(new URL('../../data', import.meta.url));

export const kalsel = () => loadRegions(dataDir, '63');
export const calendar = () => loadCalendar(dataDir, kalsel().zone);
export const nationalPolicy = () => loadSlaPolicy(dataDir, 'nasional');
export const kalselPolicy = () => loadSlaPolicy(dataDir, 'kalsel');
