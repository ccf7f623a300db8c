import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads back the .eml files the demo writes (out/demo/mail), enough to look at them in a browser:
 * the subject, the ledger header that names the kind, and the decoded text and HTML parts. It reads
 * what nodemailer's MailComposer writes (quoted-printable or base64 parts, RFC 2047 subjects), not
 * any MIME message.
 */

/** The kinds of e-mail the pipeline sends, by the first part of their ledger header. */
export const emailKinds = {
  digest: 'daily digest to a regency’s liaison admins',
  escalation: 'escalation to the regency head',
  province: 'daily province digest',
  handover: 'handover digest to a liaison admin who took over the seat',
  'handover-notice': 'handover line to the outgoing admin and the regency head',
  report: 'semester report to the regency head',
  'province-report': 'semester province summary to the province team',
} as const;
export type EmailKind = keyof typeof emailKinds;

export interface ReadEmail {
  file: string;
  kind: EmailKind | 'other';
  subject: string;
  text: string;
  html: string;
}

const decodeQuotedPrintable = (body: string) => {
  const bytes: number[] = [];
  const joined = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < joined.length; i += 1) {
    const c = joined[i] as string;
    if (c === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
};

const decodeBody = (body: string, encoding: string) =>
  /base64/i.test(encoding)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : /quoted-printable/i.test(encoding)
      ? decodeQuotedPrintable(body)
      : body;

/** Unfolded headers of one part or message, names lower-cased. */
function headers(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) map.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return map;
}

/** An RFC 2047 header value ("=?UTF-8?Q?...?=" words) as text. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, mode: string, word: string) =>
      mode.toUpperCase() === 'B'
        ? Buffer.from(word, 'base64').toString('utf8')
        : decodeQuotedPrintable(word.replace(/_/g, ' ')),
    );
}

const kindOf = (ledger: string, subject: string): ReadEmail['kind'] => {
  const head = ledger.split('#')[0]?.toLowerCase() ?? '';
  if (head === 'report' && /Ringkasan Evaluasi/.test(subject)) return 'province-report';
  if (head === 'handover' && ledger.endsWith('#notice')) return 'handover-notice';
  return head in emailKinds ? (head as EmailKind) : 'other';
};

/** Reads one .eml file written by the demo. */
export function readEml(file: string): ReadEmail {
  const raw = readFileSync(file, 'utf8');
  const split = raw.search(/\r?\n\r?\n/);
  const top = headers(raw.slice(0, split));
  const subject = decodeHeader(top.get('subject') ?? '');
  const parts: Record<string, string> = {};
  const boundary = /boundary="?([^";]+)"?/i.exec(raw.slice(0, split))?.[1];
  const chunks = boundary ? raw.split(`--${boundary}`) : [raw];
  for (const chunk of chunks) {
    const cut = chunk.search(/\r?\n\r?\n/);
    if (cut < 0) continue;
    const h = headers(chunk.slice(0, cut));
    const type = h.get('content-type') ?? '';
    const body = chunk.slice(cut).replace(/^\r?\n\r?\n/, '');
    const nested = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (nested) {
      for (const inner of body.split(`--${nested}`)) {
        const c = inner.search(/\r?\n\r?\n/);
        if (c < 0) continue;
        const ih = headers(inner.slice(0, c));
        const itype = (ih.get('content-type') ?? '').split(';')[0] ?? '';
        if (itype.startsWith('text/') && !(itype in parts))
          parts[itype] = decodeBody(
            inner.slice(c).replace(/^\r?\n\r?\n/, ''),
            ih.get('content-transfer-encoding') ?? '',
          );
      }
      continue;
    }
    const t = type.split(';')[0] ?? '';
    if (t.startsWith('text/') && !(t in parts))
      parts[t] = decodeBody(body, h.get('content-transfer-encoding') ?? '');
  }
  return {
    file,
    kind: kindOf(top.get('x-lapor-paman-ledger') ?? '', subject),
    subject,
    text: (parts['text/plain'] ?? '').replace(/\r\n/g, '\n').replace(/\n$/, ''),
    html: parts['text/html'] ?? '',
  };
}

/**
 * The largest e-mail of each kind in a folder of .eml files (by the size of its HTML part, the
 * length a reader scrolls), in the order of `emailKinds`.
 */
export function largestOfEachKind(mailDir: string): ReadEmail[] {
  const best = new Map<string, { email: ReadEmail; size: number }>();
  const files = readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
  // Read only the few biggest files of each kind: the folder of a full demo holds ~2,000.
  const byKind = new Map<string, { file: string; size: number }[]>();
  for (const f of files) {
    const head = f.replace(/^\d+-/, '').split('-')[0] ?? '';
    const list = byKind.get(head) ?? [];
    list.push({ file: path.join(mailDir, f), size: statSync(path.join(mailDir, f)).size });
    byKind.set(head, list);
  }
  for (const [head, list] of byKind) {
    // Reports carry a PDF and handovers a CSV: their size says nothing about the letter, and a handover's
    // short notice shares its file prefix. Both are few: read them all.
    const candidates =
      head === 'report' || head === 'handover' ? list : list.sort((a, b) => b.size - a.size).slice(0, 5);
    for (const { file } of candidates) {
      const email = readEml(file);
      const size = email.html.length;
      const current = best.get(email.kind);
      if (email.kind !== 'other' && (!current || size > current.size)) best.set(email.kind, { email, size });
    }
  }
  return (Object.keys(emailKinds) as EmailKind[]).flatMap((k) => {
    const found = best.get(k);
    return found ? [found.email] : [];
  });
}
