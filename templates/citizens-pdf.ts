import type { Content, TableCell } from 'pdfmake/interfaces';
import { type OutreachEffect, outreachKindLabels } from '../functions/domain/outreach';
import { minimumCases } from '../functions/domain/semester-method';
import type { ProvinceSemester, RankedMetrics, Share } from '../functions/domain/semester-metrics';
import { numberId, shareParts, sharePercent } from './format';
import { dayId, monthsId, outreachSentence, verdictWords } from './outreach-words';
import { displayName, fmtNumber, noValue, pageHeading, tableLayout, th } from './pdf-kit';

/**
 * The citizens' side of a semester, in Indonesian: through which channels complaints came, from which
 * kecamatan (and which were silent), what each outreach event changed, and what reporters thought. Only
 * lays out the figures functions/domain/citizen-figures.ts and outreach.ts computed.
 */

const right = (text: string, extra: Record<string, unknown> = {}): TableCell => ({
  text,
  alignment: 'right',
  ...extra,
});

/** A share in a sentence: "60,0% (6 dari 10)", or "6 dari 10" below the small-number threshold. */
export function shareSentence(s: Share): string {
  if (s.denominator === 0) return 'tidak ada data';
  return s.value === undefined ? shareParts(s) : `${sharePercent(s)} (${shareParts(s)})`;
}

