import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/core/agent/front-matter.js';
import { renderAgent, stringifyWithYaml } from '../../../src/core/agent/render.js';
import { parseYamlDocument, parseYamlMapping } from '../../../src/core/yaml/parse.js';
import { parseSimpleMapping, stringifySimpleMapping } from '../../../src/core/yaml/simple.js';
import { ROOT } from '../../helpers/cli.js';

// yaml-simple.ts reads (and writes) the common front-matter without the `yaml` package. Whatever it
// accepts must give exactly what the full YAML path gives; everything else must be left to the full path.

/** A faithful picture of parsed data: key order, prototypes, types. */
function picture(value: unknown): unknown {
  if (Array.isArray(value)) return { '<array>': value.map(picture) };
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) === null ? 'null-proto' : 'object';
    return { [`<${proto}>`]: Object.keys(value).map((k) => [k, picture((value as Record<string, unknown>)[k])]) };
  }
  return { [`<${typeof value}>`]: value };
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// biome-ignore format: a hand-packed list of values, one line per group
const KEYS = ['name', 'description', 'tools', 'model', 'color', 'i18n', 'source', 'sourceHash', 'a-b', '_x', 'X9', 'null', 'True', 'yes', '__proto__',
  'constructor', 'k.y', 'two words', 'ключ', '-k', 'k'.repeat(130), 'k'.repeat(1100)];
// biome-ignore format: a hand-packed list of values, one line per group
const WORDS = ['ml-engineer', 'Builds things.', 'Read, Grep, Glob', 'sonnet', 'claude-opus-4', 'PyTorch 2.x、TensorFlow', `sha256:${'ab'.repeat(32)}`,
  '../../../agents/x.md', "It's \"quoted\" inside", 'a:b', 'http://x.y/z', 'a, b] c}', 'x!y&z*w|v>u', 'C:\\path', '100%', 'e=mc²', '<b>', '日本語の説明です。',
  'null', 'TRUE', 'false', 'true', 'True', '~', '12', '0', '007', '-0', '5', '9007199254740993', '123456789012345', '1_000', '1.5', '0x1F', '.inf', '-3', '+1',
  '1e3', 'no', 'on', 'y', '...', '---', '... x', '"a: b # c"', "'it''s'", '"say \\"hi\\""', '"back\\\\slash"', '"\\n"', '"\\x41"', "'a'b'", '""', "''",
  '"日本語: です"', '"x" y', "'x' # c", '"a\\"', "'''", '"\'"', "'\"'", '"tab\tin"', "'  padded  '", '"#x"', "'--- x'"];
// biome-ignore format: a hand-packed list of values, one line per group
const NASTY = [':', ': ', ' #', '#', ' ', '  ', '\t', '-', '- ', '"', "'", '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', '?', '~', '.', '0', '\\',
  '\u3000', '\u00a0', '\u0085', '\u2028', '\ufeff', '\u0000', '\u001b', '\ud800', '\udc00', '😀', '---', '...', '\n', '\n\n', '\n  ', '\n    ', '\n- ', '\n  - ', '\n#c'];

