import { describe, expect, it } from 'vitest';
import { SinkMailer } from '../../functions/adapters/mail-sink';
import { traced, tracer } from '../../functions/adapters/tracing';
import { smokeUpdate } from '../../functions/domain/smoke';
import { foldUpdate } from '../../functions/domain/snapshot';
import { validateUpdate } from '../../functions/domain/update';
import type { OutgoingEmail } from '../../functions/ports/mailer';
import type { DeadlineReport } from '../../functions/use-cases/check-deadlines';
import { mailerFor } from '../../handlers/support/compose';
import { loadConfig } from '../../handlers/support/config';
import { checkCompleted, claimsInProgress, deadlineMailCounts } from '../../handlers/support/ops-metrics';
import { calendar, kalsel, nationalPolicy } from '../support/data';

const email: OutgoingEmail = {
  from: 'LAPOR Paman <no-reply@kalselprov.go.id>',
  to: ['admin.tapin@example.go.id', 'backup.tapin@example.go.id'],
  cc: ['province@example.go.id'],
  subject: 'Ringkasan harian',
  text: 'isi',
  headers: { 'X-Lapor-Paman-Ledger': 'digest#6305#2026-03-17' },
};

describe('the mail sink of a stage that must not mail people', () => {
  it('sends every message to the sink only, marked with the stage, counting the intended recipients', async () => {
    const sent: OutgoingEmail[] = [];
    const mailer = new SinkMailer(
      {
        send: async (e) => {
          sent.push(e);
          return 'id-1';
        },
      },
      'success@simulator.amazonses.com',
    );
    expect(await mailer.send(email)).toBe('id-1');
    expect(sent).toEqual([
      {
        from: email.from,
        to: ['success@simulator.amazonses.com'],
        subject: '[staging] Ringkasan harian',
        text: 'isi',
        headers: {
          'X-Lapor-Paman-Ledger': 'digest#6305#2026-03-17',
          'X-Lapor-Paman-Intended-Recipients': '3',
        },
      },
    ]);
    expect(JSON.stringify(sent)).not.toContain('tapin@example');
  });

  it('is what the wiring gives a function whose environment names MAIL_SINK, and only then', async () => {
    const env = { TABLE_NAME: 't', PROVINCE_CODE: '63', SENDER_ADDRESS: 'a@b.go.id', STAGE: 'staging' };
    const sent: OutgoingEmail[] = [];
    const inner = {
      send: async (e: OutgoingEmail) => {
        sent.push(e);
        return 'id';
      },
    };
    await mailerFor(loadConfig({ ...env, MAIL_SINK: 'sink@b.go.id' }), { mailer: inner }).send(email);
    await mailerFor(loadConfig(env), { mailer: inner }).send(email);
    expect(sent.map((e) => e.to)).toEqual([['sink@b.go.id'], email.to]);
  });
});

describe('the operations metrics', () => {
  it('count e-mails sent and failed per kind from a deadline report', () => {
    const regency = (digest: string, escalationNotice: string) => ({ digest, escalationNotice });
    const report = {
      regencies: [
        regency('sent', 'nothing-to-send'),
        regency('failed', 'sent'),
        regency('already-sent', 'sent'),
        regency('dry-run', 'failed'),
      ],
      province: { digest: 'sent' },
    } as unknown as DeadlineReport;
    expect(deadlineMailCounts(report)).toEqual([
      { kind: 'digest', sent: 1, failed: 1 },
      { kind: 'escalation-notice', sent: 2, failed: 1 },
      { kind: 'province-digest', sent: 1, failed: 0 },
      { kind: 'handover', sent: 0, failed: 0 },
      { kind: 'handover-notice', sent: 0, failed: 0 },
    ]);
  });

  it("count today's completed check on any day, weekends and holidays too, but never a dry run, a failed run or a replay", () => {
    const report = (date: string, failures = 0, skipped?: string) =>
      ({ date, failures, ...(skipped ? { skipped } : {}) }) as unknown as DeadlineReport;
    expect(
      checkCompleted(report('2026-12-05', 0, 'non-working-day'), { dryRun: false, today: '2026-12-05' }),
    ).toBe(true);
    expect(checkCompleted(report('2026-12-07'), { dryRun: false, today: '2026-12-07' })).toBe(true);
    expect(checkCompleted(report('2026-12-07'), { dryRun: true, today: '2026-12-07' })).toBe(false);
    expect(checkCompleted(report('2026-12-07', 1), { dryRun: false, today: '2026-12-07' })).toBe(false);
    expect(checkCompleted(report('2026-12-04'), { dryRun: false, today: '2026-12-07' })).toBe(false);
  });

  it('count the e-mail claims a check found held by another attempt', () => {
    const report = {
      regencies: [
        { digest: 'in-progress', escalationNotice: 'sent' },
        { digest: 'sent', escalationNotice: 'in-progress' },
      ],
      province: { digest: 'in-progress' },
    } as unknown as DeadlineReport;
    expect(claimsInProgress(report)).toBe(3);
  });
});

describe('tracing', () => {
  it('is off outside a bundle compiled with it: the handler is returned as it is', () => {
    const handler = async (e: number) => e + 1;
    expect(tracer).toBeUndefined();
    expect(traced('x', handler)).toBe(handler);
  });
});

describe('the smoke test reserved space', () => {
  const now = new Date('2026-11-30T04:00:00Z');
  const smoke = smokeUpdate('63', now, 'run-1');

  it('accepts the smoke update in the reserved regency, which is no regency of the province', () => {
    expect(kalsel().has('6399')).toBe(false);
    const result = validateUpdate(smoke, kalsel(), now);
    expect(result).toMatchObject({ ok: true, update: { trackingId: 'SMOKE-63', regencyCode: '6399' } });
  });

  it('makes each run the current state, even two runs within one second whose ids sort the other way', () => {
    const ctx = { calendar: calendar(), policy: nationalPolicy() };
    const first = validateUpdate(smokeUpdate('63', now, 'run-ffffff'), kalsel(), now);
    const later = new Date(now.getTime() + 300);
    const second = validateUpdate(smokeUpdate('63', later, 'run-000000'), kalsel(), later);
    if (!first.ok || !second.ok) throw new Error('smoke updates must validate');
    const a = foldUpdate(undefined, first.update, ctx, now);
    const b = foldUpdate(a.snapshot, second.update, ctx, later);
    expect(b.outcome).toBe('applied');
    expect(Date.parse(b.snapshot.lastEventAt)).toBe(later.getTime());
  });

  it('refuses a smoke tracking id in a real regency, and a real tracking id in the reserved regency', () => {
    expect(validateUpdate({ ...smoke, regencyCode: '6302' }, kalsel(), now)).toMatchObject({
      ok: false,
      errors: [{ path: 'regencyCode', message: expect.stringContaining('reserved for smoke tests') }],
    });
    expect(validateUpdate({ ...smoke, trackingId: 'LAPOR-6302-2026-000123' }, kalsel(), now)).toMatchObject({
      ok: false,
      errors: [
        {
          path: 'regencyCode',
          message:
            'is not a regency of province 63: 6399 is reserved for smoke tests (tracking ids SMOKE-...)',
        },
      ],
    });
  });
});
