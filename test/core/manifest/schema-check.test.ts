import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../../../src/core/manifest/schema-check.js';
import { manifestSchema } from '../../../src/core/manifest/schema.js';
import { parseManifest } from '../../../src/core/manifest/manifest.js';

// manifest-check.ts is the zod-free twin of manifestSchema used by list, show, install and locale. These
// tests hold it to the zod schema on JSON values: same verdict, same data (key order included), same first
// issue (path and message).

const H = `sha256:${'a'.repeat(64)}`;
const C = 'c'.repeat(40);
const ENTRY = {
  locale: 'ja',
  packageVersion: '0.1.0',
  sourceHash: H,
  sha256: H,
  translationStatus: 'current',
  source: { from: './x', root: '/r', path: 'a.md', picks: ['a.md'], single: true },
  file: 'code-reviewer-92253f9b.md',
  originalName: 'Code Reviewer',
};

function viaZod(data: unknown): unknown {
  const r = manifestSchema.safeParse(data);
  if (r.success) return { success: true, data: JSON.stringify(r.data) };
  const issue = r.error.issues[0];
  return { success: false, path: issue?.path, message: issue?.message };
}

function viaTwin(data: unknown): unknown {
  const r = checkManifest(data);
  return r.success ? { success: true, data: JSON.stringify(r.data) } : { success: false, path: r.path, message: r.message };
}

/** Edge values for every field: wrong types, empty, near-miss patterns and enum values. */
// biome-ignore format: a hand-packed list of values, one line per group
const VALUES: unknown[] = [
  null, true, false, 0, 1, 2, -1, 1.5, '', ' ', 'x', '1', 'ja', 'en', 'zh-Hant', 'JA', 'j', 'abcd', 'ja-', 'ja_JP', H, `${H}0`, H.toUpperCase(), 'sha256:',
  'source', 'current', 'outdated', 'untracked', 'missing', 'invalid', 'orphaned', 'stale', [], ['a'], [''], ['a', 1], {}, { a: 1 }, ENTRY.source,
  'a.md', 'A.md', 'a b.md', '../a.md', 'con.md', '-a.md', 'a.md.bak', 'Backend Architect', 'ops:deployer', '-linter', 'レビュー担当', 'a'.repeat(129),
  { from: '', root: '/r', path: 'p' }, { from: 'f', root: '/r', path: 'p', extra: 1 }, { from: 'f', root: '/r', path: 'p', single: false }, { from: 'f', root: '/r', path: 'p', picks: 'a' },
  { url: 'u', commit: C }, { url: 'u', ref: 'main', folder: 'a/b', commit: C }, { url: '', commit: C }, { url: 'u', commit: C.slice(1) }, { url: 'u', commit: C.toUpperCase() }, { url: 'u', commit: C, extra: 1 }, C, `${C}${'b'.repeat(24)}`,
  { from: 'github:o/r', root: '/c/x', path: 'a.md', git: { url: 'https://github.com/o/r.git', commit: C } }, { from: 'f', root: '/r', path: 'p', git: { url: 'u' } },
];

const jsonish: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

/** An entry mostly right: some keys dropped, some replaced, some added. */
const anyEntry: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: jsonish },
  {
    weight: 8,
    arbitrary: fc.constantFrom<unknown>(
      ENTRY,
      { locale: 'en', packageVersion: '1', sourceHash: H, sha256: H },
      { ...ENTRY, source: { from: 'f', root: '/r', path: 'p' } },
      ...[
        { url: 'u', commit: C },
        { url: 'u', ref: 'main', folder: 'a/b', commit: C },
        { url: '', commit: C },
        { url: 'u', commit: C.slice(1) },
        { url: 'u', commit: C, extra: 1 },
        { url: 'u', ref: '', commit: C },
        { url: 'u' },
        C,
      ].map((git) => ({ ...ENTRY, source: { from: 'github:o/r', root: '/c', path: 'a.md', git } })),
    ),
  },
  {
    weight: 6,
    arbitrary: fc
      .record({
        keep: fc.subarray(Object.keys(ENTRY)),
        replace: fc.array(fc.tuple(fc.constantFrom(...Object.keys(ENTRY), 'extra', 'Locale'), jsonish), { maxLength: 2 }),
      })
      .map(({ keep, replace }) => {
        const out: Record<string, unknown> = {};
        for (const key of keep) out[key] = ENTRY[key as keyof typeof ENTRY];
        for (const [key, value] of replace) out[key] = value;
        return out;
      }),
  },
);

const anyManifest: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: jsonish },
  {
    weight: 8,
    arbitrary: fc
      .record({
        version: fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: jsonish }),
        agents: fc.oneof(
          {
            weight: 6,
            arbitrary: fc.dictionary(
              fc.constantFrom(
                'ml-engineer',
                'ml-engineer',
                'a',
                'a',
                'b-2',
                'Bad',
                'con',
                'x_y',
                'Backend Architect',
                'ops:x',
                '-x',
                'レビュー担当',
                'constructor',
              ),
              anyEntry,
              { maxKeys: 3 },
            ),
          },
          { weight: 1, arbitrary: jsonish },
        ),
        extra: fc.oneof(
          { weight: 4, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.tuple(fc.constantFrom('extra', 'Version', '__proto__'), jsonish) },
        ),
        order: fc.boolean(),
        drop: fc.constantFrom(undefined, undefined, undefined, undefined, 'version', 'agents'),
      })
      .map(({ version, agents, extra, order, drop }) => {
        const pairs: [string, unknown][] = order
          ? [
              ['version', version],
              ['agents', agents],
            ]
          : [
              ['agents', agents],
              ['version', version],
            ];
        if (extra) pairs.push(extra);
        // Through JSON, as parseManifest sees it (a `__proto__` key stays an own property).
        return JSON.parse(
          `{${pairs
            .filter(([k]) => k !== drop)
            .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
            .join(',')}}`,
        ) as unknown;
      }),
  },
);

