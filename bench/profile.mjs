#!/usr/bin/env node
// Summarise a V8 CPU profile (`node --cpu-prof`) of the CLI: the functions and the source files that take the
// time. Each function is named with its source file, read from the `// src/…` comments esbuild writes into an
// unminified bundle, so profile a build made with `AGENTPACK_NOMINIFY=1 npx tsup` (BENCHMARKS.md, "Profiling").
// Usage: node bench/profile.mjs <file.cpuprofile> [--top 25]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: opts, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
if (positionals.length !== 1) {
  console.error('usage: node bench/profile.mjs <file.cpuprofile> [--top 25]');
  process.exit(2);
}
const top = Number(opts.top);
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));

/** Per bundle file: the line numbers of its `// src/<module>` comments, to name the module a line belongs to. */
const modulesOf = new Map();
function moduleOf(url, line) {
  if (!url) return '';
  if (!url.startsWith('file://')) return url;
  if (!modulesOf.has(url)) {
    const marks = [];
    try {
      readFileSync(fileURLToPath(url), 'utf8')
        .split('\n')
        .forEach((text, i) => {
          const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(text);
          if (m) marks.push([i, m[1].replace(/^node_modules\/(\.pnpm\/)?/, 'dep:')]);
        });
    } catch {}
    modulesOf.set(url, marks);
  }
  const marks = modulesOf.get(url);
  let found = url.replace(/^.*\//, '');
  for (const [at, name] of marks) {
    if (at > line) break;
    found = name;
  }
  return found.replace(/^dep:([^/]+)\/.*$/, 'dependency $1');
}

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
const total = [...self.values()].reduce((a, b) => a + b, 0);

const keyOf = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || (url ? '(anonymous)' : '');
  return url ? `${name} — ${moduleOf(url, lineNumber)}` : name;
};
const inclusiveOf = new Map();
const inclusive = (id) => {
  if (inclusiveOf.has(id)) return inclusiveOf.get(id);
  const node = byId.get(id);
  const sum = (self.get(id) ?? 0) + (node.children ?? []).reduce((a, c) => a + inclusive(c), 0);
  inclusiveOf.set(id, sum);
  return sum;
};
const selfBy = new Map();
const inclBy = new Map();
const fileBy = new Map();
for (const node of profile.nodes) {
  const key = keyOf(node);
  const ms = self.get(node.id) ?? 0;
  selfBy.set(key, (selfBy.get(key) ?? 0) + ms);
  const file = node.callFrame.url ? moduleOf(node.callFrame.url, node.callFrame.lineNumber) : key;
  fileBy.set(file, (fileBy.get(file) ?? 0) + ms);
  // Inclusive time counts a function once per stack (not again in its own recursive calls).
  let up = parent.get(node.id);
  let recursive = false;
  while (up !== undefined && !recursive) {
    recursive = keyOf(byId.get(up)) === key;
    up = parent.get(up);
  }
  if (!recursive) inclBy.set(key, (inclBy.get(key) ?? 0) + inclusive(node.id));
}

const show = (title, map) => {
  console.log(`\n${title}`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
};
console.log(`${positionals[0]}: ${total.toFixed(1)} ms sampled`);
show('self time by function', selfBy);
show('self time by source file', fileBy);
show('inclusive time by function', inclBy);
