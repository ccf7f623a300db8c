/**
 * Charts for the semester evaluation PDF, as SVG strings for pdfmake's `svg` node. Pure functions:
 * no I/O, the same input gives the same bytes.
 *
 * Written for pdfmake's svg-to-pdfkit: explicit attributes only (no CSS classes or <style>), no
 * <image>, `font-family="Roboto"` (pdfmake maps an SVG font family to the font of the same name in
 * its dictionary; `font-weight="bold"` selects its bold face). Sizes are in PDF points: embed the
 * SVG at its own width and the text prints at the size written here (9 pt and up on A4).
 * Colours come from the Okabe-Ito palette, which stays distinguishable with colour-blindness, and
 * a highlight never relies on colour alone (its label is bold too). Values are volumes and
 * durations: negative or non-finite ones draw no bar (their label still says what they are).
 */

/** Okabe-Ito colours, in the order series use them. */
export const chartPalette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000'];

const colors = {
  text: '#222222',
  mutedText: '#555555',
  axis: '#444444',
  grid: '#D9D9D9',
  bar: '#0072B2',
  highlight: '#E69F00',
  target: '#D55E00',
} as const;

const fontSize = { title: 11, label: 9, tick: 9, value: 8.5 } as const;
const font = 'font-family="Roboto"';

/**
 * Formats a number the Indonesian way: dot for thousands, comma for decimals (1.234,5).
 * Not-a-number and infinities become an en dash, so a chart never prints "NaN".
 */
