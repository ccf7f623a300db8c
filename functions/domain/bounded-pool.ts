/**
 * The one bounded worker pool (issue 22): at most `limit` calls of `fn` run at once, items are taken
 * in order, and each result lands at its item's index. Used by the use cases (reads of an import,
 * the complaints of an ingest batch, the regencies of the daily check), the benchmarks and the demo.
 *
 * On the first error no further item is started; the calls already running are let finish (so
 * nothing is still writing when the caller hears of the failure), then that first error is thrown.
 * Callers whose items must stand alone catch inside `fn`, as the daily check and the ingest do.
 *
 * Written here rather than taken from a library: it is a dozen lines, and the error rule above is
 * the one the callers need (a limiter such as p-limit leaves queued calls running after a failure).
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`a worker pool needs a whole number of workers of at least 1, not ${limit}`);
  }
  const out: R[] = new Array(items.length);
  let next = 0;
  let failed: { error: unknown } | undefined;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i] as T, i);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed) throw failed.error;
  return out;
}
