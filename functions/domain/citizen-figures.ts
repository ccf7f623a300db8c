import {
  type CitizenMapping,
  channelKeys,
  channelLabel,
  type DistrictPopulation,
  type Districts,
  districtKey,
} from './citizens';
import { minimumCases, share } from './semester-evaluation';
import type {
  ChannelFigures,
  CitizenFigures,
  DistrictFigures,
  RatingFigures,
  ReporterReplyFigures,
} from './semester-metrics';
import { type ShownShare, shownShare } from './small-numbers';
import type { Snapshot } from './snapshot';

export type { ChannelFigures, CitizenFigures, DistrictFigures, RatingFigures, ReporterReplyFigures };

/**
 * The citizens' side of a regency's semester, computed once here for the PDFs, the JSON, the site
 * and the e-mails: through which channels complaints came, from which kecamatan (and which were
 * silent), what reporters rated, and how often they answered a follow-up. Pure: snapshots in, figures out.
 * The cohort is the semester's: complaints submitted in it. Shares follow the scoreboard's
 * small-number rule (no share of fewer than `minimumCases` cases).
 */

export interface CitizenFiguresInput {
  regencyCode: string;
  /** The semester's cohort: complaints submitted in it. */
  cohort: readonly Pick<
    Snapshot,
    'channel' | 'district' | 'rating' | 'reporterReplied' | 'timeline' | 'status'
  >[];
  mapping: CitizenMapping;
  districts?: Districts;
  districtPopulations?: readonly DistrictPopulation[];
}

const followedUpStatuses = new Set(['terdisposisi-sedang-diproses', 'terdisposisi-selesai']);

export function citizenFigures(input: CitizenFiguresInput): CitizenFigures {
  const { cohort, mapping } = input;
  return {
    channels: channelFigures(cohort, mapping),
    districts: districtFigures(input),
    ratings: ratingFigures(cohort),
    reporterReplies: replyFigures(cohort),
  };
}

function channelFigures(cohort: CitizenFiguresInput['cohort'], mapping: CitizenMapping): ChannelFigures {
  const counts = new Map<string, number>();
  let known = 0;
  for (const s of cohort) {
    if (!s.channel) continue;
    known += 1;
    counts.set(s.channel, (counts.get(s.channel) ?? 0) + 1);
  }
  const keys = [
    ...channelKeys(mapping),
    ...[...counts.keys()].filter((k) => !channelKeys(mapping).includes(k)),
  ];
  return {
    total: cohort.length,
    known,
    byChannel: keys.map((channel) => ({
      channel,
      label: channelLabel(channel, mapping),
      count: counts.get(channel) ?? 0,
      share: share(counts.get(channel) ?? 0, known),
    })),
  };
}

/**
 * The province's channel mix beside each regency's (`province` on each row), and channels that no
 * complaint in the province used dropped from every regency: the same rows everywhere.
 */
export function withProvinceChannels<T extends { channels?: ChannelFigures }>(regencies: readonly T[]): T[] {
  const totals = new Map<string, number>();
  let known = 0;
  for (const r of regencies) {
    if (!r.channels) continue;
    known += r.channels.known;
    for (const c of r.channels.byChannel) totals.set(c.channel, (totals.get(c.channel) ?? 0) + c.count);
  }
  return regencies.map((r) =>
    r.channels
      ? {
          ...r,
          channels: {
            ...r.channels,
            byChannel: r.channels.byChannel
              .filter((c) => (totals.get(c.channel) ?? 0) > 0)
              .map((c) => ({ ...c, province: share(totals.get(c.channel) ?? 0, known) })),
          },
        }
      : r,
  );
}

function districtFigures(input: CitizenFiguresInput): DistrictFigures {
  const listed = input.districts?.of(input.regencyCode) ?? [];
  const counts = new Map<string, number>();
  let unknown = 0;
  for (const s of input.cohort) {
    if (!s.district) unknown += 1;
    else counts.set(s.district, (counts.get(s.district) ?? 0) + 1);
  }
  const populations = new Map(
    (input.districtPopulations ?? [])
      .filter((p) => p.regencyCode === input.regencyCode)
      .map((p) => [districtKey(p.district), p]),
  );
  const withRate = (district: string, count: number) => {
    const p = populations.get(districtKey(district));
    return p
      ? {
          perTenThousand: Math.round((count / p.population) * 10_000 * 100) / 100,
          population: { value: p.population, year: p.year, source: p.source },
        }
      : {};
  };
  const listedNames = new Set(listed.map((d) => d.name));
  const byDistrict: DistrictFigures['byDistrict'] = [
    ...listed.map((d) => ({
      district: d.name,
      code: d.code,
      count: counts.get(d.name) ?? 0,
      ...withRate(d.name, counts.get(d.name) ?? 0),
    })),
    ...[...counts.entries()]
      .filter(([name]) => !listedNames.has(name))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([district, count]) => ({
        district,
        count,
        ...withRate(district, count),
        unlisted: true as const,
      })),
  ];
  return {
    known: input.cohort.length - unknown,
    unknown,
    listed: listed.length > 0,
    byDistrict,
    // Named silent only when some complaint of the regency says its kecamatan: an export without the
    // column says nothing about where complaints come from.
    silent:
      input.cohort.length - unknown > 0 ? listed.filter((d) => !counts.has(d.name)).map((d) => d.name) : [],
    ...(listed.length && input.districts ? { source: input.districts.source } : {}),
  };
}