export function formatNumberId(n: number, decimals = 0): string {
  if (!Number.isFinite(n)) return '–';
  const places = Math.min(Math.max(Math.trunc(decimals), 0), 10);
  const fixed = Math.abs(n).toFixed(places);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const negative = n < 0 && /[1-9]/.test(fixed);
  return `${negative ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

export interface BarSeries {
  name: string;
  values: number[];
  /** A CSS hex colour (#RGB or #RRGGBB) or a colour name. @default the next palette colour */
  color?: string;
}

export interface BarChartOptions {
  title?: string;
  /** One label per group, e.g. month names. */
  labels: string[];
  series: BarSeries[];
  /** Size in PDF points. */
  width: number;
  height: number;
  /** Caption of the vertical axis, written rotated along it. */
  yLabel?: string;
  /** Formats the value labels and axis ticks. @default formatNumberId with 0 or 1 decimals */
  valueFormat?: (v: number) => string;
  /** Shown when there is nothing to plot. @default 'Tidak ada data' */
  emptyText?: string;
}

/** Grouped vertical bars with axis, gridlines, value labels and, for more than one series, a legend. */
export function barChart(options: BarChartOptions): string {
  const { width, height, labels, series } = options;
  checkSize(width, height);
  const svg = new Svg(width, height);
  // Each series keeps its own precision: counts stay whole while averages get a decimal.
  const formats = series.map((s) => options.valueFormat ?? defaultFormat(s.values));
  let top = 8;
  if (options.title) {
    svg.text(width / 2, top + fontSize.title, options.title, {
      size: fontSize.title,
      anchor: 'middle',
      bold: true,
    });
    top += fontSize.title + 8;
  }
  if (series.length > 1) {
    top = legend(
      svg,
      series.map((s, i) => ({ name: s.name, color: seriesColor(s.color, i) })),
      top,
    );
  }
  const scale = niceScale(Math.max(0, ...series.flatMap((s) => s.values.filter(Number.isFinite))));
  const tickLabels = scale.ticks.map(options.valueFormat ?? tickFormat(scale.ticks));
  const left =
    8 +
    (options.yLabel ? fontSize.label + 6 : 0) +
    Math.max(...tickLabels.map((t) => textWidth(t, fontSize.tick))) +
    6;
  const groupWidth = labels.length > 0 ? (width - left - 8) / labels.length : 0;
  const labelLines = labels.map((l) => wrap(l, groupWidth - 4, fontSize.label));
  const lines = Math.max(1, ...labelLines.map((l) => l.length));
  const plot = {
    left,
    top: top + fontSize.value + 4,
    right: width - 8,
    bottom: height - 6 - lines * (fontSize.label + 2) - 4,
  };
  const y = (v: number) => plot.bottom - (clamp(v) / scale.max) * (plot.bottom - plot.top);

  if (labels.length === 0 || series.length === 0) return emptyChart(svg, plot, options.emptyText);
  yAxis(svg, plot, scale.ticks, tickLabels, y, options.yLabel);
  const barWidth = (groupWidth * 0.8) / series.length;
  labels.forEach((_, g) => {
    const groupLeft = plot.left + g * groupWidth + groupWidth * 0.1;
    series.forEach((s, i) => {
      const value = s.values[g];
      if (value === undefined) return;
      const x = groupLeft + i * barWidth;
      const barTop = y(value);
      svg.rect(x + 0.5, barTop, barWidth - 1, plot.bottom - barTop, seriesColor(s.color, i));
      const text = formats[i]?.(value) ?? '';
      if (textWidth(text, fontSize.value) <= barWidth + 2) {
        svg.text(x + barWidth / 2, barTop - 3, text, { size: fontSize.value, anchor: 'middle' });
      }
    });
    labelLines[g]?.forEach((line, n) => {
      const cx = plot.left + (g + 0.5) * groupWidth;
      svg.text(cx, plot.bottom + 4 + (n + 1) * (fontSize.label + 1), line, {
        size: fontSize.label,
        anchor: 'middle',
      });
    });
  });
  svg.line(plot.left, plot.bottom, plot.right, plot.bottom, colors.axis, 1);
  return svg.toString();
}

export interface HistogramOptions {
  /** Adjacent bins in order, e.g. "0", "1", …, "> 14" working days. */
  bins: { label: string; count: number }[];
  width: number;
  height: number;
  /** Index of the bin to draw in the highlight colour (e.g. the deadline). */
  highlight?: number;
  xLabel: string;
  yLabel: string;
  emptyText?: string;
}

/** Counts per bin as adjacent columns, with the count above each column. */
export function histogram(options: HistogramOptions): string {
  const { width, height, bins } = options;
  checkSize(width, height);
  const svg = new Svg(width, height);
  const fmt = (v: number) => formatNumberId(v, 0);
  const scale = niceScale(Math.max(0, ...bins.map((b) => b.count).filter(Number.isFinite)), true);
  const tickLabels = scale.ticks.map(fmt);
  const left = 8 + fontSize.label + 6 + Math.max(...tickLabels.map((t) => textWidth(t, fontSize.tick))) + 6;
  const plot = {
    left,
    top: 8 + fontSize.value + 4,
    right: width - 8,
    bottom: height - 6 - fontSize.label - 6 - (fontSize.label + 4),
  };
  const y = (v: number) => plot.bottom - (clamp(v) / scale.max) * (plot.bottom - plot.top);
  svg.text((plot.left + plot.right) / 2, height - 6, options.xLabel, {
    size: fontSize.label,
    anchor: 'middle',
  });
  if (bins.length === 0) return emptyChart(svg, plot, options.emptyText);
  yAxis(svg, plot, scale.ticks, tickLabels, y, options.yLabel);
  const binWidth = (plot.right - plot.left) / bins.length;
  // Thin out bin labels that would collide: every k-th label, always the highlighted one.
  const widest = Math.max(...bins.map((b) => textWidth(b.label, fontSize.label)));
  const every = Math.max(1, Math.ceil((widest + 4) / binWidth));
  bins.forEach((bin, i) => {
    const highlighted = i === options.highlight;
    const x = plot.left + i * binWidth;
    const barTop = y(bin.count);
    svg.rect(
      x + 0.5,
      barTop,
      binWidth - 1,
      plot.bottom - barTop,
      highlighted ? colors.highlight : colors.bar,
    );
    const text = fmt(bin.count);
    if (textWidth(text, fontSize.value) <= binWidth + 2) {
      svg.text(x + binWidth / 2, barTop - 3, text, {
        size: fontSize.value,
        anchor: 'middle',
        bold: highlighted,
      });
    }
    if (i % every === 0 || highlighted) {
      svg.text(x + binWidth / 2, plot.bottom + 4 + fontSize.label, bin.label, {
        size: fontSize.label,
        anchor: 'middle',
        bold: highlighted,
      });
    }
  });
  svg.line(plot.left, plot.bottom, plot.right, plot.bottom, colors.axis, 1);
  return svg.toString();
}

export interface HorizontalBarChartOptions {
  /** One bar per item, drawn top to bottom in the order given (sort before calling). */
  items: { label: string; value: number; highlight?: boolean }[];
  width: number;
  height: number;
  /** Formats value labels, ticks and the target. @default formatNumberId with 0 or 1 decimals */
  valueFormat?: (v: number) => string;
  /** Draws a dashed vertical line at this value (e.g. the province's target). */
  target?: number;
  /** Caption of the target line. @default 'Target' */
  targetLabel?: string;
  emptyText?: string;
}

/** Ranked horizontal bars (e.g. the 13 regencies), highlighted items in colour and bold. */
export function horizontalBarChart(options: HorizontalBarChartOptions): string {
  const { width, height, items } = options;
  checkSize(width, height);
  const svg = new Svg(width, height);
  const target = options.target !== undefined && Number.isFinite(options.target) ? options.target : undefined;
  const fmt =
    options.valueFormat ??
    defaultFormat([...items.map((i) => i.value), ...(target === undefined ? [] : [target])]);
  const scale = niceScale(Math.max(0, target ?? 0, ...items.map((i) => i.value).filter(Number.isFinite)));
  const labelWidth = Math.min(
    width * 0.4,
    Math.max(0, ...items.map((i) => textWidth(i.label, fontSize.label, i.highlight))),
  );
  const valueWidth = Math.max(0, ...items.map((i) => textWidth(fmt(i.value), fontSize.value, i.highlight)));
  const targetCaption = target === undefined ? '' : `${options.targetLabel ?? 'Target'}: ${fmt(target)}`;
  const plot = {
    left: 8 + labelWidth + 6,
    top: 8 + (target === undefined ? 0 : fontSize.label + 6),
    right: width - 8 - valueWidth - 4,
    bottom: height - 6 - fontSize.tick - 4,
  };
  const x = (v: number) => plot.left + (clamp(v) / scale.max) * (plot.right - plot.left);
  const tickLabel = options.valueFormat ?? tickFormat(scale.ticks);
  if (items.length === 0) return emptyChart(svg, plot, options.emptyText);
  scale.ticks.forEach((t) => {
    svg.line(x(t), plot.top, x(t), plot.bottom, colors.grid, 0.5);
    svg.text(x(t), height - 6, tickLabel(t), {
      size: fontSize.tick,
      anchor: 'middle',
      color: colors.mutedText,
    });
  });
  svg.line(plot.left, plot.top, plot.left, plot.bottom, colors.axis, 1);
  const row = (plot.bottom - plot.top) / items.length;
  const barHeight = Math.min(row * 0.7, 24);
  const centre = (i: number) => plot.top + (i + 0.5) * row;
  items.forEach((item, i) => {
    const fill = item.highlight ? colors.highlight : colors.bar;
    svg.rect(plot.left, centre(i) - barHeight / 2, x(item.value) - plot.left, barHeight, fill);
    const label = truncate(item.label, labelWidth, fontSize.label, item.highlight);
    svg.text(plot.left - 6, centre(i) + fontSize.label * 0.35, label, {
      size: fontSize.label,
      anchor: 'end',
      bold: item.highlight,
    });
  });
  if (target !== undefined) {
    const tx = x(target);
    svg.line(tx, plot.top - 2, tx, plot.bottom, colors.target, 1.5, '4 3');
    const anchor = tx > width - textWidth(targetCaption, fontSize.label) / 2 - 8 ? 'end' : 'middle';
    svg.text(tx, plot.top - 5, targetCaption, {
      size: fontSize.label,
      anchor,
      color: colors.target,
      bold: true,
    });
  }
  // Value labels last, on a white ground, so the target line never runs through a number.
  items.forEach((item, i) => {
    const text = fmt(item.value);
    const end = x(item.value);
    svg.rect(
      end + 2,
      centre(i) - fontSize.value * 0.6,
      textWidth(text, fontSize.value, item.highlight) + 4,
      fontSize.value * 1.2,
      '#FFFFFF',
    );
    svg.text(end + 4, centre(i) + fontSize.value * 0.35, text, {
      size: fontSize.value,
      bold: item.highlight,
    });
  });
  return svg.toString();
}

// --- building blocks -------------------------------------------------------------------------

interface TextStyle {
  size: number;
  anchor?: 'start' | 'middle' | 'end';
  bold?: boolean | undefined;
  color?: string;
  rotate?: number;
}

/** A tiny SVG writer: every number goes through `n()`, so no NaN or long float reaches the output. */
class Svg {
  private readonly parts: string[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  rect(x: number, y: number, w: number, h: number, fill: string): void {
    if (!(w > 0 && h > 0)) return;
    this.parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${fill}"/>`);
  }

  line(
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    stroke: string,
    strokeWidth: number,
    dash?: string,
  ): void {
    const dashed = dash ? ` stroke-dasharray="${dash}"` : '';
    this.parts.push(
      `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="${n(strokeWidth)}"${dashed}/>`,
    );
  }

  text(x: number, y: number, content: string, style: TextStyle): void {
    const attrs = [
      `x="${n(x)}"`,
      `y="${n(y)}"`,
      font,
      `font-size="${n(style.size)}"`,
      `fill="${style.color ?? colors.text}"`,
    ];
    if (style.anchor && style.anchor !== 'start') attrs.push(`text-anchor="${style.anchor}"`);
    if (style.bold) attrs.push('font-weight="bold"');
    if (style.rotate) attrs.push(`transform="rotate(${n(style.rotate)} ${n(x)} ${n(y)})"`);
    this.parts.push(`<text ${attrs.join(' ')}>${escapeXml(content)}</text>`);
  }

  toString(): string {
    const w = n(this.width);
    const h = n(this.height);
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
      ...this.parts,
      '</svg>',
    ].join('\n');
  }
}