function eventTitle(e: OutreachEffect): string {
  const ev = e.event;
  return [
    dayId(ev.date),
    outreachKindLabels[ev.kind],
    ev.district ? `Kec. ${ev.district}` : undefined,
    ev.peopleReached !== undefined ? `${fmtNumber(ev.peopleReached)} orang` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

function channelTable(report: RankedMetrics): Content {
  const c = report.channels;
  if (!c || c.known === 0)
    return {
      text: 'Kanal tidak tercatat: data semester ini tidak memuat kolom Sumber Laporan.',
      style: 'note',
    };
  return {
    table: {
      headerRows: 1,
      widths: ['*', 48, 70, 70],
      body: [
        [th('Kanal'), th('Laporan', 'right'), th('Bagian', 'right'), th('Provinsi', 'right')],
        ...c.byChannel.map((row): TableCell[] => [
          row.label,
          right(fmtNumber(row.count)),
          right(sharePercent(row.share)),
          right(row.province ? sharePercent(row.province) : noValue),
        ]),
      ],
    },
    layout: tableLayout,
    style: 'table',
  };
}

function districtContent(report: RankedMetrics): Content[] {
  const d = report.districts;
  if (!d || d.known === 0)
    return [
      {
        text: 'Kecamatan tidak tercatat: data semester ini tidak memuat kolom Kecamatan.',
        style: 'note',
      },
    ];
  const listed = d.byDistrict.filter((x) => !x.unlisted);
  const withComplaints = listed.filter((x) => x.count > 0).length;
  const rates = d.byDistrict.some((x) => x.perTenThousand !== undefined);
  const rows = d.byDistrict.filter((x) => x.count > 0 || !x.unlisted);
  // Two columns of kecamatan keep a long list (Kotabaru has 22) on the page.
  const half = Math.ceil(rows.length / 2);
  const table = (part: typeof rows): Content => ({
    table: {
      headerRows: 1,
      widths: rates ? ['*', 34, 40] : ['*', 40],
      body: [
        [th('Kecamatan'), th('Laporan', 'right'), ...(rates ? [th('/10.000', 'right')] : [])],
        ...part.map((x): TableCell[] => [
          {
            text: `${x.district}${x.unlisted ? ' *' : ''}`,
            ...(x.count === 0 ? { color: '#9A3412', bold: true } : {}),
          },
          right(fmtNumber(x.count)),
          ...(rates ? [right(x.perTenThousand === undefined ? noValue : numberId(x.perTenThousand, 1))] : []),
        ]),
      ],
    },
    layout: tableLayout,
    style: 'tableSmall',
  });
  return [
    {
      text: [
        d.listed
          ? `Laporan datang dari ${fmtNumber(withComplaints)} dari ${fmtNumber(listed.length)} kecamatan. `
          : '',
        d.silent.length > 0
          ? { text: `Tanpa laporan semester ini: ${d.silent.join(', ')}.`, bold: true }
          : d.listed
            ? 'Setiap kecamatan menyampaikan laporan.'
            : '',
        d.unknown > 0 ? ` ${fmtNumber(d.unknown)} laporan tanpa kecamatan.` : '',
      ],
      margin: [0, 0, 0, 4],
    },
    { columns: [table(rows.slice(0, half)), table(rows.slice(half))], columnGap: 12 },
    {
      text: [
        'Kecamatan adalah tempat masalah yang dilaporkan, bukan tempat tinggal pelapor. ',
        d.byDistrict.some((x) => x.unlisted)
          ? '* tidak ada di daftar kecamatan (ditulis seperti di data). '
          : '',
        rates
          ? 'Per 10.000 penduduk menurut data penduduk kecamatan (BPS, Kecamatan Dalam Angka).'
          : 'Laporan per 10.000 penduduk kecamatan belum dapat dihitung: provinsi belum memasok data penduduk kecamatan (BPS, Kecamatan Dalam Angka).',
        d.source ? ` Daftar kecamatan: ${d.source.split(';')[0]}.` : '',
      ],
      style: 'note',
    },
  ];
}

function outreachContent(report: RankedMetrics): Content[] {
  const events = report.outreach ?? [];
  if (events.length === 0)
    return [
      {
        text: 'Tidak ada kegiatan penjangkauan (sosialisasi, pelatihan admin, media) yang tercatat sejak enam bulan sebelum semester ini. Kegiatan dicatat dengan perintah lapor-paman outreach import.',
        style: 'note',
      },
    ];
  return events.map(
    (e): Content => ({
      stack: [
        { text: eventTitle(e), bold: true, fontSize: 9.5 },
        { text: outreachSentence(e), fontSize: 9 },
        {
          text: `Sebelum: ${monthsId(e.before.months)}; sesudah: ${monthsId(e.after.months)}. Sumber: ${e.event.source}`,
          style: 'note',
        },
      ],
      margin: [0, 0, 0, 6],
    }),
  );
}

function ratingContent(report: RankedMetrics): Content[] {
  const r = report.ratings;
  const p = report.reporterReplies;
  if (!r || !p) return [];
  return [
    {
      text: [
        'Laporan selesai yang dinilai pelapor: ',
        { text: shareSentence(r.rated), bold: true },
        '. Pelapor menanggapi tindak lanjut: ',
        { text: shareSentence(p.answered), bold: true },
        ' dari laporan yang sudah ditindaklanjuti.',
      ],
      margin: [0, 0, 0, 4],
    },
    ...(r.distribution.length > 0
      ? [
          {
            table: {
              headerRows: 1,
              widths: ['*', 48, 70],
              body: [
                [th('Penilaian (seperti tertulis)'), th('Laporan', 'right'), th('Bagian', 'right')],
                ...r.distribution.map((x): TableCell[] => [
                  x.value,
                  right(fmtNumber(x.count)),
                  right(sharePercent(x.share)),
                ]),
              ],
            },
            layout: tableLayout,
            style: 'table',
          } as Content,
        ]
      : []),
    {
      text: `Penilaian dan tanggapan pelapor tidak masuk skor. Bagian dari kurang dari ${minimumCases} laporan ditampilkan sebagai jumlah, bukan persen.`,
      style: 'note',
    },
  ];
}

/** The regency's page: channels, kecamatan, outreach, reporters. Empty for data without any of them. */
export function citizensPage(report: RankedMetrics): Content[] {
  if (!report.channels && !report.districts && !report.outreach) return [];
  const h2 = (text: string): Content => ({ text, style: 'h2' });
  return [
    pageHeading('Suara Warga: Kanal, Kecamatan, Penjangkauan'),
    {
      text: `Dari mana laporan ${displayName(report.regencyName)} datang, kecamatan mana yang diam, apa hasil kegiatan penjangkauan, dan apa kata pelapor.`,
      style: 'lead',
    },
    h2('Kanal pengaduan'),
    channelTable(report),
    h2('Kecamatan'),
    ...districtContent(report),
    h2('Penjangkauan dan hasilnya'),
    ...outreachContent(report),
    h2('Penilaian pelapor'),
    ...ratingContent(report),
  ];
}

/** The province summary's comparison of regencies on the citizens' side. */
export function citizensComparison(province: ProvinceSemester): Content[] {
  const regencies = province.regencies.filter((r) => r.channels || r.districts || r.outreach);
  if (regencies.length === 0) return [];
  const top = (r: RankedMetrics) => {
    const best = [...(r.channels?.byChannel ?? [])].sort((a, b) => b.count - a.count)[0];
    return best && best.count > 0 ? `${best.label} (${sharePercent(best.share)})` : noValue;
  };
  const silent = (r: RankedMetrics) => {
    const d = r.districts;
    if (!d?.listed || d.known === 0) return noValue;
    return `${fmtNumber(d.silent.length)} dari ${fmtNumber(d.byDistrict.filter((x) => !x.unlisted).length)}`;
  };
  const outreach = (r: RankedMetrics) =>
    (r.outreach ?? [])
      .map((e) => `${dayId(e.event.date)}: ${verdictWords[e.verdict].toLowerCase()}`)
      .join('; ') || noValue;
  const events = province.regencies.flatMap((r) => (r.outreach ?? []).map((e) => ({ r, e })));
  return [
    pageHeading('Suara Warga per Kabupaten/Kota'),
    {
      text: 'Kanal terbanyak, kecamatan tanpa laporan, penilaian dan tanggapan pelapor, dan hasil kegiatan penjangkauan di setiap kabupaten/kota. Tidak masuk skor.',
      style: 'lead',
    },
    {
      table: {
        headerRows: 1,
        widths: ['*', 78, 44, 52, 52, 80],
        body: [
          [
            th('Daerah'),
            th('Kanal terbanyak'),
            th('Kec. tanpa laporan', 'right'),
            th('Selesai dinilai', 'right'),
            th('Pelapor menanggapi', 'right'),
            th('Penjangkauan'),
          ],
          ...regencies.map((r): TableCell[] => [
            displayName(r.regencyName),
            top(r),
            right(silent(r)),
            right(r.ratings ? sharePercent(r.ratings.rated) : noValue),
            right(r.reporterReplies ? sharePercent(r.reporterReplies.answered) : noValue),
            outreach(r),
          ]),
        ],
      },
      layout: tableLayout,
      style: 'tableSmall',
    },
    ...(events.length > 0
      ? [
          { text: 'Hasil kegiatan penjangkauan', style: 'h2' } as Content,
          ...events.map(
            ({ r, e }): Content => ({
              text: [
                { text: `${displayName(r.regencyName)}, ${eventTitle(e)}. `, bold: true },
                outreachSentence(e),
              ],
              fontSize: 8.5,
              margin: [0, 0, 0, 3],
            }),
          ),
        ]
      : []),
    ...(province.method.outreachRule
      ? [{ text: province.method.outreachRule, style: 'note' } as Content]
      : []),
  ];
}
