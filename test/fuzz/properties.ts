import fc from 'fast-check';
import { AgentpackError } from '../../src/core/errors.js';
import { agentFileCandidates, agentFilePath, installNameProblem } from '../../src/core/agent/name.js';
import { canonicalHash, canonicaliseText } from '../../src/core/i18n/canonical-hash.js';
import { DIAGNOSTIC_CODES } from '../../src/core/codes.js';
import { parseAgent } from '../../src/core/agent/parse.js';
import { normaliseBody, renderAgent } from '../../src/core/agent/render.js';
import { agentFrontMatterSchema } from '../../src/core/agent/schema.js';
import { sanitizeForTerminal } from '../../src/ui/style.js';
import { anyText, bodyText, humanText, mutatedAgent, validSpecInput } from './arbitraries.js';

/**
 * The properties of issue 8, shared by the seeded run inside `npm test` (test/fuzz/fuzz.test.ts) and the
 * long run `npm run fuzz` (scripts/fuzz.ts). Each throws a plain Error with the offending value on failure.
 */
export interface NamedProperty {
  name: string;
  /** Share of the long run: `npm run fuzz` gives this property weight × FUZZ_RUNS cases. */
  weight: number;
  property: fc.IProperty<unknown>;
}

const CODES = new Set<string>(DIAGNOSTIC_CODES);
const SEVERITIES = new Set(['error', 'warning', 'info']);