function n(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

function clamp(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 0;
}

function checkSize(width: number, height: number): void {
  if (!(Number.isFinite(width) && width > 0 && Number.isFinite(height) && height > 0)) {
    throw new RangeError(`chart size must be positive, got ${width} x ${height}`);
  }
}

/** Axis maximum and tick values: steps of 1, 2, 2.5 or 5 times a power of ten, about five ticks. */
export function niceScale(maxValue: number, integer = false): { max: number; ticks: number[] } {
  const max = Number.isFinite(maxValue) && maxValue > 0 ? maxValue : 1;
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  let step =
    (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 2.5 ? 2.5 : normalised <= 5 ? 5 : 10) *
    magnitude;
  if (integer) step = Math.max(1, Math.ceil(step));
  const count = Math.ceil(max / step - 1e-9);
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { max: count * step, ticks };
}

/** Whole numbers without decimals; otherwise one decimal for every value, so labels line up. */
function defaultFormat(values: number[]): (v: number) => string {
  const decimals = values.every((v) => !Number.isFinite(v) || Number.isInteger(v)) ? 0 : 1;
  return (v) => formatNumberId(v, decimals);
}

/** Tick labels carry as many decimals as the step needs (2,5 → one; 2 → none). */
function tickFormat(ticks: number[]): (v: number) => string {
  const step = ticks[1] ?? 1;
  const decimals = Number.isInteger(step) ? 0 : Number.isInteger(step * 10) ? 1 : 2;
  return (v) => formatNumberId(v, decimals);
}

function seriesColor(color: string | undefined, index: number): string {
  if (color && /^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]+)$/.test(color)) return color;
  return chartPalette[index % chartPalette.length] ?? colors.bar;
}

