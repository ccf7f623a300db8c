import { describe, expect, it } from 'vitest';
import { generateUpdates } from '../../demo/generate';
import { withDemoInspections } from '../../demo/inspections';
import { inspectionState } from '../../functions/domain/field-inspection';
import { parseSemester } from '../../functions/domain/semester';
import { calendar, kalsel } from '../support/data';

describe('the demo field inspections', () => {
  it('marks a handful of complaints in Kotabaru and Tanah Bumbu, one done late, without moving any update', () => {
    const semester = parseSemester('2026-H1', kalsel().zone);
    const updates = generateUpdates({
      semester,
      calendar: calendar(),
      seed: 2026,
      until: '2026-07-01T08:00:00+08:00',
      prefix: 'T',
    });
    const marked = withDemoInspections(updates, calendar());
    expect(marked.map((u) => [u.trackingId, u.status, u.occurredAt])).toEqual(
      updates.map((u) => [u.trackingId, u.status, u.occurredAt]),
    );
    const inspected = new Map<string, { plannedOn?: string; doneOn?: string }>();
    for (const u of marked) {
      if (!u.fieldInspection) continue;
      inspected.set(u.trackingId, { ...inspected.get(u.trackingId), ...u.fieldInspection });
    }
    const regencies = [...inspected.keys()].map((id) => marked.find((u) => u.trackingId === id)?.regencyCode);
    expect(regencies.filter((c) => c === '6302')).toHaveLength(4);
    expect(regencies.filter((c) => c === '6310')).toHaveLength(2);
    const states = [...inspected.values()].map((i) => inspectionState({ markedAt: '', ...i }, '2026-07-01'));
    expect(states.filter((s) => s === 'done-late')).toHaveLength(1);
    expect(states.filter((s) => s === 'done-on-time')).toHaveLength(5);
  });
});
