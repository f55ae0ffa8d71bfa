// Run one hostile file through the BUILT library in a child process, so that the parent can bound its
// memory (--max-old-space-size) and time (a kill timeout) and survive a crash. Prints one JSON line.
// Usage: node --max-old-space-size=256 hostile-child.mjs <load|parse> <file>
import { readFileSync } from 'node:fs';
import { canonicalHash, loadAgent, parseAgent, renderAgent } from '../../dist/index.js';

const [mode, file] = process.argv.slice(2);
const text = mode === 'parse' ? readFileSync(file, 'utf8') : undefined;
const started = performance.now();
const parsed = text === undefined ? await loadAgent(file) : parseAgent(text, { path: file });
let hash;
let rendered;
if (parsed.spec) {
  hash = canonicalHash({ description: parsed.spec.description, body: parsed.body });
  rendered = renderAgent({ spec: parsed.spec, body: parsed.body }).length;
}
const ms = Math.round(performance.now() - started);
process.stdout.write(
  `${JSON.stringify({
    diagnostics: parsed.diagnostics.map((d) => `${d.severity}:${d.code}`).sort(),
    isAgent: parsed.isAgent,
    loadableAsIs: parsed.loadableAsIs,
    hash,
    rendered,
    ms,
    // RSS right after the parse, with the input and the result still alive (maxRSS is not usable here:
    // Linux carries the parent's high-water mark across fork+exec).
    rssMB: Math.round(process.memoryUsage().rss / 1024 / 1024),
  })}\n`,
);