function emptyChart(
  svg: Svg,
  plot: { left: number; top: number; right: number; bottom: number },
  text = 'Tidak ada data',
): string {
  svg.line(plot.left, plot.bottom, plot.right, plot.bottom, colors.axis, 1);
  svg.line(plot.left, plot.top, plot.left, plot.bottom, colors.axis, 1);
  svg.text((plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2, text, {
    size: fontSize.label,
    anchor: 'middle',
    color: colors.mutedText,
  });
  return svg.toString();
}

function yAxis(
  svg: Svg,
  plot: { left: number; top: number; right: number; bottom: number },
  ticks: number[],
  tickLabels: string[],
  y: (v: number) => number,
  caption: string | undefined,
): void {
  ticks.forEach((t, i) => {
    if (t > 0) svg.line(plot.left, y(t), plot.right, y(t), colors.grid, 0.5);
    svg.text(plot.left - 5, y(t) + fontSize.tick * 0.35, tickLabels[i] ?? '', {
      size: fontSize.tick,
      anchor: 'end',
      color: colors.mutedText,
    });
  });
  svg.line(plot.left, plot.top, plot.left, plot.bottom, colors.axis, 1);
  if (caption) {
    const cx = 8 + fontSize.label;
    svg.text(cx, (plot.top + plot.bottom) / 2, caption, {
      size: fontSize.label,
      anchor: 'middle',
      rotate: -90,
    });
  }
}

/** Legend swatches in rows under the title; returns the y where the plot may start. */
function legend(svg: Svg, entries: { name: string; color: string }[], top: number): number {
  const swatch = 9;
  const rowHeight = fontSize.label + 6;
  const maxRight = svg.width - 8;
  let x = 8;
  let y = top;
  for (const entry of entries) {
    const w = swatch + 4 + textWidth(entry.name, fontSize.label) + 14;
    if (x > 8 && x + w > maxRight) {
      x = 8;
      y += rowHeight;
    }
    svg.rect(x, y + 1, swatch, swatch, entry.color);
    svg.text(x + swatch + 4, y + swatch, entry.name, { size: fontSize.label });
    x += w;
  }
  return y + rowHeight + 2;
}

/**
 * Estimated width of Roboto text: average advance widths by character class (em fractions
 * measured from Roboto Regular; Medium is about 3% wider).
 */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const c of text) {
    if (/[0-9]/.test(c)) em += 0.56;
    else if (/[ .,:;'!|ijl]/.test(c)) em += 0.26;
    else if (/[frt\-()]/.test(c)) em += 0.34;
    else if (/[mwMW]/.test(c)) em += 0.85;
    else if (/[A-Z]/.test(c)) em += 0.65;
    else em += 0.52;
  }
  return em * size * (bold ? 1.03 : 1);
}

/** Splits a label into at most two lines that fit maxWidth (the second line is truncated). */
function wrap(label: string, maxWidth: number, size: number): string[] {
  if (textWidth(label, size) <= maxWidth) return [label];
  const words = label.split(/\s+/);
  let first = words[0] ?? '';
  let i = 1;
  while (i < words.length && textWidth(`${first} ${words[i]}`, size) <= maxWidth) {
    first = `${first} ${words[i]}`;
    i++;
  }
  const rest = words.slice(i).join(' ');
  return rest
    ? [truncate(first, maxWidth, size), truncate(rest, maxWidth, size)]
    : [truncate(first, maxWidth, size)];
}

function truncate(text: string, maxWidth: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, size, bold) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
