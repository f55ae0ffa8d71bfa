import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * The layers of src/, read from the import lines: `cli → {io, ui} → core`, nothing upwards, no file
 * importing itself round a circle, and core free of the file system, processes and the console.
 */
type Layer = 'cli' | 'io' | 'ui' | 'core' | 'api';
const ALLOWED: Record<Layer, readonly Layer[]> = {
  cli: ['cli', 'io', 'ui', 'core'],
  io: ['io', 'core'],
  ui: ['ui', 'core'],
  core: ['core'],
  api: ['core', 'io'],
};
/** Modules that reach outside the process or the disk; core must use none, ui none either. */
const EFFECTS = /^(node:)?(fs|fs\/promises|child_process|os|net|http|https|dgram|tls|worker_threads|cluster|readline|tty)$/;

interface Source {
  file: string;
  text: string;
}

function sourcesUnder(dir: string): Source[] {
  const out: Source[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourcesUnder(rel));
    else if (entry.name.endsWith('.ts')) out.push({ file: rel, text: readFileSync(join(ROOT, rel), 'utf8') });
  }
  return out;
}

/** Every module a file names in an import or export line, or an `import()` call (type-only imports too). */
function specifiersOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  for (const m of code.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm)) out.push(m[1] ?? '');
  for (const m of code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1] ?? '');
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1] ?? '');
  return out;
}

function layerOf(file: string): Layer {
  if (file === 'src/index.ts') return 'api';
  const top = file.split('/')[1] ?? '';
  if (top === 'cli' || top === 'io' || top === 'ui' || top === 'core') return top;
  throw new Error(`${file}: not in a layer`);
}

interface Graph {
  edges: Map<string, string[]>;
  external: Map<string, string[]>;
}

function graphOf(sources: readonly Source[]): Graph {
  const files = new Set(sources.map((s) => s.file));
  const edges = new Map<string, string[]>();
  const external = new Map<string, string[]>();
  for (const { file, text } of sources) {
    const local: string[] = [];
    const outside: string[] = [];
    for (const spec of specifiersOf(text)) {
      if (!spec.startsWith('.')) {
        outside.push(spec);
        continue;
      }
      const target = normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts');
      if (files.has(target)) local.push(target);
      else if (target.startsWith('src/')) throw new Error(`${file}: imports ${spec}, which is not a source file`);
    }
    edges.set(file, local);
    external.set(file, outside);
  }
  return { edges, external };
}

/** Imports that break the layer rule, as `from -> to`. */
function upwardArrows(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph.edges) {
    for (const to of targets) if (!ALLOWED[layerOf(from)].includes(layerOf(to))) out.push(`${from} -> ${to}`);
  }
  return out;
}

/** Strongly connected groups of more than one node (Tarjan), each sorted. */
function circles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (node: string): void => {
    indexOf.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, indexOf.get(next) ?? 0));
    }
    if (low.get(node) === indexOf.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || (edges.get(node) ?? []).includes(node)) out.push(group.sort());
    }
  };
  for (const node of edges.keys()) if (!indexOf.has(node)) visit(node);
  return out;
}

/** The folders of core (its kernel files count as one group, `core`) and the arrows between them. */
function coreGroups(graph: Graph): Map<string, string[]> {
  const groupOf = (file: string): string => {
    const parts = file.split('/');
    return parts.length > 3 ? `core/${parts[2]}` : 'core';
  };
  const out = new Map<string, Set<string>>();
  for (const [from, targets] of graph.edges) {
    if (layerOf(from) !== 'core') continue;
    const set = out.get(groupOf(from)) ?? new Set<string>();
    for (const to of targets) if (groupOf(to) !== groupOf(from)) set.add(groupOf(to));
    out.set(groupOf(from), set);
  }
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}

function effectsIn(sources: readonly Source[], graph: Graph, layers: readonly Layer[]): string[] {
  const out: string[] = [];
  for (const { file, text } of sources) {
    if (!layers.includes(layerOf(file))) continue;
    for (const spec of graph.external.get(file) ?? []) if (EFFECTS.test(spec)) out.push(`${file}: imports ${spec}`);
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const m of code.matchAll(/\b(process|console)\s*\.\s*\w+/g)) out.push(`${file}: uses ${m[0]}`);
  }
  return out;
}

const SOURCES = sourcesUnder('src');
const GRAPH = graphOf(SOURCES);

describe('the layers of src/', () => {
  it('reads every source file and a realistic number of imports', () => {
    expect(SOURCES.length).toBeGreaterThan(100);
    expect([...GRAPH.edges.values()].flat().length).toBeGreaterThan(300);
  });

  it('every import points down: cli → {io, ui} → core (the library entry may use core and io)', () => {
    expect(upwardArrows(GRAPH)).toEqual([]);
  });

  it('no file circle', () => {
    expect(circles(GRAPH.edges)).toEqual([]);
  });

  it('no circle between the concept folders of core', () => {
    expect(circles(coreGroups(GRAPH))).toEqual([]);
  });

  it('core touches no file system, process, network or console, and ui none either', () => {
    expect(effectsIn(SOURCES, GRAPH, ['core', 'ui'])).toEqual([]);
  });

  it('src/core and src/io keep at most a dozen files at their top level', () => {
    for (const dir of ['src/core', 'src/io']) {
      const top = readdirSync(join(ROOT, dir), { withFileTypes: true }).filter((e) => e.isFile());
      expect(top.length, `${dir}: ${top.map((e) => e.name).join(', ')}`).toBeLessThanOrEqual(12);
    }
  });

  it('catches what it is for (negative controls on a made-up tree)', () => {
    const made = [
      { file: 'src/ui/report.ts', text: "import type { CliContext } from '../cli/context.js';\n" },
      { file: 'src/cli/context.ts', text: "import { x } from '../ui/report.js';\nexport const y = 1;\n" },
      { file: 'src/core/a/one.ts', text: "import { b } from '../b/two.js';\nimport { readFileSync } from 'node:fs';\n" },
      { file: 'src/core/b/two.ts', text: "export { a } from '../a/one.js';\nconst e = process.env;\n" },
      { file: 'src/io/x.ts', text: "const m = await import('../cli/context.js');\n// import { no } from '../ui/report.js';\n" },
    ];
    const graph = graphOf(made);
    expect(upwardArrows(graph).sort()).toEqual(['src/io/x.ts -> src/cli/context.ts', 'src/ui/report.ts -> src/cli/context.ts']);
    expect(circles(graph.edges).map((c) => c.join(' '))).toEqual(
      expect.arrayContaining(['src/cli/context.ts src/ui/report.ts', 'src/core/a/one.ts src/core/b/two.ts']),
    );
    expect(circles(coreGroups(graph))).toEqual([['core/a', 'core/b']]);
    expect(effectsIn(made, graph, ['core'])).toEqual(['src/core/a/one.ts: imports node:fs', 'src/core/b/two.ts: uses process.env']);
  });
});
