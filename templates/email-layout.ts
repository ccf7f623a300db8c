import { csvLine } from '../functions/domain/csv-cell';
import type { ListedComplaint } from '../functions/domain/digest-view';
import { escapeHtml } from './format';

/**
 * The building blocks of every e-mail, phone first, in the ways mail clients render: one column at
 * most 600 px wide, tables for structure, every style inline (Gmail and Outlook apps drop what
 * depends on a <style> block, so there is none), text at 14 px or more, links at least 24 px tall.
 * Plain-text parts are written for a phone too: short blocks, no line over 78 characters except a
 * URL, which stands on a line of its own.
 */

const font = 'font-family:Arial,Helvetica,sans-serif';
const ink = '#1f2937';
const muted = '#4b5563';
/** Red for lateness; 6.5:1 on white. */
export const lateColour = '#b00020';
/** Amber-brown for "due soon"; 5.9:1 on white. */
const dueColour = '#8a4b00';
const linkColour = '#0b57d0';
const rule = '#e5e7eb';

/** The width plain-text lines are wrapped at (RFC 5322 recommends 78). */
export const textWidth = 78;

/** A block of HTML; building blocks return it so that escaped and raw text are not mixed up. */
export type Html = { readonly html: string };
const raw = (html: string): Html => ({ html });
const join = (parts: readonly (Html | '' | undefined | false)[]) =>
  parts.map((p) => (p ? p.html : '')).join('');

/** Text as escaped HTML. */
export const text = (value: string): Html => raw(escapeHtml(value));

/** Several inline pieces, escaped text or HTML blocks, side by side. */
export const inline = (...parts: (Html | string)[]): Html =>
  raw(parts.map((p) => (typeof p === 'string' ? escapeHtml(p) : p.html)).join(''));

const table = (inner: string, style = '') =>
  `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse;${style}">${inner}</table>`;

/**
 * A whole message: a grey backdrop, a white column at most 600 px wide (a fixed 600 px table for
 * Outlook on Windows, which ignores max-width), and a hidden preview line for the inbox list.
 */
export function emailPage(input: { title: string; preview: string; body: readonly Html[] }): string {
  const preview = `<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all">${escapeHtml(input.preview)}</div>`;
  const column = table(
    `<tr><td style="padding:16px;${font};font-size:16px;line-height:24px;color:${ink}">${join(input.body)}</td></tr>`,
    'max-width:600px;background:#ffffff',
  );
  return [
    '<!doctype html><html lang="id"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f3f4f6;${font};color:${ink}">`,
    preview,
    table(
      `<tr><td align="center" style="padding:0">` +
        '<!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0"><tr><td><![endif]-->' +
        column +
        '<!--[if mso]></td></tr></table><![endif]-->' +
        '</td></tr>',
      'background:#f3f4f6',
    ),
    '</body></html>',
  ].join('');
}

/** A paragraph; `small` is for notes and the footer (still 14 px). */
export function paragraph(content: Html | string, options: { small?: boolean } = {}): Html {
  const body = typeof content === 'string' ? escapeHtml(content) : content.html;
  const size = options.small ? `font-size:14px;line-height:20px;color:${muted}` : '';
  return raw(`<p style="margin:0 0 12px;${size}">${body}</p>`);
}

/** Counts beside a heading: each phrase ("3 laporan") kept on one line, the list free to wrap. */
const aside = (text: string, size: number) =>
  ` <span style="font-weight:normal;font-size:${size}px;color:${muted}">${text
    .split(', ')
    .map((p) => `<span style="white-space:nowrap">${escapeHtml(p)}</span>`)
    .join(', ')}</span>`;

/** A section heading, with an optional count beside it. */
export function heading(title: string, note?: string): Html {
  return raw(
    `<h2 style="margin:20px 0 4px;font-size:18px;line-height:24px;color:${ink}">${escapeHtml(title)}${
      note ? aside(note, 16) : ''
    }</h2>`,
  );
}

