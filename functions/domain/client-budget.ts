/**
 * How many updates one ingest client may have written a second (issue 23, finding 5). The table
 * has one write ceiling for everything (`tableMaxWriteRequestUnits`, 1,000 units a second by
 * default); an update costs ~8.5 units, and one function instance alone stores ~100 updates a
 * second. Without a per-client budget one client's flood takes the whole ceiling, and the daily
 * check's ledger writes and the other regencies' imports are throttled. At 40 updates a second a
 * client takes at most ~340 units (a third of the ceiling): a day of the largest regency in a few
 * seconds, and two thirds left for everyone else. A product setting, not a rule.
 */
export const defaultClientUpdatesPerSecond = 40;

/** How long a request waits for the next second's budget before the rest is answered "failed, retry". */
export const clientBudgetMaxWaitMs = 5_000;

/** The budget window an instant falls in (whole seconds since the epoch) and the ms to the next. */
export function budgetWindow(now: Date): { window: number; msToNext: number } {
  const ms = now.getTime();
  return { window: Math.floor(ms / 1000), msToNext: 1000 - (ms % 1000) };
}

/** The budget from the environment (`CLIENT_UPDATES_PER_SECOND`), or the default. */
export function clientUpdatesPerSecond(env: Record<string, string | undefined>): number {
  const raw = env.CLIENT_UPDATES_PER_SECOND;
  if (raw === undefined || raw === '') return defaultClientUpdatesPerSecond;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`CLIENT_UPDATES_PER_SECOND must be a whole number of at least 1 (got "${raw}")`);
  return n;
}
