import { describe, expect, it } from 'vitest';
import {
  type Commitment,
  CommitmentFileError,
  commitmentGaps,
  commitmentOn,
  commitmentOutcomes,
  evaluateCommitment,
  parseCommitmentsCsv,
} from '../../functions/domain/commitments';
import { share } from '../../functions/domain/semester-evaluation';
import { kalsel } from '../support/data';

const header =
  'code,signatory,signed,document,from,to,follow_up_days,follow_up_percent,max_backlog,liaison,min_per_100k';

const commitment = (over: Partial<Commitment> = {}): Commitment => ({
  code: '6301',
  signatory: 'Bupati Tanah Laut',
  signed: '2025-12-15',
  document: '100.3.3/001/2025',
  from: '2026-01-01',
  targets: {
    followUp: { days: 3, percent: 80 },
    maxBacklog: 20,
    liaisonAlwaysInOffice: true,
    minPerHundredThousand: 30,
  },
  ...over,
});

/** Semester figures as the evaluation computes them. */
const metrics = (over: Record<string, unknown> = {}) => ({
  backlogAtEnd: 12,
  perHundredThousand: 34.4,
  daysWithoutAdmin: 0,
  daysWithoutBackup: 0,
  followUpWithinDays: [
    { days: 3, share: share(85, 100) },
    { days: 5, share: share(95, 100) },
  ],
  ...over,
});

describe('the commitments file', () => {
  it('reads each row with its targets', () => {
    const [c, d] = parseCommitmentsCsv(
      [
        header,
        '6301,Bupati Tanah Laut,2025-12-15,100.3.3/001/2025,2026-01-01,,3,80,20,ya,30',
        '6372,Wali Kota Banjarbaru,2025-06-01,https://jdih.example/kom-2025.pdf,2025-07-01,2025-12-31,,,15,,',
      ].join('\n'),
      kalsel(),
    );
    expect(c).toEqual(commitment());
    expect(d).toEqual({
      code: '6372',
      signatory: 'Wali Kota Banjarbaru',
      signed: '2025-06-01',
      document: 'https://jdih.example/kom-2025.pdf',
      from: '2025-07-01',
      to: '2025-12-31',
      targets: { maxBacklog: 15 },
    });
  });

  it('names every bad row, its column and why, and imports nothing', () => {
    const bad = [
      header,
      '9999,Bupati X,2025-12-15,No 1,2026-01-01,,3,80,,,',
      '6301,,2025-12-15,No 1,2026-01-01,,3,,,,',
      '6302,Bupati Kotabaru,2026-02-01,No 2,2026-01-01,2025-12-31,12,150,-1,mungkin,',
      '6303,Bupati Banjar,2025-12-01,No 3,2026-01-01,,,,,,',
      '6304,Bupati Barito Kuala,2025-12-01,No 4,2026-01-01,,,,5,,',
      '6306,Bupati Hulu Sungai Selatan,2025-12-01,No 6,2026-01-01,,3,,,,',
      '6304,Bupati Barito Kuala,2025-12-02,No 5,2026-01-01,,,,6,,',
    ].join('\n');
    let error: unknown;
    try {
      parseCommitmentsCsv(bad, kalsel(), 'k.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CommitmentFileError);
    const lines = (error as Error).message.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'k.csv row 2: code: is not a regency of province 63',
        'k.csv row 3: signatory: must name the signing office, e.g. Bupati Tanah Laut',
        'k.csv row 4: follow_up_days: must be at most 10',
        'k.csv row 4: follow_up_percent: must be at most 100',
        'k.csv row 4: max_backlog: must not be negative',
        'k.csv row 4: liaison: must be ya or tidak',
        'k.csv row 5: row: sets no target',
        'k.csv row 7: follow_up_percent: follow_up_days and follow_up_percent go together (within N working days for X%)',
        'k.csv row 8: from: 6304 already has a commitment from 2026-01-01 (row 6)',
      ]),
    );
    expect(() => parseCommitmentsCsv(header, kalsel(), 'k.csv')).toThrow('k.csv: no commitment rows');
  });
});

describe('which commitment is in force', () => {
  const list = [
    commitment({ from: '2025-01-01', to: '2025-12-31', document: 'old' }),
    commitment({ from: '2026-03-01', document: 'new' }),
    commitment({ code: '6305', from: '2025-01-01', to: '2025-12-31', document: 'ended' }),
  ];

  it('takes the newest started, which replaces the older', () => {
    expect(commitmentOn(list, '6301', '2026-06-30')).toMatchObject({
      status: 'in-force',
      commitment: { document: 'new' },
    });
    expect(commitmentOn(list, '6301', '2025-06-30')).toMatchObject({
      status: 'in-force',
      commitment: { document: 'old' },
    });
  });

  it('reports an ended one as expired, and a regency without any as none', () => {
    expect(commitmentOn(list, '6301', '2026-02-01')).toMatchObject({
      status: 'expired',
      commitment: { document: 'old' },
    });
    expect(commitmentOn(list, '6305', '2026-06-30').status).toBe('expired');
    expect(commitmentOn(list, '6308', '2026-06-30').status).toBe('none');
  });
});