/** A sub-heading (a unit within a list). */
export function subheading(title: string, note?: string): Html {
  return raw(
    `<h3 style="margin:16px 0 0;font-size:16px;line-height:22px;color:${ink}">${escapeHtml(title)}${
      note ? aside(note, 14) : ''
    }</h3>`,
  );
}

/** Bullet lines, as a table (list indents differ too much between clients). */
export function bullets(lines: readonly (Html | string)[]): Html {
  return raw(
    table(
      lines
        .map(
          (l) =>
            `<tr><td valign="top" width="16" style="width:16px;padding:0 0 6px">&bull;</td><td style="padding:0 0 6px">${
              typeof l === 'string' ? escapeHtml(l) : l.html
            }</td></tr>`,
        )
        .join(''),
      'margin:0 0 12px',
    ),
  );
}

/** The figures of the first screen: up to three boxes side by side, each a number and a label. */
export function figures(
  boxes: readonly { value: string; label: string; tone?: 'late' | 'due' | 'plain' }[],
): Html {
  const colour = (tone: string | undefined) =>
    tone === 'late' ? lateColour : tone === 'due' ? dueColour : ink;
  const background = (tone: string | undefined) =>
    tone === 'late' ? '#fdecee' : tone === 'due' ? '#fdf3e1' : '#f3f4f6';
  const width = Math.floor(100 / boxes.length);
  const cells = boxes
    .map(
      (b, n) =>
        `${n > 0 ? '<td width="6" style="width:6px;font-size:0;line-height:0">&nbsp;</td>' : ''}<td width="${width}%" valign="top" style="width:${width}%;padding:8px;background:${background(b.tone)};border-top:4px solid ${colour(b.tone)}">` +
        `<div style="font-size:24px;line-height:30px;font-weight:bold;color:${colour(b.tone)}">${escapeHtml(b.value)}</div>` +
        `<div style="font-size:14px;line-height:18px;color:${ink}">${escapeHtml(b.label)}</div></td>`,
    )
    .join('');
  return raw(table(`<tr>${cells}</tr>`, 'margin:4px 0 16px'));
}

/** A complaint's tracking id as a link that does not break at its hyphens and is 24 px tall. */
/** A complaint's page in LAPOR!, from the configured base address. */
export const complaintUrl = (base: string, trackingId: string) =>
  `${base.replace(/\/$/, '')}/${encodeURIComponent(trackingId)}`;

/**
 * A list attached as CSV that a phone's spreadsheet app opens: a byte-order mark so that UTF-8 names
 * read right, CRLF lines, cells quoted only when needed.
 */
