/**
 * Removes a reporter's contact and identity numbers from free text before it is stored (UU 27/2022):
 * e-mail addresses (also spelled out or bracketed: `budi at gmail.com`, `budi{at}gmail{dot}com`),
 * phone numbers (Indonesian mobile and landline, national or +62, however grouped), NIKs (16
 * digits, however grouped), any number written after a NIK/KTP/KK or phone label, and other
 * identifiers: 12 or more digits written together, or 13 or more typed in blocks (BPJS, bank
 * account).
 *
 * The text is read as a person reads it, not as the bytes lie: NFKC first (full-width digits and
 * the full-width at-sign become ASCII), then every Unicode decimal digit (`\p{Nd}`: Arabic-Indic,
 * Devanagari, Thai...) becomes its ASCII digit, and invisible format characters (`\p{Cf}`: zero-width
 * space and joiners, soft hyphen, word joiner, byte-order mark) are dropped. Digit groups may be
 * joined by spaces, tabs and line breaks, dots, slashes, underscores, any dash (hyphen, en and em
 * dash, minus sign), up to four of them, or by a comma written between two digits.
 *
 * Left alone: dates and times, amounts after Rp/IDR, tracking ids (digits joined to letters),
 * regency codes, short numbers, and numbers in a list written "5049672, 5049673" (a comma and a
 * space is list punctuation, not a separator inside one number).
 */
export function scrubPersonalData(value: string): string {
  return scrubNumbers(scrubEmails(readable(value)));
}

/** Free text of a stored field, scrubbed and trimmed (notes, category, unit). */
export function scrubText(value: string): string {
  return scrubPersonalData(value).trim();
}

/** NFKC, every decimal digit as ASCII, invisible format characters dropped. */
function readable(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[^\P{Nd}0-9]/gu, (d) => String(digitValue(d)));
}

const digitValues = new Map<string, number>();

/**
 * The value of a decimal digit: Unicode encodes every script's digits as one contiguous run
 * 0..9 (UAX #44, Numeric_Type=Decimal), and runs placed back to back (mathematical digits) each
 * hold ten, so the value is the distance from the start of the block of digits, modulo ten.
 */
function digitValue(d: string): number {
  let value = digitValues.get(d);
  if (value === undefined) {
    const code = d.codePointAt(0) as number;
    let start = code;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    value = (code - start) % 10;
    digitValues.set(d, value);
  }
  return value;
}

export const scrubbed = {
  email: '[email dihapus]',
  phone: '[telepon dihapus]',
  nik: '[NIK dihapus]',
  number: '[nomor dihapus]',
} as const;

const open = '[([{<]';
const close = String.raw`[)\]}>]`;
/** `@`, or "at" in brackets: `(at)`, `[at]`, `{at}`, `<at>`. */
const at = String.raw`\s*(?:@|${open}\s*at\s*${close})\s*`;
/** A dot, spaced or not, "dot"/"titik" in brackets, or spelled out between spaces. */
const dot = String.raw`(?:\s*(?:\.|${open}\s*(?:dot|titik)\s*${close})\s*|\s+(?:dot|titik)\s+)`;
const local = String.raw`[\p{L}\p{N}._%+-]+`;
const label = String.raw`[\p{L}\p{N}-]+`;
/** Endings of the mail domains people use here: a spelled-out "at" needs one of them. */
const commonEnding = String.raw`(?:com|id|net|org|info|biz|co|go|ac|sch|me|io)\b`;
const emailPattern = new RegExp(
  String.raw`${local}${at}${label}(?:${dot}${label})*${dot}\p{L}{2,}` +
    // "nama at gmail.com", "nama at gmail dot com": spelled out, only with a common ending
    String.raw`|${local}\s+at\s+${label}(?:${dot}${label})*${dot}${commonEnding}`,
  'giu',
);

function scrubEmails(text: string): string {
  return text.replace(emailPattern, scrubbed.email);
}

/** Labels that make the number after them personal data whatever its shape. */
const nikLabel =
  /(?:\bnik|\bktp|\bno\.?\s*ktp|nomor\s+induk\s+kependudukan|\bkk)\s*[:.=]?\s*(?:no\.?|nomor)?\s*[:.=]?\s*$/i;
const phoneLabel =
  /(?:\bhp|\bwa|\bwhats\s*app|\btelp?\.?|\btelepon|\btelpon|\btlp|\bponsel|\bkontak|\bphone|\bmobile|\bno\.?\s*(?:hp|wa|telp))\s*[:.=]?\s*(?:no\.?|nomor)?\s*[:.=]?\s*$/i;
const amountLabel = /(?:\brp\.?|\bidr)\s*$/i;

