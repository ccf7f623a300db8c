import { defaultDataDir } from '../handlers/support/config';

/** The data folder: $DATA_DIR, else the repository's data/. */
export function dataDirFromEnv(): string {
  return process.env.DATA_DIR?.trim() || defaultDataDir();
}