export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const lines = [header, ...rows].map((cells) => csvLine(cells, 'when-needed'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export function trackingLink(trackingId: string, href: string): Html {
  return raw(
    `<a href="${escapeHtml(href)}" style="color:${linkColour};font-weight:bold;white-space:nowrap;display:inline-block;line-height:24px;min-height:24px;text-decoration:underline">${escapeHtml(trackingId)}</a>`,
  );
}

/** A small red "BARU" badge. */
const newBadge = `<span style="display:inline-block;padding:0 6px;background:${lateColour};color:#ffffff;font-size:14px;line-height:20px;font-weight:bold;border-radius:3px;white-space:nowrap">BARU</span>`;

/** How late, or when due, in a few words ("terlambat 12 HK", "jatuh tempo besok"). */
export function whenWords(item: ListedComplaint, nextWorkingDay: string): string {
  switch (item.when) {
    case 'late':
      return `terlambat ${item.workingDaysLate} HK`;
    case 'expired':
      return 'waktu tanggapan pelapor habis';
    case 'today':
      return 'jatuh tempo hari ini';
    case 'tomorrow':
      return 'jatuh tempo besok';
    case 'next-working-day':
      return `jatuh tempo ${nextWorkingDay}`;
    default:
      return 'belum jatuh tempo';
  }
}

/**
 * One complaint as a two-line row: how late (or when due) and the tracking id as a link on the
 * first line, the details (stage, unit, class, due date) on the second.
 */
export function complaintRow(input: {
  item: ListedComplaint;
  href: string;
  when: string;
  details: readonly string[];
}): Html {
  const { item } = input;
  const words = input.when.charAt(0).toUpperCase() + input.when.slice(1);
  const lateness = `<strong style="color:${item.breached ? lateColour : dueColour};white-space:nowrap">${escapeHtml(words)}</strong>`;
  return raw(
    table(
      `<tr><td style="padding:8px 0;border-top:1px solid ${rule}">` +
        `<div style="line-height:24px">${lateness} &middot; ${trackingLink(item.trackingId, input.href).html}${item.newlyBreached ? ` ${newBadge}` : ''}</div>` +
        `<div style="font-size:14px;line-height:20px;color:${muted}">${input.details.map(escapeHtml).join(' &middot; ')}</div>` +
        '</td></tr>',
    ),
  );
}

/**
 * A row of a list: a bold title (text, or a complaint's tracking link and its unit), details below.
 */
export function itemRow(title: string | Html, details: string): Html {
  const head = typeof title === 'string' ? escapeHtml(title) : title.html;
  return raw(
    table(
      `<tr><td style="padding:8px 0;border-top:1px solid ${rule}"><div style="font-weight:bold;line-height:24px">${head}</div>` +
        `<div style="font-size:14px;line-height:20px;color:${muted}">${escapeHtml(details)}</div></td></tr>`,
    ),
  );
}

/** A bordered box for a warning the reader must not miss (vacant admin seat, missing calendar). */
export function notice(content: readonly Html[]): Html {
  return raw(
    table(
      `<tr><td style="padding:12px 12px 0;background:#fff8e1;border-left:4px solid ${dueColour}">${join(content)}</td></tr>`,
      'margin:0 0 16px',
    ),
  );
}

/** A thin rule between the list and the notes. */
export const divider: Html = raw(
  `<div style="height:1px;line-height:1px;font-size:1px;background:${rule};margin:16px 0">&nbsp;</div>`,
);

/**
 * Wraps one line of plain text at `width` characters on spaces; a word longer than the width (a
 * URL) stands on a line of its own. A line starting with "- " continues indented under its text.
 */
export function wrapLine(line: string, width = textWidth): string[] {
  if (line.length <= width) return [line];
  const indent = line.startsWith('- ') ? '  ' : '';
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      out.push(current);
      current = indent + word;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** Plain-text lines, each wrapped, joined with line breaks. */
export const wrapText = (lines: readonly string[], width = textWidth): string =>
  lines.flatMap((l) => wrapLine(l, width)).join('\n');

/** One complaint as a short plain-text block: what and how late, the details, the link. */
export function complaintBlock(input: {
  item: ListedComplaint;
  href: string;
  when: string;
  details: readonly string[];
}): string[] {
  const { item } = input;
  return [
    '',
    `${item.trackingId} - ${input.when}${item.newlyBreached ? ' [BARU]' : ''}`,
    input.details.join(', '),
    input.href,
  ];
}

/**
 * A whole e-mail in both parts, in the order every e-mail here follows: the greeting, the lead
 * sentence (what the reader must know first; bold when `strongLead`), the body, then small notes
 * and the footer below a rule.
 */
export function letter(input: {
  title: string;
  /** The inbox's preview line. @default the lead */
  preview?: string;
  greeting: string;
  lead: string;
  strongLead?: boolean;
  html: readonly (Html | false | '' | undefined)[];
  text: readonly string[];
  /** Notes and the footer, in small print in HTML. */
  closing: readonly string[];
}): { text: string; html: string } {
  const lead = input.strongLead
    ? inline({ html: '<strong>' }, input.lead, { html: '</strong>' })
    : input.lead;
  return {
    text: wrapText([input.greeting, '', input.lead, ...input.text, ...input.closing.flatMap((c) => ['', c])]),
    html: emailPage({
      title: input.title,
      preview: input.preview ?? input.lead,
      body: [
        paragraph(input.greeting),
        paragraph(lead),
        ...input.html.filter((h): h is Html => Boolean(h)),
        divider,
        ...input.closing.map((c) => paragraph(c, { small: true })),
      ],
    }),
  };
}