/**
 * A run of digit groups: digits, optionally in parentheses, joined by up to four separators
 * (whitespace, dot, slash, underscore, any dash or the minus sign) or by a comma between two
 * digits, optionally led by +. Not part of a word, nor a dash-joined code such as a tracking id
 * (LAPOR-6302-2026-000123).
 */
const sep = String.raw`(?:[\s./_\p{Pd}\u2212]{1,4}|,)`;
const runPattern = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?<![\p{L}\p{N}][./\p{Pd}\u2212])\(?\+?\s?\(?\d+\)?(?:${sep}\(?\d+\)?|\(\d+\))*(?![\p{L}_]|[./\p{Pd}\u2212]\p{L})`,
  'gu',
);

function scrubNumbers(text: string): string {
  // A label glued to its number ("NIK6371...", "HP081...") is still a label.
  const spaced = text.replace(/\b(NIK|KTP|HP|WA|Telp|Tlp)(?=\d)/gi, '$1 ');
  return spaced.replace(runPattern, (run, offset: number) => {
    const before = spaced.slice(Math.max(0, offset - 40), offset);
    if (amountLabel.test(before)) return run;
    const digits = run.replace(/\D/g, '');
    if (nikLabel.test(before) && digits.length >= 4) return keepEdges(run, scrubbed.nik);
    if (phoneLabel.test(before) && digits.length >= 6) {
      return keepEdges(run, digits.length === 16 ? scrubbed.nik : scrubbed.phone);
    }
    return scrubGroups(run);
  });
}

/** Keeps the whitespace a run started or ended with (the run pattern may take one). */
function keepEdges(run: string, replacement: string): string {
  const lead = /^\s*/.exec(run)?.[0] ?? '';
  const trail = /\s*$/.exec(run)?.[0] ?? '';
  return `${lead}${replacement}${trail}`;
}

/** National form of a phone number's digits: 62... becomes 0... */
function isPhone(digits: string, international: boolean): boolean {
  const national = digits.startsWith('62') ? `0${digits.slice(2)}` : international ? '' : digits;
  // Mobile 08xx (10-13 digits), landline 0 + area code + subscriber (9-12 digits).
  // (No area code starts with 01.)
  return /^08\d{8,11}$/.test(national) || /^0[2-79]\d{7,10}$/.test(national);
}

const isNik = (digits: string) => digits.length === 16;

/**
 * Within one run, finds the longest stretch of whole digit groups, from the left, that is a NIK or
 * a phone number (so a date or a count before a phone number survives), and replaces it; a single
 * group of 12 or more digits that is neither is another identifier and goes too.
 */
function scrubGroups(run: string): string {
  const groups = [...run.matchAll(/\d+/g)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const out: string[] = [];
  let cursor = 0;
  let i = 0;
  while (i < groups.length) {
    let found: { end: number; kind: string } | undefined;
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      const g = groups[j] as { start: number; end: number };
      digits += run.slice(g.start, g.end);
      if (digits.length > 16) break;
      const plus = /\+\s?\(?$/.test(run.slice(cursor, (groups[i] as { start: number }).start));
      if (isNik(digits)) found = { end: j, kind: scrubbed.nik };
      else if (isPhone(digits, plus)) found = { end: j, kind: scrubbed.phone };
    }
    const single = groups[i] as { start: number; end: number };
    if (!found && single.end - single.start >= 12) found = { end: i, kind: scrubbed.number };
    if (!found) {
      // An account or card number typed in blocks ("0123 0100 1234 567"): 13 or more digits in
      // groups of three or more (dates and times come in groups of two; a reference such as
      // 20260317-0001 has 12).
      let total = single.end - single.start;
      let j = i;
      while (j + 1 < groups.length) {
        const next = groups[j + 1] as { start: number; end: number };
        if (next.end - next.start < 3) break;
        total += next.end - next.start;
        j++;
      }
      if (total >= 13 && single.end - single.start >= 3) found = { end: j, kind: scrubbed.number };
    }
    if (!found) {
      i++;
      continue;
    }
    // Replace from the group's start (with a + or an opening parenthesis before it) to its end.
    let from = single.start;
    while (from > cursor && /[+(]/.test(run[from - 1] ?? '')) from--;
    if (from > cursor && run[from - 1] === ' ' && /\+$/.test(run.slice(cursor, from - 1))) from -= 2;
    const last = groups[found.end] as { end: number };
    let to = last.end;
    if (run[to] === ')' && run.slice(from, single.start).includes('(')) to++;
    out.push(run.slice(cursor, from), found.kind);
    cursor = to;
    i = found.end + 1;
  }
  out.push(run.slice(cursor));
  return out.join('');
}