describe('judging a commitment against a semester', () => {
  it('says per target met or not, and by how much', () => {
    const result = evaluateCommitment(
      { status: 'in-force', commitment: commitment() },
      metrics({ backlogAtEnd: 26, daysWithoutBackup: 14 }),
    );
    expect(result.targets.map((t) => [t.kind, t.achieved, t.met, t.margin])).toEqual([
      ['follow-up', 85, true, 5],
      ['backlog', 26, false, -6],
      ['liaison', 14, false, -14],
      ['volume', 34.4, true, expect.closeTo(4.4, 9)],
    ]);
    expect(result.targets.map((t) => t.verdict)).toEqual([
      'Terpenuhi, lebih baik 5,0 poin',
      'Tidak terpenuhi, kurang 6 laporan',
      'Tidak terpenuhi, kurang 14 hari tanpa admin atau cadangan',
      'Terpenuhi, lebih baik 4,4 per 100.000',
    ]);
    expect(result).toMatchObject({ kept: false, met: 2, judged: 4, summary: '2 dari 4 target terpenuhi' });
  });

  it('keeps a commitment whose every target is met, exactly at target included', () => {
    const result = evaluateCommitment(
      { status: 'in-force', commitment: commitment({ targets: { maxBacklog: 12 } }) },
      metrics(),
    );
    expect(result.targets[0]?.verdict).toBe('Terpenuhi, tepat pada target');
    expect(result).toMatchObject({ kept: true, summary: '1 dari 1 target terpenuhi' });
  });

  it('does not judge a follow-up target on fewer than five cases', () => {
    const result = evaluateCommitment(
      { status: 'in-force', commitment: commitment({ targets: { followUp: { days: 3, percent: 80 } } }) },
      metrics({ followUpWithinDays: [{ days: 3, share: share(2, 2) }] }),
    );
    expect(result.targets[0]).toMatchObject({ parts: { numerator: 2, denominator: 2 } });
    expect(result.targets[0]?.met).toBeUndefined();
    expect(result.targets[0]?.verdict).toBe('Belum dapat dinilai: 2 dari 2 laporan, kurang dari 5');
    expect(result.kept).toBeUndefined();
    expect(result.summary).toBe('Komitmen belum dapat dinilai');
  });

  it('reports no commitment and an expired one without judging', () => {
    expect(evaluateCommitment({ status: 'none' }, metrics()).summary).toBe('Belum ada komitmen tertulis');
    const expired = evaluateCommitment(
      { status: 'expired', commitment: commitment({ to: '2025-12-31' }) },
      metrics(),
    );
    expect(expired).toMatchObject({ status: 'expired', targets: [], judged: 0 });
    expect(expired.summary).toBe('Komitmen berakhir 31 Desember 2025 dan belum diperbarui');
  });
});

describe('the province digest note', () => {
  it('names lagging regencies without a commitment in force, and only those', () => {
    const list = [
      commitment({ code: '6301' }),
      commitment({ code: '6305', from: '2025-01-01', to: '2025-12-31' }),
    ];
    const gaps = commitmentGaps(
      [
        { code: '6301', name: 'Tanah Laut' },
        { code: '6305', name: 'Tapin' },
        { code: '6308', name: 'Hulu Sungai Utara' },
      ],
      list,
      '2026-03-17',
    );
    expect(gaps).toEqual([
      {
        code: '6305',
        name: 'Tapin',
        status: 'expired',
        endedOn: '2025-12-31',
        sentence:
          'Tapin: tertinggal, dan komitmen kepala daerahnya berakhir 31 Desember 2025 tanpa pembaruan.',
      },
      {
        code: '6308',
        name: 'Hulu Sungai Utara',
        status: 'none',
        sentence: 'Hulu Sungai Utara: tertinggal, dan belum ada komitmen tertulis kepala daerah.',
      },
    ]);
  });
});

describe('the public scoreboard view', () => {
  it('gives each regency the same judgement as the PDFs, as a status and a sentence', () => {
    const judged = (code: string, standing: Parameters<typeof evaluateCommitment>[0], over = {}) => ({
      regencyCode: code,
      commitment: evaluateCommitment(standing, metrics(over)),
    });
    const outcomes = commitmentOutcomes({
      regencies: [
        judged('6301', { status: 'in-force', commitment: commitment({ targets: { maxBacklog: 20 } }) }),
        judged('6302', { status: 'in-force', commitment: commitment({ targets: { maxBacklog: 5 } }) }),
        judged(
          '6303',
          { status: 'in-force', commitment: commitment({ targets: { followUp: { days: 3, percent: 80 } } }) },
          { followUpWithinDays: [{ days: 3, share: share(1, 1) }] },
        ),
        judged('6305', { status: 'expired', commitment: commitment({ to: '2025-12-31' }) }),
        judged('6308', { status: 'none' }),
      ] as never,
    });
    expect([...outcomes].map(([code, o]) => [code, o.status, o.summary])).toEqual([
      ['6301', 'kept', '1 dari 1 target terpenuhi'],
      ['6302', 'not-kept', '0 dari 1 target terpenuhi'],
      ['6303', 'unjudged', 'Komitmen belum dapat dinilai'],
      ['6305', 'expired', 'Komitmen berakhir 31 Desember 2025 dan belum diperbarui'],
      ['6308', 'none', 'Belum ada komitmen tertulis'],
    ]);
  });
});