function document(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const word = (): string => (next() < 0.2 ? `${pick(WORDS)}${pick(NASTY)}${pick(WORDS)}` : next() < 0.7 ? pick(WORDS.slice(0, 18)) : pick(WORDS));
  const lines: string[] = [];
  const entries = 1 + Math.floor(next() * 6);
  const start = Math.floor(next() * 11);
  for (let e = 0; e < entries; e++) {
    // Mostly distinct ordinary keys; sometimes a repeated or unusual one.
    const key = next() < 0.9 ? (KEYS[(start + e) % 11] as string) : pick(KEYS);
    const shape = next();
    if (shape < 0.6) lines.push(`${key}: ${word()}`);
    else if (shape < 0.7) lines.push(`${key}:`);
    else if (shape < 0.85) {
      lines.push(`${key}:`);
      for (let k = 0, n = 1 + Math.floor(next() * 3); k < n; k++) lines.push(`  ${pick(KEYS.slice(0, 11))}: ${word()}`);
    } else {
      lines.push(`${key}:`);
      for (let k = 0, n = 1 + Math.floor(next() * 4); k < n; k++) lines.push(`  - ${word()}`);
    }
  }
  let text = lines.join('\n');
  // Mutate some documents: insert, delete or re-indent at a random place.
  for (let m = next() < 0.3 ? 1 + Math.floor(next() * 3) : 0; m > 0; m--) {
    const at = Math.floor(next() * (text.length + 1));
    const how = next();
    if (how < 0.6) text = text.slice(0, at) + pick(NASTY) + text.slice(at);
    else if (how < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
    else text = text.replace(/\n {0,2}/, `\n${' '.repeat(Math.floor(next() * 5))}`);
  }
  return text;
}

describe('yaml-simple fast path', () => {
  it('agrees with the full YAML parse on every document it accepts, and declines the rest', () => {
    const next = random(7);
    let accepted = 0;
    let declined = 0;
    for (let i = 0; i < 6000; i++) {
      // Half of the documents end with a newline, as a closed front-matter block does.
      const text = next() < 0.5 ? document(next) : `${document(next)}\n`;
      const simple = parseSimpleMapping(text);
      if (simple === undefined) {
        declined++;
        continue;
      }
      accepted++;
      const full = parseYamlDocument(text);
      expect(full, JSON.stringify(text)).toMatchObject({ ok: true, unsafeKeys: [], ignoredTags: [] });
      if (full.ok) expect(picture(simple), JSON.stringify(text)).toEqual(picture(full.data));
    }
    // Both outcomes are exercised in volume (not a vacuous pass).
    expect(accepted).toBeGreaterThan(1000);
    expect(declined).toBeGreaterThan(1000);
  });

  it('agrees with the full YAML parse on every front-matter of the fixtures (hostile corpus included)', () => {
    const files = readdirSync(join(ROOT, 'test', 'fixtures'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.md'))
      .map((e) => join(e.parentPath, e.name));
    files.push(join(ROOT, 'agents', 'ml-engineer.md'), join(ROOT, 'locales', 'ja', 'agents', 'ml-engineer.md'));
    let accepted = 0;
    for (const file of files) {
      const split = splitFrontMatter(readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n'));
      if (split.kind !== 'found') continue;
      const simple = parseSimpleMapping(split.yaml);
      if (simple === undefined) continue;
      accepted++;
      const full = parseYamlDocument(split.yaml);
      expect(full, file).toMatchObject({ ok: true, unsafeKeys: [], ignoredTags: [] });
      if (full.ok) expect(picture(simple), file).toEqual(picture(full.data));
    }
    expect(files.length).toBeGreaterThan(50);
    expect(accepted).toBeGreaterThan(10);
  });

  it('takes the front-matter of the shipped agents and of typical translations', () => {
    for (const file of ['agents/ml-engineer.md', 'locales/ja/agents/ml-engineer.md']) {
      const split = splitFrontMatter(readFileSync(`${ROOT}/${file}`, 'utf8').split('\n'));
      expect(split.kind === 'found' && parseSimpleMapping(split.yaml), file).toBeTruthy();
    }
    const typical = `name: x\ndescription: 説明です。\ntools:\n  - Read\n  - Edit\ni18n:\n  source: ../../../agents/x.md\n  sourceHash: sha256:${'0'.repeat(64)}\n`;
    expect(picture(parseSimpleMapping(typical))).toEqual(picture((parseYamlDocument(typical) as { data: unknown }).data));
  });

  it('declines what it does not fully understand', () => {
    for (const text of [
      'a: "esc\\n"',
      'a: "x" y',
      'a: 1.5',
      'a: True',
      'a: 007',
      'a: null',
      'a: ~',
      'a: [x]',
      'a: {x: 1}',
      'a: &x y',
      'a: *x',
      'a: !!str y',
      'a: |\n  b',
      'a: b\n  c',
      'a: b # c',
      'a: b\n\nc: d',
      '# c\na: b',
      'a:\tb',
      'a: b\na: c',
      '__proto__: x',
      'a:\n   b: c',
      'a:\n  - b\n  c: d',
      'a:  b',
      'a: b ',
      '',
      '\n',
      'a: x:',
      'a: b\n\n',
    ]) {
      expect(parseSimpleMapping(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('is what parseYamlMapping uses, with the same result shape as the full parse', () => {
    const text = 'name: x\ndescription: d\n';
    expect(parseSimpleMapping(text)).toBeDefined();
    expect(parseYamlMapping(text)).toEqual(parseYamlDocument(text));
    // Negative control: the picture tells a null-prototype object from a plain one and 1 from "1".
    expect(picture(Object.create(null))).not.toEqual(picture({}));
    expect(picture({ a: 1 })).not.toEqual(picture({ a: '1' }));
  });
});

describe('yaml-simple rendering', () => {
  it('writes byte for byte what the yaml package writes, whenever it writes anything', () => {
    const next = random(11);
    let accepted = 0;
    for (let i = 0; i < 6000; i++) {
      const parsed = parseYamlDocument(document(next));
      if (!parsed.ok) continue;
      const data = { ...parsed.data };
      const simple = stringifySimpleMapping(data);
      if (simple === undefined) continue;
      accepted++;
      expect(simple, JSON.stringify(data)).toBe(stringifyWithYaml(data));
    }
    expect(accepted).toBeGreaterThan(500);
  });

  it('leaves values holding "---" to the yaml path, which quotes and escapes them', () => {
    for (const data of [
      { name: 'a', description: 'x --- y' },
      { name: 'a---b', description: 'd' },
      { 'k---': 'v' },
      { name: 'a', maxTurns: 3 },
      { tools: ['Read'] },
    ]) {
      expect(stringifySimpleMapping(data), JSON.stringify(data)).toBeUndefined();
    }
    const rendered = renderAgent({ spec: { name: 'a', description: 'x --- y' }, body: 'b' });
    expect(rendered).toBe('---\nname: a\ndescription: "x -\\x2d- y"\n---\n\nb\n');
    expect(renderAgent({ spec: { name: 'a', description: 'plain text' }, body: 'b' })).toBe('---\nname: a\ndescription: plain text\n---\n\nb\n');
  });
});
