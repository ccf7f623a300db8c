import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportColumns } from '../../demo/lapor-export';
import { loadDistricts, citizenMapping as mapping } from '../../functions/adapters/data-files';
import {
  channelOf,
  districtOf,
  isReporterReply,
  parseDistrictPopulationCsv,
  parseDistrictsCsv,
  ratingOf,
  type UnknownValue,
} from '../../functions/domain/citizens';
import {
  exportStateKey,
  knownExportState,
  mapExportHeader,
  mapExportRow,
} from '../../functions/domain/lapor-export';
import { foldUpdate } from '../../functions/domain/snapshot';
import { type ComplaintUpdate, validateUpdate } from '../../functions/domain/update';
import { laporExportMapping } from '../../functions/use-cases/import-file';
import { calendar, dataDir, kalsel, nationalPolicy } from '../support/data';

const districts = loadDistricts(dataDir, '63');
const citizens = { mapping, ...(districts ? { districts } : {}) };
const sla = { policy: nationalPolicy(), calendar: calendar() };

describe('channels (Sumber Laporan, the Setwapres column)', () => {
  it('maps the channel names LAPOR! publishes, case, spaces and punctuation ignored', () => {
    expect(channelOf('Website', undefined, mapping)).toBe('website');
    expect(channelOf('  www.lapor.go.id ', undefined, mapping)).toBe('website');
    expect(channelOf('SMS 1708', undefined, mapping)).toBe('sms');
    expect(channelOf('mobile-app', undefined, mapping)).toBe('aplikasi');
    expect(channelOf('TWITTER', undefined, mapping)).toBe('twitter');
  });

  it('counts an unknown value as "lainnya" and names it, never refusing it', () => {
    const unknown: UnknownValue[] = [];
    expect(channelOf('Surat tercatat', undefined, mapping, unknown)).toBe('lainnya');
    expect(unknown).toEqual([{ field: 'channel', value: 'Surat tercatat' }]);
    expect(channelOf(undefined, undefined, mapping)).toBeUndefined();
  });

  it('takes the Setwapres channel when that column says yes, else the source; an odd value is named', () => {
    expect(channelOf('Website', 'Ya', mapping)).toBe('setwapres');
    expect(channelOf('Website', 'Tidak', mapping)).toBe('website');
    const unknown: UnknownValue[] = [];
    expect(channelOf('SMS', 'mungkin', mapping, unknown)).toBe('sms');
    expect(unknown).toEqual([{ field: 'setwapres', value: 'mungkin' }]);
  });
});

describe('kecamatan: the place of the problem, matched as data', () => {
  it('lists the 156 kecamatan of Kalimantan Selatan with their Kepmendagri source', () => {
    expect(districts?.of('6305').map((d) => d.name)).toContain('Binuang');
    const all = kalsel().regencies.flatMap((r) => districts?.of(r.code) ?? []);
    expect(all).toHaveLength(156);
    expect(districts?.source).toContain('300.2.2-2138');
  });

  it('matches spelling variants of spacing, hyphens and a "Kec." prefix, per regency', () => {
    expect(districtOf('6302', 'Pulau Laut Utara', districts)).toBe('Pulaulaut Utara');
    expect(districtOf('6301', 'BATI-BATI', districts)).toBe('Bati Bati');
    expect(districtOf('6310', 'Kec. Batulicin', districts)).toBe('Batu Licin');
    // The same name in two regencies is two kecamatan.
    expect(districtOf('6303', 'Simpang Empat', districts)).toBe('Simpang Empat');
    expect(districts?.match('6310', 'Simpang Empat')?.code).toBe('63.10.06');
  });

  it('keeps an unknown kecamatan as written and names it; never guesses a near spelling', () => {
    const unknown: UnknownValue[] = [];
    expect(districtOf('6305', 'Binuwang', districts, unknown)).toBe('Binuwang');
    expect(unknown).toEqual([{ field: 'district', value: 'Binuwang' }]);
  });

  it('reads a district list and populations only with their source', () => {
    expect(() => parseDistrictsCsv('code,regency,name,aliases\n63.05.01,6305,Binuang,\n', 'x')).toThrow(
      /source/,
    );
    const list = parseDistrictsCsv(
      '# source: test\ncode,regency,name,aliases\n63.05.01,6305,Binuang,Binuwang|Binoang\n',
      'x',
    );
    expect(list.match('6305', 'Binoang')?.name).toBe('Binuang');
    expect(() =>
      parseDistrictPopulationCsv(
        '# year: 2024\nregency,kecamatan,population,source\n6305,Binuang,100,bps\n',
        'p',
      ),
    ).toThrow(/source "bps"/);
    expect(
      parseDistrictPopulationCsv(
        '# source bps: BPS Kabupaten Tapin, Kecamatan Binuang Dalam Angka 2024\n# year: 2024\nregency,kecamatan,population,source\n6305,Binuang,30000,bps\n',
        'p',
      ),
    ).toEqual([
      {
        regencyCode: '6305',
        district: 'Binuang',
        population: 30000,
        year: 2024,
        source: expect.stringContaining('Dalam Angka'),
      },
    ]);
  });
});

