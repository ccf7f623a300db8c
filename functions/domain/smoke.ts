/**
 * The smoke test's reserved space. A deployment is proven by posting a synthetic update and reading
 * it back; that update must never reach a digest, a report or the scoreboard. It goes to a reserved
 * regency, `<province>99`: Kemendagri numbers regencies 01-79, and every figure (deadline digests,
 * semester metrics, aggregates, the scoreboard) is computed regency by regency from the region file,
 * which never lists it. Its tracking ids carry a prefix no LAPOR! id has, and the two go together:
 * validation refuses a reserved id in a real regency, and a real id in the reserved regency.
 */
export const smokeTrackingPrefix = 'SMOKE-';

/** The reserved regency code of a province: `6399` for Kalimantan Selatan. */
export function smokeRegencyCode(provinceCode: string): string {
  return `${provinceCode}99`;
}

/** Whether a tracking id is the smoke test's. */
export function isSmokeTrackingId(trackingId: string): boolean {
  return trackingId.toUpperCase().startsWith(smokeTrackingPrefix);
}

/** The one complaint the smoke test writes to, per province: each run adds one status update to it. */
export function smokeTrackingId(provinceCode: string): string {
  return `${smokeTrackingPrefix}${provinceCode}`;
}

/** The problem with an update's pairing of tracking id and regency, if any (null when fine). */
export function smokePairingProblem(
  trackingId: string,
  regencyCode: string,
  provinceCode: string,
): { path: 'regencyCode'; message: string } | null {
  const reserved = smokeRegencyCode(provinceCode);
  if (isSmokeTrackingId(trackingId) && regencyCode !== reserved) {
    return {
      path: 'regencyCode',
      message: `tracking ids starting with ${smokeTrackingPrefix} are reserved for smoke tests and go to regency ${reserved} only`,
    };
  }
  if (regencyCode === reserved && !isSmokeTrackingId(trackingId)) {
    // A real tracking id here is most likely a mistyped regency code: name the code.
    return {
      path: 'regencyCode',
      message: `is not a regency of province ${provinceCode}: ${reserved} is reserved for smoke tests (tracking ids ${smokeTrackingPrefix}...)`,
    };
  }
  return null;
}

/**
 * An instant to the millisecond, in UTC: two runs within one second must still order by time, not by
 * their random run ids (else the later one is `stale`). UTC needs no province's zone.
 */
export function smokeInstant(at: Date): string {
  return at.toISOString();
}

/**
 * The synthetic update of one smoke run: a fresh source update id, so that each run records one new
 * event; `occurredAt` is the run's instant, so that it becomes the complaint's current state.
 */
export function smokeUpdate(provinceCode: string, at: Date, runId: string) {
  return {
    trackingId: smokeTrackingId(provinceCode),
    regencyCode: smokeRegencyCode(provinceCode),
    unit: 'Smoke test',
    category: 'Smoke test',
    classification: 'aspirasi',
    status: 'Belum Terverifikasi',
    occurredAt: smokeInstant(at),
    sourceUpdateId: `smoke-${runId}`,
    note: 'Synthetic update of `lapor-paman smoke`: not a complaint.',
  };
}