function fail(message: string, value: unknown): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`);
}

function prototypeClean(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe['polluted'] === undefined && Object.keys(Object.prototype).length === 0;
}

/**
 * parseAgent returns for any string (arbitrary, fragment soup, or a valid agent with random edits); its
 * diagnostics are well-formed; nothing reaches Object.prototype; a spec it returns renders and hashes.
 */
const renderInput = (input: Record<string, unknown>, body: string): string => renderAgent({ spec: agentFrontMatterSchema.parse(input), body });
const parseNeverThrows = fc.property(fc.oneof(anyText, mutatedAgent(renderInput)), (text) => {
  const parsed = parseAgent(text, { path: 'fuzz.md' });
  for (const d of parsed.diagnostics) {
    if (!CODES.has(d.code) || !SEVERITIES.has(d.severity)) fail('bad diagnostic', d);
  }
  if (parsed.loadableAsIs && (!parsed.isAgent || !parsed.spec)) fail('loadable without a spec', parsed);
  if (!parsed.isAgent && parsed.spec) fail('spec but not an agent', parsed);
  if (parsed.data && Object.getPrototypeOf(parsed.data) !== null) fail('data has a prototype', text);
  if (!prototypeClean()) fail('Object.prototype polluted', text);
  if (parsed.spec) {
    canonicalHash({ description: parsed.spec.description, body: parsed.body });
    const again = parseAgent(renderAgent({ spec: parsed.spec, body: parsed.body }));
    // Whatever we accept, we can install: the rendered file reads back to the same spec and body.
    if (parsed.diagnostics.every((d) => d.severity !== 'error')) {
      if (again.diagnostics.some((d) => d.severity === 'error')) fail('accepted file renders to an invalid one', { text, d: again.diagnostics });
      if (!sameJson(again.spec, parsed.spec) || again.body !== normaliseBody(parsed.body)) fail('accepted file does not round-trip', { text, again });
    }
  }
});

/** render → parse gives the same spec and body, no error, and rendering again gives the same bytes. */
const renderRoundTrip = fc.property(validSpecInput, bodyText, (input, body) => {
  const spec = agentFrontMatterSchema.parse(input);
  const text = renderAgent({ spec, body });
  const parsed = parseAgent(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) fail('errors after render', { text, errors });
  if (!parsed.isAgent || !parsed.loadableAsIs) fail('rendered file not loadable', { text, diagnostics: parsed.diagnostics });
  if (!sameJson(parsed.spec, spec)) fail('spec changed', { text, spec, parsed: parsed.spec });
  if (parsed.body !== normaliseBody(body)) fail('body changed', { text, body, parsed: parsed.body });
  if (renderAgent({ spec: parsed.spec as typeof spec, body: parsed.body }) !== text) fail('render not idempotent', text);
  if (!text.startsWith('---\n') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) fail('not at byte 0 / not LF', text);
  const crlf = parseAgent(text.replace(/\n/g, '\r\n'));
  if (!sameJson(crlf.spec, spec) || crlf.body !== parsed.body) fail('CRLF copy parses differently', text);
});

/** Insert formatting-only noise: CRLF or CR, trailing blanks, extra blank lines next to blank lines/at the ends. */
const noisy = (text: string, seed: { eol: string; trailing: string[]; blanks: number[]; bom: boolean; nfd: boolean }): string => {
  const lines = (seed.nfd ? text.normalize('NFD') : text).split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const extra = seed.blanks[i % Math.max(seed.blanks.length, 1)] ?? 0;
    const blankHere = /^[ \t]*$/.test(line) || i === 0;
    if (blankHere) for (let k = 0; k < extra; k++) out.push(seed.trailing[k % Math.max(seed.trailing.length, 1)] ?? '');
    out.push(line + (seed.trailing[i % Math.max(seed.trailing.length, 1)] ?? ''));
  });
  return (seed.bom ? '\uFEFF' : '') + [...out, '', ''].join(seed.eol);
};
const noise = fc.record({
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  trailing: fc.array(fc.constantFrom('', ' ', '\t', '  \t '), { maxLength: 4 }),
  blanks: fc.array(fc.nat({ max: 3 }), { maxLength: 4 }),
  bom: fc.boolean(),
  nfd: fc.boolean(),
});
const plainText = humanText(30).map((t) => t.replace(/[\r\uFEFF]/g, ''));

/** The canonical hash ignores CRLF, BOM, NFD, trailing blanks and extra blank lines (DESIGN §4). */
const hashInvariant = fc.property(plainText, plainText, noise, noise, (description, body, n1, n2) => {
  const base = canonicalHash({ description, body });
  const other = canonicalHash({ description: noisy(description, n1), body: noisy(body, n2) });
  if (base !== other) fail('hash changed', { description, body, n1, n2, a: canonicaliseText(body), b: canonicaliseText(noisy(body, n2)) });
});

/** The same through whole files: a re-saved translation (CRLF, BOM, NFD text, trailing blanks) hashes the same. */
const fileHashInvariant = fc.property(validSpecInput, bodyText, noise, (input, body, n) => {
  const spec = agentFrontMatterSchema.parse(input);
  const clean = parseAgent(renderAgent({ spec, body }));
  const nfdSpec = n.nfd ? { ...spec, description: spec.description.normalize('NFD') } : spec;
  const bodyNoise = { ...n, bom: false };
  const messy = `${n.bom ? '\uFEFF' : ''}${renderAgent({ spec: nfdSpec, body: '' }).replace(/\n/g, n.eol)}${noisy(normaliseBody(body), bodyNoise)}`;
  const parsed = parseAgent(messy);
  if (!clean.spec || !parsed.spec) fail('did not parse', { messy, d: parsed.diagnostics });
  const a = canonicalHash({ description: clean.spec.description, body: clean.body });
  const b = canonicalHash({ description: parsed.spec.description, body: parsed.body });
  if (a !== b) fail('file hash changed', { messy, clean: clean.body, parsed: parsed.body });
});

/** What sanitizeForTerminal returns has no C0 (but tab and newline), DEL or C1 character. */
const terminalClean = fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(sanitizeForTerminal(text))) fail('control character survived', text);
});

/**
 * Any name either is refused as a whole (AGENT_NAME_UNSAFE: one Claude Code skips, or too long) or yields file
 * names that are slugs plus `.md`, each a direct child of the folder.
 */
const nameToPath = fc.property(
  fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.stringMatching(/^[a-zA-Z0-9 ._:/\\-]{0,10}$/), fc.string({ unit: 'grapheme', maxLength: 140 })),
  (name) => {
    const dir = '/tmp/agents-target';
    let files: string[];
    try {
      files = agentFileCandidates(name);
    } catch (error) {
      if (!(error instanceof AgentpackError) || error.code !== 'AGENT_NAME_UNSAFE') fail('unexpected error', { name, error: String(error) });
      if (installNameProblem(name) === undefined) fail('installable name refused', name);
      return;
    }
    if (installNameProblem(name) !== undefined || files.length < 3) fail('refused name given files', { name, files });
    for (const file of files) {
      const path = agentFilePath({ dir, file });
      if (!/^[a-z0-9]+(-[a-z0-9]+)*\.md$/.test(file) || file.length > 103 || path !== `${dir}/${file}`) fail('unsafe path accepted', { name, path });
    }
  },
);

/** Deep equality by value, whatever the key order or prototype (the parser's objects have none). */
function sameJson(a: unknown, b: unknown): boolean {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

export const PROPERTIES: NamedProperty[] = [
  { name: 'parseAgent never throws on any text', weight: 4, property: parseNeverThrows },
  { name: 'render → parse round-trips spec and body', weight: 1, property: renderRoundTrip },
  { name: 'canonical hash ignores formatting-only edits', weight: 1, property: hashInvariant },
  { name: 'canonical hash of a re-saved file is unchanged', weight: 1, property: fileHashInvariant },
  { name: 'sanitizeForTerminal leaves no control character', weight: 1, property: terminalClean },
  { name: 'agent names become paths only inside the folder', weight: 1, property: nameToPath },
];