function ratingFigures(cohort: CitizenFiguresInput['cohort']): RatingFigures {
  const completed = cohort.filter((s) => s.status === 'terdisposisi-selesai');
  const counts = new Map<string, number>();
  for (const s of cohort) if (s.rating) counts.set(s.rating, (counts.get(s.rating) ?? 0) + 1);
  const ratedTotal = [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    completed: completed.length,
    rated: share(completed.filter((s) => s.rating).length, completed.length),
    distribution: [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([value, count]) => ({ value, count, share: share(count, ratedTotal) })),
  };
}

function replyFigures(cohort: CitizenFiguresInput['cohort']): ReporterReplyFigures {
  const followedUp = cohort.filter((s) => s.timeline.some((e) => followedUpStatuses.has(e.status)));
  return {
    followedUp: followedUp.length,
    answered: share(followedUp.filter((s) => s.reporterReplied).length, followedUp.length),
  };
}

/**
 * Public pages (aggregates only, never singling anyone out): a category with fewer than `minimumCases`
 * complaints is folded into one "lainnya" row, and no share is shown of fewer than `minimumCases` cases.
 */
export function foldSmall<T extends { count: number }>(
  rows: readonly T[],
  fold: (folded: readonly T[]) => T,
): T[] {
  const kept = rows.filter((r) => r.count >= minimumCases);
  const small = rows.filter((r) => r.count > 0 && r.count < minimumCases);
  return small.length > 0 ? [...kept, fold(small)] : kept;
}

/** A public row: a count and its share, `small` when fewer than `minimumCases` (shown as "< 5", no share). */
export interface PublicRow {
  label: string;
  count: number;
  share: ShownShare;
  small: boolean;
  /** The row that folds the categories under `minimumCases`. */
  folded?: true;
}

/** What the public scoreboard shows of a regency's citizens' side: aggregates, small numbers folded. */
export interface PublicCitizenFigures {
  /** Complaints whose channel is known. */
  channelsKnown: number;
  channels: PublicRow[];
  /** Of the completed complaints, the share rated. */
  rated: ShownShare;
  ratings: PublicRow[];
  /** Of the followed-up complaints, the share whose reporter answered. */
  reporterAnswered: ShownShare;
}

function publicRows(rows: readonly { label: string; count: number }[], total: number): PublicRow[] {
  const withCounts = rows.filter((r) => r.count > 0);
  return foldSmall(withCounts, (small) => ({
    label: 'lainnya (digabung)',
    count: small.reduce((n, r) => n + r.count, 0),
  })).map((r) => ({
    label: r.label,
    count: r.count,
    share: shownShare(share(r.count, total)),
    small: r.count < minimumCases,
    ...(r.label === 'lainnya (digabung)' && withCounts.some((x) => x.count < minimumCases)
      ? { folded: true as const }
      : {}),
  }));
}

/**
 * The public view of a regency's channels and ratings: every channel or rating value with fewer than
 * `minimumCases` complaints folded into one row, which itself shows no number under `minimumCases`;
 * no share of fewer than `minimumCases` cases (the scoreboard's small-number rule).
 */
export function publicCitizenFigures(
  r: Pick<CitizenFigures, 'channels' | 'ratings' | 'reporterReplies'>,
): PublicCitizenFigures {
  const ratedTotal = r.ratings.distribution.reduce((n, x) => n + x.count, 0);
  return {
    channelsKnown: r.channels.known,
    channels: publicRows(
      r.channels.byChannel.map((c) => ({ label: c.label, count: c.count })),
      r.channels.known,
    ),
    rated: shownShare(r.ratings.rated),
    ratings: publicRows(
      r.ratings.distribution.map((x) => ({ label: x.value, count: x.count })),
      ratedTotal,
    ),
    reporterAnswered: shownShare(r.reporterReplies.answered),
  };
}
