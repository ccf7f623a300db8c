import { fmt, table } from './support';

/**
 * Monthly cost at one province's volume and at national volume, computed from the capacity units
 * this run measured and the volumes below. Prices are list prices with their date; the region's
 * prices (ap-southeast-3, Jakarta) differ from us-east-1's: check them in the AWS Pricing Calculator.
 */
export interface MeasuredFigures {
  /** Write request units per update under AWS billing (ingest section). */
  writeUnitsPerUpdate: number;
  /** Read request units per update (the snapshot read). */
  readUnitsPerUpdate: number;
  /** Read units of one deadline check and how many complaints it listed (deadline section). */
  checkReadUnits: number;
  checkListed: number;
  /** Read units to compute one regency's semester report (semester section). */
  readUnitsPerReport: number;
  pdfBytes: number;
}

export const prices = {
  date: 'list prices for us-east-1 as published in 2025 (DynamoDB on-demand after the 1 November 2024 reduction)',
  dynamoWritePerMillion: 0.625,
  dynamoReadPerMillion: 0.125,
  dynamoStoragePerGbMonth: 0.25,
  pitrPerGbMonth: 0.2,
  lambdaArmPerGbSecond: 0.0000133334,
  lambdaPerMillionRequests: 0.2,
  httpApiPerMillion: 1.0,
  sesPerThousand: 0.1,
  sesAttachmentPerGb: 0.12,
  sqsPerMillion: 0.4,
  alarmPerMonth: 0.1,
} as const;

interface Volume {
  name: string;
  complaintsPerYear: number;
  regencies: number;
  /** Complaints overdue or due soon on a typical day (the deadline check's listing). */
  listedPerCheck: number;
}

/** Assumptions, stated: from the demo data and LAPOR!'s published volumes. */
export const volumes: Volume[] = [
  // Kalsel: about 2,800 complaints in 2024; the demo lists ~200 due or overdue on a typical day.
  {
    name: 'one province (Kalsel, ~2,800 complaints a year)',
    complaintsPerYear: 2_800,
    regencies: 13,
    listedPerCheck: 200,
  },
  // LAPOR! nationally: over 2 million complaints in 2023, 548 local governments.
  {
    name: 'national (~2 million complaints a year, 548 regencies)',
    complaintsPerYear: 2_000_000,
    regencies: 548,
    listedPerCheck: 143_000,
  },
];

const updatesPerComplaint = 3.7; // the demo generator's mix
const workingDaysPerMonth = 21;
/** E-mails per regency per working day in the demo: digest most days, escalations, a share of the province digest. */
const emailsPerRegencyPerDay = 1.35;
const bytesPerComplaint = 3_000; // snapshot + events + index entries
const alarms = 16;

export function costSection(m: MeasuredFigures): string {
  const rows = volumes.map((v) => {
    const updates = (v.complaintsPerYear * updatesPerComplaint) / 12;
    const requests = updates / 10; // API requests carry ~10 updates each
    const checkUnits = (m.checkReadUnits / m.checkListed) * v.listedPerCheck * workingDaysPerMonth;
    const reportsPerMonth = (v.regencies * 2) / 12;
    const emails = v.regencies * emailsPerRegencyPerDay * workingDaysPerMonth + reportsPerMonth * 4;
    const storageGb = (v.complaintsPerYear * 2 * bytesPerComplaint) / 1e9; // two years kept
    // Lambda: ingest ~40 ms per update at 512 MB, the check ~1 s per 100 listed at 512 MB, a report ~2 s at 1 GB.
    const gbSeconds =
      updates * 0.04 * 0.5 +
      workingDaysPerMonth * (1 + v.listedPerCheck / 100) * 0.5 +
      reportsPerMonth * 2 * 2 * 1;
    const invocations = requests + workingDaysPerMonth + reportsPerMonth * 2;
    const dynamo =
      ((updates * m.writeUnitsPerUpdate) / 1e6) * prices.dynamoWritePerMillion +
      ((updates * m.readUnitsPerUpdate + checkUnits + reportsPerMonth * m.readUnitsPerReport) / 1e6) *
        prices.dynamoReadPerMillion +
      storageGb * (prices.dynamoStoragePerGbMonth + prices.pitrPerGbMonth);
    const lambda =
      gbSeconds * prices.lambdaArmPerGbSecond + (invocations / 1e6) * prices.lambdaPerMillionRequests;
    const api = (requests / 1e6) * prices.httpApiPerMillion;
    const ses =
      (emails / 1000) * prices.sesPerThousand +
      ((reportsPerMonth * 4 * m.pdfBytes) / 1e9) * prices.sesAttachmentPerGb;
    const sqs = ((reportsPerMonth * 6) / 1e6) * prices.sqsPerMillion;
    const cw = alarms * prices.alarmPerMonth;
    const total = dynamo + lambda + api + ses + sqs + cw;
    return [
      v.name,
      `$${fmt(dynamo, 2)}`,
      `$${fmt(lambda, 2)}`,
      `$${fmt(api + sqs, 2)}`,
      `$${fmt(ses, 2)}`,
      `$${fmt(cw, 2)}`,
      `**$${fmt(total, 2)}**`,
    ];
  });
  return [
    '## Cost per month',
    '',
    `Computed from this run's measured capacity units (${fmt(m.writeUnitsPerUpdate, 1)} write units and ${fmt(m.readUnitsPerUpdate, 1)} read unit per update;`,
    `${fmt(m.checkReadUnits / m.checkListed, 3)} read units per complaint a deadline check lists; ${fmt(m.readUnitsPerReport, 1)} read units per semester report)`,
    `and ${prices.date}. Jakarta (ap-southeast-3) prices are higher: check them in the AWS Pricing Calculator.`,
    '',
    table(['volume', 'DynamoDB', 'Lambda', 'API + SQS', 'SES', 'CloudWatch alarms', 'total'], rows),
    '',
    `Assumptions: ${updatesPerComplaint} updates per complaint and ~10 updates per API request; ${workingDaysPerMonth} working days a month;`,
    `${emailsPerRegencyPerDay} e-mails per regency per working day (the demo's rate); two years of data kept (~${fmt(bytesPerComplaint / 1000, 0)} KB per`,
    'complaint with its events and index entries) with point-in-time recovery; Lambda durations estimated from local runs',
    `(ingest ~40 ms per update, the check ~1 s per 100 listed complaints, ~2 s per report); ${alarms} CloudWatch alarms.`,
    'Free tiers are not deducted.',
  ].join('\n');
}
