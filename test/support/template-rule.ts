import { readdirSync, readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { type Node, parse } from 'acorn';
import * as walk from 'acorn-walk';

/**
 * The views' rule, checked from the source: a file in templates/ lays out and words a view model; it
 * decides no threshold and holds no policy value (README, "Where is the rule"). Three signs of a
 * decision or a copied value are looked for:
 * - a comparison (`<`, `<=`, `>`, `>=`) with a number other than 0 or 1 (`overdue >= 10`);
 * - printed text that carries a number with a unit of a rule ("60 HK", "30 hari", "kurang dari 5
 *   laporan", "40%", "pukul 08.00") or a fraction in words ("seperempat");
 * - an import of a data file (policies, calendars, regions are read by adapters, not by views).
 * Chart geometry (templates/charts.ts) is drawing, not judgement: its comparisons are not checked.
 */
export interface TemplateFinding {
  file: string;
  line: number;
  rule: 'threshold' | 'value in text' | 'data import';
  text: string;
}

/** Printed numbers that are not a rule's value: each with why. */
export const allowedText: readonly { file: string; text: string; why: string }[] = [
  {
    file: 'templates/semester-report-pdf.ts',
    text: '90%',
    why: 'names the 90th percentile the domain computes (Distribution.p90), not a limit',
  },
  { file: 'templates/semester-report-pdf.ts', text: '100%', why: 'the total row of a column of shares' },
];

/** "width:100%;", 'width="100%"', "42%}": a length in CSS or HTML, not a figure. */
const isCssLength = (text: string, end: number) =>
  /[{};=]/.test(text) && /^(?:[;"'})\s]|$)/.test(text.slice(end, end + 1));

const ruleText =
  /\b\d+(?:[.,]\d+)?\s*(?:HK\b|hari\b|laporan\b|kasus\b|%)|pukul\s+\d|\b(?:seperempat|setengah|sepertiga|seperlima)\b/gi;

const comparisons = new Set(['<', '<=', '>', '>=']);

type AnyNode = Node & Record<string, unknown>;

const isThresholdLiteral = (node: AnyNode) =>
  node.type === 'Literal' && typeof node.value === 'number' && node.value !== 0 && node.value !== 1;

export function templateFindings(file: string, source: string): TemplateFinding[] {
  // Types are blanked out in place, so positions (and lines) stay those of the file; a class with
  // parameter properties (the charts' drawing) needs Node's transform, which may move lines.
  let js: string;
  try {
    js = stripTypeScriptTypes(source, { mode: 'strip' });
  } catch {
    js = stripTypeScriptTypes(source, { mode: 'transform' });
  }
  const tree = parse(js, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  const findings: TemplateFinding[] = [];
  const line = (node: Node) => node.loc?.start.line ?? 0;
  const geometry = path.basename(file) === 'charts.ts';
  const checkText = (node: Node, text: string) => {
    for (const match of text.matchAll(ruleText)) {
      if (match[0].endsWith('%') && isCssLength(text, (match.index ?? 0) + match[0].length)) continue;
      const allowed = allowedText.some((a) => a.file === file && a.text === match[0]);
      if (!allowed) findings.push({ file, line: line(node), rule: 'value in text', text: match[0] });
    }
  };
  const imports = new Set<Node>();
  walk.full(tree, (n) => {
    const node = n as AnyNode;
    if (
      node.type === 'ImportDeclaration' ||
      node.type === 'ExportNamedDeclaration' ||
      node.type === 'ExportAllDeclaration'
    ) {
      const from = node.source as AnyNode | null | undefined;
      if (from) {
        imports.add(from);
        if (/(^|\/)data\/|\.json$/.test(String(from.value)))
          findings.push({ file, line: line(node), rule: 'data import', text: String(from.value) });
      }
    }
  });
  walk.full(tree, (n) => {
    const node = n as AnyNode;
    if (
      !geometry &&
      node.type === 'BinaryExpression' &&
      comparisons.has(String(node.operator)) &&
      (isThresholdLiteral(node.left as AnyNode) || isThresholdLiteral(node.right as AnyNode))
    ) {
      findings.push({ file, line: line(node), rule: 'threshold', text: js.slice(node.start, node.end) });
    }
    if (node.type === 'Literal' && typeof node.value === 'string' && !imports.has(node))
      checkText(node, node.value);
    if (node.type === 'TemplateElement')
      checkText(node, String((node.value as { cooked?: string }).cooked ?? ''));
  });
  return findings;
}

/** Every view file of the repository, checked. */
export function repositoryTemplateFindings(root: string): { files: number; findings: TemplateFinding[] } {
  const files = readdirSync(path.join(root, 'templates')).filter((f) => f.endsWith('.ts'));
  return {
    files: files.length,
    findings: files.flatMap((f) =>
      templateFindings(`templates/${f}`, readFileSync(path.join(root, 'templates', f), 'utf8')),
    ),
  };
}
