import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The dependency rule of the layout (README, "Layout"), checked from the imports themselves:
 * - functions/ imports nothing from handlers/, templates/, cli/, demo/ (nor any other top-level
 *   folder but data/);
 * - functions/domain/ imports only the domain; functions/ports/ only ports and the domain;
 * - a use case imports no adapter; an adapter imports no use case;
 * - templates/ (the views) import only the domain, the ports and each other;
 * - no import circle anywhere (type-only imports count: a circle of types is still a circle).
 */
export interface Violation {
  rule: string;
  from: string;
  to?: string;
  cycle?: string[];
}

/** Source folders whose imports are checked (tests and fixtures are left out). */
export const checkedFolders = [
  'functions',
  'handlers',
  'templates',
  'cli',
  'demo',
  'local',
  'infra',
  'bench',
  'scripts',
];

/** Every .ts file of the checked folders, by repository-relative path. */
export function readSources(root: string, folders = checkedFolders): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(rel);
      } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
        files.set(rel, readFileSync(path.join(root, rel), 'utf8'));
      }
    }
  };
  for (const f of folders) walk(f);
  return files;
}

/** Static imports and re-exports (`import … from`, `export … from`, `import '…'`) and dynamic `import('…')`. */
const importPatterns = [
  /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** The specifiers a source imports, comments left out. */
export function specifiersOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return importPatterns.flatMap((re) => [...code.matchAll(re)].map((m) => m[1] as string));
}

/** The repository files a source imports (relative specifiers only, resolved like TypeScript does). */
export function importsOf(file: string, source: string, known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const spec of specifiersOf(source)) {
    if (!spec.startsWith('.')) continue;
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    const candidates = [base, `${base}.ts`, `${base}/index.ts`, base.replace(/\.js$/, '.ts')];
    const hit = candidates.find((c) => known.has(c));
    out.push(hit ?? base);
  }
  return out;
}

const layer = (p: string) => {
  const [top, sub] = p.split('/');
  if (top === 'functions' && sub && !sub.endsWith('.ts')) return `functions/${sub}`;
  return top ?? '';
};

/** Which layers a layer may import (a layer not named here may import anything). */
const allowed: Record<string, (to: string) => boolean> = {
  'functions/domain': (to) => to === 'functions/domain' || to === 'data',
  'functions/ports': (to) => to === 'functions/ports' || to === 'functions/domain',
  'functions/use-cases': (to) =>
    ['functions/use-cases', 'functions/ports', 'functions/domain', 'data'].includes(to),
  'functions/adapters': (to) =>
    ['functions/adapters', 'functions/ports', 'functions/domain', 'data'].includes(to),
  'functions/api': (to) =>
    ['functions/api', 'functions/use-cases', 'functions/ports', 'functions/domain'].includes(to),
  templates: (to) => ['templates', 'functions/domain', 'functions/ports'].includes(to),
};

export function dependencyViolations(files: ReadonlyMap<string, string>): Violation[] {
  const known = new Set(files.keys());
  const graph = new Map<string, string[]>();
  for (const [file, source] of files) graph.set(file, importsOf(file, source, known));
  const violations: Violation[] = [];
  for (const [from, tos] of graph) {
    const a = layer(from);
    for (const to of tos) {
      const b = layer(to);
      if (a.startsWith('functions') && !b.startsWith('functions') && b !== 'data') {
        violations.push({ rule: `functions/ imports nothing from ${b}/`, from, to });
      } else if (allowed[a] && !allowed[a](b)) {
        violations.push({ rule: `${a} may not import ${b}`, from, to });
      }
    }
  }
  for (const cycle of importCycles(graph))
    violations.push({ rule: 'no import circle', from: cycle[0] ?? '', cycle });
  return violations;
}

/** Every strongly connected group of two or more files (or a file importing itself), as one circle each. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iterative enough for a few hundred files.
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, indices.get(w) as number));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) groups.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) connect(v);
  return groups;
}