describe('ratings and replies', () => {
  it('keeps a rating as written (the export values are not known) and names it', () => {
    const unknown: UnknownValue[] = [];
    expect(ratingOf(' 4 ', mapping, unknown)).toBe('4');
    expect(unknown).toEqual([{ field: 'rating', value: '4' }]);
    expect(ratingOf('-', mapping)).toBeUndefined();
    expect(ratingOf(undefined, mapping)).toBeUndefined();
  });

  it('maps a rating through the data file once it lists the value', () => {
    const withValues = {
      ...mapping,
      ratings: { ...mapping.ratings, values: { '5': { label: 'Sangat puas', source: 't' } } },
    };
    const unknown: UnknownValue[] = [];
    expect(ratingOf('5', withValues, unknown)).toBe('Sangat puas');
    expect(unknown).toEqual([]);
  });

  it('knows "Ditanggapi oleh Pelapor" as the reporter answering', () => {
    expect(isReporterReply('ditanggapi  oleh pelapor', mapping)).toBe(true);
    expect(isReporterReply('Selesai', mapping)).toBe(false);
  });
});

const header = mapExportHeader(
  [...exportColumns, 'Laporan yang Masuk melalui Kanal Aduan Setwapres'],
  laporExportMapping,
);
const cells = (values: Record<string, string>) =>
  [...exportColumns, 'Laporan yang Masuk melalui Kanal Aduan Setwapres'].map((c) => values[c] ?? '-');
const base = {
  'Tracking ID': '5049672',
  'Tanggal Laporan Masuk': '6 Jan 2026',
  'Klasifikasi Laporan': 'Pengaduan',
  Kategori: 'Infrastruktur',
  'Instansi Terdisposisi': 'Dinas PUPR',
  'Status Laporan': 'Ditanggapi oleh Pelapor',
  'Kota/Kabupaten': 'Kab. Tapin',
};

describe('an export row with the citizens columns', () => {
  it('reads channel, kecamatan, kelurahan, rating and the reporter reply; the stage stays Sedang Diproses', () => {
    const mapped = mapExportRow(
      cells({
        ...base,
        'Sumber Laporan': 'Website',
        Kecamatan: 'Kec. Binuang',
        Kelurahan: 'Pulau  Pinang',
        Rating: '4',
      }),
      12,
      header,
      laporExportMapping,
      kalsel(),
      citizens,
    );
    expect(mapped.ok && mapped.row).toMatchObject({
      status: 'terdisposisi-sedang-diproses',
      channel: 'website',
      district: 'Binuang',
      village: 'Pulau Pinang',
      rating: '4',
      reporterReplied: true,
      unknownValues: [{ field: 'rating', value: '4' }],
    });
  });

  it('never refuses a row for an unknown channel or kecamatan', () => {
    const mapped = mapExportRow(
      cells({ ...base, 'Sumber Laporan': 'Kotak saran', Kecamatan: 'Atlantis' }),
      12,
      header,
      laporExportMapping,
      kalsel(),
      citizens,
    );
    expect(mapped.ok && mapped.row).toMatchObject({ channel: 'lainnya', district: 'Atlantis' });
  });

  it('keeps the state key of a row without those columns, and is not a change when a later export lacks them', () => {
    const state = {
      status: 'terdisposisi-selesai',
      classification: 'aspirasi',
      regencyCode: '6305',
      unit: 'U',
      category: 'K',
    };
    expect(exportStateKey(state)).toBe('terdisposisi-selesai|aspirasi|6305|U|K|');
    const known = { ...state, channel: 'website', rating: '4', reporterReplied: true };
    const row = {
      ...state,
      line: 1,
      trackingId: '1',
      statusLabel: 'Selesai',
      submittedAt: '',
      bukanWewenang: false,
    } as never;
    expect(exportStateKey(knownExportState(known, row))).toBe(exportStateKey(state));
  });
});

describe('updates carry the citizens fields', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  const update = (extra: Record<string, unknown>) => ({
    trackingId: 'T-1',
    regencyCode: '6305',
    unit: 'Dinas',
    category: 'Jalan',
    classification: 'aspirasi',
    status: 'belum-terverifikasi',
    occurredAt: '2026-02-01T10:00:00+08:00',
    sourceUpdateId: 'u1',
    ...extra,
  });

  it('maps channel and kecamatan through the data files and keeps them on the snapshot', () => {
    const v = validateUpdate(
      update({ channel: 'SMS', district: 'binuang', village: 'Raya Belanti', rating: '5' }),
      kalsel(),
      now,
      citizens,
    );
    expect(v.ok && v.update).toMatchObject({
      channel: 'sms',
      district: 'Binuang',
      village: 'Raya Belanti',
      rating: '5',
    });
    const first = foldUpdate(undefined, (v.ok && v.update) as ComplaintUpdate, sla, now).snapshot;
    const later = update({
      sourceUpdateId: 'u2',
      status: 'terdisposisi-sedang-diproses',
      occurredAt: '2026-02-02T10:00:00+08:00',
      reporterReplied: true,
    });
    const v2 = validateUpdate(later, kalsel(), now, citizens);
    const second = foldUpdate(first, (v2.ok && v2.update) as ComplaintUpdate, sla, now).snapshot;
    expect(second).toMatchObject({ channel: 'sms', district: 'Binuang', rating: '5', reporterReplied: true });
  });

  it('refuses nothing for an unknown channel, counting it as lainnya', () => {
    const v = validateUpdate(update({ channel: 'Merpati pos' }), kalsel(), now, citizens);
    expect(v.ok && v.update.channel).toBe('lainnya');
    expect(v.ok && v.unknownValues).toEqual([{ field: 'channel', value: 'Merpati pos' }]);
  });
});

describe('the citizens data file', () => {
  it('cites a source for every channel', () => {
    const raw = JSON.parse(readFileSync('data/import/citizens.json', 'utf8'));
    for (const channel of Object.values(raw.channels.values) as { source: string }[])
      expect(raw.sources.map((s: { id: string }) => s.id)).toContain(channel.source);
  });
});
