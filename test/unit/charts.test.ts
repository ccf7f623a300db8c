import { describe, expect, it } from 'vitest';
import {
  barChart,
  chartPalette,
  escapeXml,
  formatNumberId,
  histogram,
  horizontalBarChart,
  niceScale,
} from '../../templates/charts';

interface Element {
  name: string;
  attrs: Record<string, string>;
  text: string;
}

/**
 * A strict little XML reader for what the charts emit: balanced tags, quoted attributes, and no
 * bare `<` or `&` in text. Returns the elements in document order.
 */
function parseSvg(svg: string): Element[] {
  const elements: Element[] = [];
  const open: Element[] = [];
  const token = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  // biome-ignore lint/suspicious/noAssignInExpressions: the classic exec loop
  while ((match = token.exec(svg)) !== null) {
    consumed = token.lastIndex;
    const [, closing, name, attrText, selfClosing, text] = match;
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`bare & in "${text}"`);
      const current = open.at(-1);
      if (current) current.text += text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      continue;
    }
    if (closing) {
      const top = open.pop();
      if (top?.name !== name) throw new Error(`</${name}> closes <${top?.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, key = '', value = ''] of (attrText ?? '').matchAll(/([a-zA-Z][a-zA-Z0-9:-]*)="([^"]*)"/g)) {
      if (key in attrs) throw new Error(`duplicate attribute ${key}`);
      attrs[key] = value;
    }
    const element = { name: name ?? '', attrs, text: '' };
    elements.push(element);
    if (!selfClosing) open.push(element);
  }
  if (consumed !== svg.length)
    throw new Error(`unparsed input at ${consumed}: ${svg.slice(consumed, consumed + 40)}`);
  if (open.length > 0) throw new Error(`unclosed <${open.at(-1)?.name}>`);
  return elements;
}

const rects = (elements: Element[]) => elements.filter((e) => e.name === 'rect');
const texts = (elements: Element[]) => elements.filter((e) => e.name === 'text');
const byText = (elements: Element[], text: string) => texts(elements).find((e) => e.text === text);
const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni'];

describe('formatNumberId', () => {
  it('uses a dot for thousands and a comma for decimals', () => {
    expect(formatNumberId(3.5, 1)).toBe('3,5');
    expect(formatNumberId(1234.5, 1)).toBe('1.234,5');
    expect(formatNumberId(2_000_000)).toBe('2.000.000');
    expect(formatNumberId(-1234567.891, 2)).toBe('-1.234.567,89');
    expect(formatNumberId(0.25, 0)).toBe('0');
    expect(formatNumberId(999.96, 1)).toBe('1.000,0');
  });

  it('never prints NaN, Infinity or a negative zero', () => {
    expect(formatNumberId(Number.NaN, 1)).toBe('–');
    expect(formatNumberId(Number.POSITIVE_INFINITY)).toBe('–');
    expect(formatNumberId(-0.001, 1)).toBe('0,0');
  });
});

describe('niceScale', () => {
  it('rounds the axis up to a step of 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceScale(41)).toEqual({ max: 50, ticks: [0, 10, 20, 30, 40, 50] });
    expect(niceScale(1234).ticks).toEqual([0, 250, 500, 750, 1000, 1250]);
    expect(niceScale(0.7).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('gives a unit axis for zero or missing data, with whole steps for counts', () => {
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(niceScale(Number.NaN).max).toBe(1);
    expect(niceScale(0, true)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(3, true).ticks).toEqual([0, 1, 2, 3]);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });
});

describe('barChart', () => {
  const twoSeries = () =>
    barChart({
      title: 'Kabupaten vs provinsi',
      labels: months,
      series: [
        { name: 'Tanah Laut', values: [10, 20, 5, 0, 40, 15] },
        { name: 'Provinsi', values: [12.5, 18, 9, 4, 22, 16] },
      ],
      width: 515,
      height: 220,
      yLabel: 'Jumlah laporan',
    });

  it('draws one bar per value with a height proportional to it', () => {
    const svg = twoSeries();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="515" height="220"')).toBe(true);
    const elements = parseSvg(svg);
    const bars = rects(elements).filter((r) => Number(r.attrs.width) > 20);
    // 11 bars: the zero value draws none.
    expect(bars).toHaveLength(11);
    const tanahLaut = bars.filter((r) => r.attrs.fill === chartPalette[0]).map((r) => Number(r.attrs.height));
    expect(tanahLaut).toHaveLength(5);
    const [jan = 0, feb = 0] = tanahLaut;
    expect(feb / jan).toBeCloseTo(2, 1);
  });

  it('labels values the Indonesian way, each series with its own precision', () => {
    const elements = parseSvg(twoSeries());
    expect(byText(elements, '12,5')).toBeDefined();
    expect(byText(elements, '40')).toBeDefined();
    expect(byText(elements, '40,0')).toBeUndefined();
    for (const month of months) expect(byText(elements, month)).toBeDefined();
  });

  it('adds a legend for several series, and none for one', () => {
    const withLegend = parseSvg(twoSeries());
    expect(byText(withLegend, 'Tanah Laut')).toBeDefined();
    expect(byText(withLegend, 'Provinsi')).toBeDefined();
    const single = parseSvg(
      barChart({
        labels: months,
        series: [{ name: 'Tanah Laut', values: [1, 2, 3, 4, 5, 6] }],
        width: 400,
        height: 200,
      }),
    );
    expect(byText(single, 'Tanah Laut')).toBeUndefined();
  });

  it('rotates the axis caption and uses only explicit attributes that svg-to-pdfkit reads', () => {
    const svg = twoSeries();
    expect(byText(parseSvg(svg), 'Jumlah laporan')?.attrs.transform).toMatch(/^rotate\(-90 /);
    expect(svg).not.toMatch(/class=|<style|<image|font-weight="700"/);
    for (const text of texts(parseSvg(svg))) expect(text.attrs['font-family']).toBe('Roboto');
  });

  it('escapes labels and names and refuses a colour that is not a colour', () => {
    const svg = barChart({
      title: 'A < B & C > D',
      labels: ['<Jan & "Feb">'],
      series: [
        { name: 'x & y', values: [1], color: '"/><script>' },
        { name: 'z', values: [2] },
      ],
      width: 300,
      height: 150,
    });
    expect(svg).not.toMatch(/<script|< B|& C|& y/);
    const elements = parseSvg(svg);
    expect(byText(elements, 'A < B & C > D')).toBeDefined();
    expect(byText(elements, 'x & y')).toBeDefined();
    expect(rects(elements).map((r) => r.attrs.fill)).toContain(chartPalette[0]);
  });

  it('draws an empty chart with a message, and an all-zero chart, without NaN', () => {
    for (const svg of [
      barChart({ labels: [], series: [], width: 300, height: 150 }),
      barChart({ labels: months, series: [], width: 300, height: 150, emptyText: 'Belum ada laporan' }),
      barChart({
        labels: months,
        series: [{ name: 'a', values: [0, 0, 0, 0, 0, 0] }],
        width: 300,
        height: 150,
      }),
      barChart({
        labels: ['a', 'b'],
        series: [{ name: 'a', values: [Number.NaN] }],
        width: 300,
        height: 150,
      }),
    ]) {
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      parseSvg(svg);
    }
    expect(
      byText(parseSvg(barChart({ labels: [], series: [], width: 300, height: 150 })), 'Tidak ada data'),
    ).toBeDefined();
  });

  it('rejects a size that is not positive', () => {
    expect(() => barChart({ labels: [], series: [], width: 0, height: 100 })).toThrow(RangeError);
  });
});

describe('histogram', () => {
  const bins = ['0', '1', '2', '3', '4', '> 4'].map((label, i) => ({
    label,
    count: [2, 5, 9, 4, 1, 3][i] ?? 0,
  }));

  it('draws adjacent columns and highlights the chosen bin in colour and bold', () => {
    const elements = parseSvg(
      histogram({ bins, highlight: 2, width: 400, height: 200, xLabel: 'Hari kerja', yLabel: 'Laporan' }),
    );
    const columns = rects(elements);
    expect(columns).toHaveLength(6);
    expect(columns.map((c) => c.attrs.fill)).toEqual([
      '#0072B2',
      '#0072B2',
      '#E69F00',
      '#0072B2',
      '#0072B2',
      '#0072B2',
    ]);
    expect(byText(elements, '9')?.attrs['font-weight']).toBe('bold');
    expect(byText(elements, '5')?.attrs['font-weight']).toBeUndefined();
    expect(byText(elements, '> 4')).toBeDefined();
    expect(byText(elements, 'Hari kerja')).toBeDefined();
    const [first, second] = columns;
    expect(Number(second?.attrs.x)).toBeCloseTo(Number(first?.attrs.x) + Number(first?.attrs.width) + 1, 1);
  });

  it('uses whole-number ticks and copes with empty or all-zero bins', () => {
    const zero = histogram({
      bins: bins.map((b) => ({ ...b, count: 0 })),
      width: 400,
      height: 200,
      xLabel: 'x',
      yLabel: 'y',
    });
    const empty = histogram({ bins: [], width: 400, height: 200, xLabel: 'x', yLabel: 'y' });
    for (const svg of [zero, empty]) {
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      parseSvg(svg);
    }
    expect(texts(parseSvg(zero)).map((t) => t.text)).not.toContain('0,2');
    expect(byText(parseSvg(empty), 'Tidak ada data')).toBeDefined();
  });
});

describe('horizontalBarChart', () => {
  const items = [
    { label: 'Kota Banjarbaru', value: 2.25 },
    { label: 'Tanah Laut', value: 3.5, highlight: true },
    { label: 'Hulu Sungai Selatan', value: 5 },
  ];

  it('ranks the items top to bottom and highlights the report regency', () => {
    const elements = parseSvg(horizontalBarChart({ items, width: 400, height: 120 }));
    const bars = rects(elements).filter((r) => r.attrs.fill !== '#FFFFFF');
    expect(bars.map((b) => b.attrs.fill)).toEqual(['#0072B2', '#E69F00', '#0072B2']);
    const ys = bars.map((b) => Number(b.attrs.y));
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(byText(elements, 'Tanah Laut')?.attrs['font-weight']).toBe('bold');
    expect(byText(elements, 'Kota Banjarbaru')?.attrs['font-weight']).toBeUndefined();
    expect(byText(elements, '3,5')).toBeDefined();
    expect(Number(bars[2]?.attrs.width) / Number(bars[1]?.attrs.width)).toBeCloseTo(5 / 3.5, 2);
  });

  it('draws a dashed target line at the target value, captioned', () => {
    const elements = parseSvg(
      horizontalBarChart({
        items,
        target: 3,
        targetLabel: 'Target',
        valueFormat: (v) => `${formatNumberId(v, 1)} hari`,
        width: 400,
        height: 120,
      }),
    );
    const line = elements.find((e) => e.name === 'line' && e.attrs['stroke-dasharray']);
    const bar = rects(elements).find((r) => r.attrs.fill === '#E69F00');
    const x0 = Number(bar?.attrs.x);
    expect((Number(line?.attrs.x1) - x0) / Number(bar?.attrs.width)).toBeCloseTo(3 / 3.5, 2);
    expect(byText(elements, 'Target: 3,0 hari')).toBeDefined();
    expect(byText(elements, '3,5 hari')).toBeDefined();
  });

  it('copes with empty, all-zero and non-finite values', () => {
    for (const svg of [
      horizontalBarChart({ items: [], width: 300, height: 100 }),
      horizontalBarChart({ items: [{ label: 'a', value: 0 }], width: 300, height: 100, target: Number.NaN }),
      horizontalBarChart({ items: [{ label: 'a', value: Number.NaN }], width: 300, height: 100 }),
    ]) {
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      parseSvg(svg);
    }
  });

  it('truncates a label too long for the label column', () => {
    const long = 'Kabupaten Dengan Nama Yang Sangat Panjang Sekali Hingga Tidak Muat';
    const elements = parseSvg(
      horizontalBarChart({ items: [{ label: long, value: 1 }], width: 200, height: 60 }),
    );
    const label = texts(elements).find((t) => t.text.startsWith('Kabupaten'));
    expect(label?.text.endsWith('…')).toBe(true);
    expect(label?.text.length).toBeLessThan(long.length);
  });
});