const SCAN = {
  fingerprint: H,
  locales: ['en', 'ja'],
  renders: { en: H, ja: H },
  description: 'Reviews.',
  descriptions: { en: 'Reviews.', ja: 'レビューします。' },
};
/** Edge values of the scan's fields: records with empty keys, wrong value types, arrays with empty items. */
const SCAN_VALUES: unknown[] = [
  ...VALUES,
  { '': H },
  { en: 1 },
  { en: '' },
  { en: H, '': 'x' },
  { ja: 'x', en: H },
  ['', 'en'],
  [1],
  SCAN.renders,
  SCAN.descriptions,
];

/** A scan mostly right: some keys dropped, some replaced, some added. */
const anyScan: fc.Arbitrary<unknown> = fc
  .record({
    keep: fc.subarray(Object.keys(SCAN)),
    replace: fc.array(fc.tuple(fc.constantFrom(...Object.keys(SCAN), 'extra'), fc.oneof(fc.constantFrom(...SCAN_VALUES), fc.jsonValue({ maxDepth: 2 }))), {
      maxLength: 2,
    }),
  })
  .map(({ keep, replace }) => {
    const out: Record<string, unknown> = {};
    for (const key of keep) out[key] = SCAN[key as keyof typeof SCAN];
    for (const [key, value] of replace) out[key] = value;
    return JSON.parse(JSON.stringify(out)) as unknown;
  });

describe('manifest-check mirrors manifestSchema', () => {
  it('the source scan (list and status without reading the folder): same verdict, data and first issue', () => {
    const withScan = (scan: unknown) => ({ version: 1, agents: { a: { ...ENTRY, source: { ...ENTRY.source, scan } } } });
    expect(viaTwin(withScan(SCAN))).toEqual(viaZod(withScan(SCAN)));
    expect((viaTwin(withScan(SCAN)) as { success: boolean }).success).toBe(true);
    for (const key of [...Object.keys(SCAN), 'extra']) {
      for (const value of SCAN_VALUES) {
        const data = withScan({ ...SCAN, [key]: value });
        expect(viaTwin(data), `scan ${key} = ${JSON.stringify(value)}`).toEqual(viaZod(data));
      }
    }
    let successes = 0;
    let failures = 0;
    fc.assert(
      fc.property(anyScan, (scan) => {
        const zod = viaZod(withScan(scan)) as { success: boolean };
        if (zod.success) successes++;
        else failures++;
        expect(viaTwin(withScan(scan))).toEqual(zod);
      }),
      { seed: 12, numRuns: 2000 },
    );
    expect(successes).toBeGreaterThan(100);
    expect(failures).toBeGreaterThan(500);
  });

  it('accepts a full manifest with the same data', () => {
    const data = { version: 1, agents: { 'ml-engineer': ENTRY, b: { locale: 'en', packageVersion: '1', sourceHash: H, sha256: H } } };
    expect(viaTwin(data)).toEqual(viaZod(data));
    expect((viaTwin(data) as { success: boolean }).success).toBe(true);
  });

  it('gives the same first issue for every field and edge value', () => {
    for (const key of [...Object.keys(ENTRY), 'extra']) {
      for (const value of VALUES) {
        const entry = { ...ENTRY, [key]: value };
        const data = { version: 1, agents: { a: entry } };
        expect(viaTwin(data), `${key} = ${JSON.stringify(value)}`).toEqual(viaZod(data));
        const inSource = {
          version: 1,
          agents: {
            a: {
              ...ENTRY,
              source: {
                ...ENTRY.source,
                [key === 'locale' ? 'from' : key === 'sha256' ? 'root' : key === 'sourceHash' ? 'path' : key === 'source' ? 'picks' : 'single']: value,
              },
            },
          },
        };
        expect(viaTwin(inSource), `source ${key} = ${JSON.stringify(value)}`).toEqual(viaZod(inSource));
      }
    }
    for (const value of VALUES) {
      for (const data of [value, { version: value, agents: {} }, { version: 1, agents: value }, { version: 1, agents: { a: value } }]) {
        expect(viaTwin(data), JSON.stringify(data)).toEqual(viaZod(data));
      }
    }
  });

  it('agrees with zod on thousands of random manifests', () => {
    let failures = 0;
    let successes = 0;
    fc.assert(
      fc.property(anyManifest, (data) => {
        const zod = viaZod(data) as { success: boolean };
        if (zod.success) successes++;
        else failures++;
        expect(viaTwin(data)).toEqual(zod);
      }),
      { seed: 11, numRuns: 4000 },
    );
    expect(successes).toBeGreaterThan(200);
    expect(failures).toBeGreaterThan(1000);
  });

  it('parseManifest reports the twin issue with its path', () => {
    expect(parseManifest(JSON.stringify({ version: 1, agents: { a: { ...ENTRY, locale: 'JA' } } }))).toEqual({
      ok: false,
      detail: 'agents.a.locale: Invalid string: must match pattern /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/',
    });
    expect(parseManifest('{"version":1,"agents":{},"x":1}')).toEqual({ ok: false, detail: 'Unrecognized key: "x"' });
  });

  it('negative control: the comparison tells different results apart', () => {
    expect(viaTwin({ version: 1, agents: {} })).not.toEqual(viaZod({ version: 1, agents: { a: ENTRY } }));
    expect(viaTwin({ version: 1, agents: { a: { ...ENTRY, locale: 1 } } })).not.toEqual(viaZod({ version: 1, agents: { a: { ...ENTRY, sha256: 1 } } }));
  });
});
