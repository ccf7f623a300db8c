import { describe, expect, it } from 'vitest';
import { validateUpdate } from '../../functions/domain/update';
import { kalsel } from '../support/data';
import { anUpdate } from '../support/fixtures';

const clock = new Date('2026-03-17T02:00:00Z'); // 10:00 WITA
const at = (minutesAhead: number) =>
  new Date(clock.getTime() + minutesAhead * 60_000).toISOString().replace('Z', '+00:00');

describe('validation of an update against the receiver’s clock', () => {
  it('allows five minutes of clock skew and refuses an instant beyond it, naming the field', () => {
    expect(validateUpdate(anUpdate({ occurredAt: at(4) }), kalsel(), clock).ok).toBe(true);
    expect(validateUpdate(anUpdate({ occurredAt: at(6) }), kalsel(), clock)).toMatchObject({
      ok: false,
      errors: [{ path: 'occurredAt', message: 'is in the future' }],
    });
  });

  it('judges each update by the clock of its own call, one after another', () => {
    const regions = kalsel();
    const update = anUpdate({ occurredAt: at(60) });
    expect(validateUpdate(update, regions, clock).ok).toBe(false);
    expect(validateUpdate(update, regions, new Date(clock.getTime() + 3_600_000)).ok).toBe(true);
    expect(validateUpdate(update, regions, clock).ok).toBe(false);
  });

  it('answers the same for the same input, whatever was validated before', () => {
    const regions = kalsel();
    const bad = { ...anUpdate({ occurredAt: at(-60) }), regencyCode: '9999', status: 'Entah' };
    const first = validateUpdate(bad, regions, clock);
    for (let i = 0; i < 3; i++) validateUpdate(anUpdate({ occurredAt: at(-i) }), regions, clock);
    expect(validateUpdate(bad, regions, clock)).toEqual(first);
    expect(first.ok).toBe(false);
    expect(!first.ok && first.errors.map((e) => e.path).sort()).toEqual(['regencyCode', 'status']);
  });
});

describe('free text of an update', () => {
  it('scrubs category, unit and note before storage: each is stored and may be published', () => {
    const result = validateUpdate(
      anUpdate({
        category: 'Keluhan Budi NIK 6371111512890002 HP 081234567890',
        unit: 'Dinas PUPR, kontak 0812\u20133456\u20137890',
        note: 'surel budi{at}gmail{dot}com',
        occurredAt: at(-60),
      }),
      kalsel(),
      clock,
    );
    expect(result.ok && result.update).toMatchObject({
      category: 'Keluhan Budi NIK [NIK dihapus] HP [telepon dihapus]',
      unit: 'Dinas PUPR, kontak [telepon dihapus]',
      note: 'surel [email dihapus]',
    });
  });

  it("scrubs the citizens' fields kept as written (an unknown kecamatan, a rating)", () => {
    const result = validateUpdate(
      anUpdate({
        district: 'Kec. Budi 081234567890',
        village: 'Kuin NIK 6371111512890002',
        rating: 'puas, WA 0812 3456 7890',
        occurredAt: at(-60),
      } as never),
      kalsel(),
      clock,
    );
    expect(JSON.stringify(result.ok && result.update)).not.toMatch(/\d{6}/);
  });

  it('refuses a category that is nothing but invisible characters', () => {
    expect(
      validateUpdate(anUpdate({ category: '\u200b\u00ad', occurredAt: at(-60) }), kalsel(), clock),
    ).toMatchObject({
      ok: false,
      errors: [{ path: 'category', message: 'must not be empty' }],
    });
  });
});
