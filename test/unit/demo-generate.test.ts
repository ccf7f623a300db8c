import { describe, expect, it } from 'vitest';
import { demoSemesterUpdates } from '../../demo/generate';
import { previousSemester, semester } from '../../functions/domain/semester';
import { calendar, kalsel } from '../support/data';

// `npm start` generates the previous semester and the demo semester with the same options (seed,
// complaints, id prefix); each must be a sample of its own: no tracking id of one in the other, or
// the demo semester counts its complaints as the previous semester's (README: about 1,400).
describe('the demo data of two consecutive semesters', () => {
  const current = semester(2026, 1, kalsel().zone);
  const previous = previousSemester(current, kalsel().zone);
  const generate = (s: typeof current, complaints: number) =>
    demoSemesterUpdates({
      semester: s,
      calendar: calendar(),
      seed: 2026,
      complaints,
      until: s.end,
      prefix: 'LP',
    });
  const ids = (updates: { trackingId: string }[]) => new Set(updates.map((u) => u.trackingId));

  it.each([40, 1400])('shares no tracking id between the semesters (%i complaints each)', (complaints) => {
    const before = ids(generate(previous, complaints));
    const during = ids(generate(current, complaints));
    expect(during.size).toBeGreaterThanOrEqual(complaints); // more where an outreach event draws more
    expect([...during].filter((id) => before.has(id))).toEqual([]);
  });

  it('gives each semester data of its own, not the same draws renamed', () => {
    const regencies = (s: typeof current) => generate(s, 200).map((u) => u.regencyCode);
    expect(regencies(current)).not.toEqual(regencies(previous));
  });
});
