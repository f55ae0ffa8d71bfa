import { isInstallableName, isSafeAgentFile } from '../agent/name.js';
import { AGENT_FILE_MESSAGE, COMMIT_PATTERN, HASH_PATTERN, LOCALE_PATTERN, MANIFEST_VERSION, ORIGINAL_NAME_MESSAGE, RECORDED_STATUSES } from './format.js';
import type { Manifest } from './schema.js';

/**
 * A zod-free twin of `manifestSchema` (schema.ts) for the manifest read of list, show, install
 * and locale: loading zod cost more than the rest of those commands. The zod schema stays the source of
 * truth for the types; test/core/manifest/schema-check.test.ts proves both give the same verdict, the same data and
 * the same first issue (path and message) on JSON values. Change them together.
 */

type Path = (string | number)[];
type Issue = { path: Path; message: string };
type Checked = { issue: Issue } | { value: unknown };

/** What zod's messages call the type of a JSON value. */
function received(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const fail = (path: Path, message: string): Checked => ({ issue: { path, message } });
const expected = (path: Path, type: string, value: unknown): Checked => fail(path, `Invalid input: expected ${type}, received ${received(value)}`);

function string(options: { min?: number; pattern?: RegExp }): (value: unknown, path: Path) => Checked {
  return (value, path) => {
    if (typeof value !== 'string') return expected(path, 'string', value);
    if (options.min !== undefined && value.length < options.min) return fail(path, `Too small: expected string to have >=${options.min} characters`);
    if (options.pattern && !options.pattern.test(value)) return fail(path, `Invalid string: must match pattern ${String(options.pattern)}`);
    return { value };
  };
}

type Field = { check: (value: unknown, path: Path) => Checked; optional?: boolean };

/** `z.strictObject(shape)`: shape keys in order, then the keys it does not know; output in shape order. */
function strictObject(shape: Record<string, Field>): (value: unknown, path: Path) => Checked {
  return (value, path) => {
    if (!isRecord(value)) return expected(path, 'object', value);
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      const present = Object.hasOwn(value, key);
      if (!present && field.optional) continue;
      const checked = field.check(present ? value[key] : undefined, [...path, key]);
      if ('issue' in checked) return checked;
      out[key] = checked.value;
    }
    const unknown = Object.keys(value).filter((key) => !Object.hasOwn(shape, key));
    if (unknown.length > 0) return fail(path, `Unrecognized key${unknown.length > 1 ? 's' : ''}: ${unknown.map((k) => JSON.stringify(k)).join(', ')}`);
    return { value: out };
  };
}

const nonEmpty = string({ min: 1 });
const hash = string({ pattern: HASH_PATTERN });

/** `z.array(item)`. */
function array(item: (value: unknown, path: Path) => Checked): (value: unknown, path: Path) => Checked {
  return (value, path) => {
    if (!Array.isArray(value)) return expected(path, 'array', value);
    const out: unknown[] = [];
    for (const [i, element] of value.entries()) {
      const checked = item(element, [...path, i]);
      if ('issue' in checked) return checked;
      out.push(checked.value);
    }
    return { value: out };
  };
}

/** `z.record(z.string().min(1), item)`. */
function record(item: (value: unknown, path: Path) => Checked): (value: unknown, path: Path) => Checked {
  return (value, path) => {
    if (!isRecord(value)) return expected(path, 'record', value);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (key.length === 0) return fail([...path, key], 'Invalid key in record');
      const checked = item(value[key], [...path, key]);
      if ('issue' in checked) return checked;
      out[key] = checked.value;
    }
    return { value: out };
  };
}

const anyString = string({});

/** `z.string().refine(test, { message })`. */
function refined(test: (value: string) => boolean, message: string): (value: unknown, path: Path) => Checked {
  return (value, path) => {
    if (typeof value !== 'string') return expected(path, 'string', value);
    return test(value) ? { value } : fail(path, message);
  };
}

const scan = strictObject({
  fingerprint: { check: hash },
  locales: { check: array(nonEmpty) },
  renders: { check: record(hash) },
  description: { optional: true, check: anyString },
  descriptions: { check: record(anyString) },
});

const git = strictObject({
  url: { check: nonEmpty },
  ref: { optional: true, check: nonEmpty },
  folder: { optional: true, check: nonEmpty },
  commit: { check: string({ pattern: COMMIT_PATTERN }) },
});

const source = strictObject({
  from: { check: nonEmpty },
  root: { check: nonEmpty },
  path: { check: nonEmpty },
  picks: {
    optional: true,
    check: (value, path) => {
      if (!Array.isArray(value)) return expected(path, 'array', value);
      for (const [i, item] of value.entries()) {
        const checked = nonEmpty(item, [...path, i]);
        if ('issue' in checked) return checked;
      }
      return { value: [...(value as string[])] };
    },
  },
  single: { optional: true, check: (value, path) => (value === true ? { value } : fail(path, 'Invalid input: expected true')) },
  scan: { optional: true, check: scan },
  git: { optional: true, check: git },
});

const entry = strictObject({
  locale: { check: string({ pattern: LOCALE_PATTERN }) },
  packageVersion: { check: nonEmpty },
  sourceHash: { check: hash },
  sha256: { check: hash },
  translationStatus: {
    optional: true,
    check: (value, path) =>
      (RECORDED_STATUSES as readonly unknown[]).includes(value)
        ? { value }
        : fail(path, `Invalid option: expected one of ${RECORDED_STATUSES.map((s) => JSON.stringify(s)).join('|')}`),
  },
  source: { optional: true, check: source },
  file: { optional: true, check: refined(isSafeAgentFile, AGENT_FILE_MESSAGE) },
  originalName: { optional: true, check: refined(isInstallableName, ORIGINAL_NAME_MESSAGE) },
});

const manifest = strictObject({
  version: { check: (value, path) => (value === MANIFEST_VERSION ? { value } : fail(path, `Invalid input: expected ${MANIFEST_VERSION}`)) },
  agents: {
    check: (value, path) => {
      if (!isRecord(value)) return expected(path, 'record', value);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (!isInstallableName(key)) return fail([...path, key], 'Invalid key in record');
        const checked = entry(value[key], [...path, key]);
        if ('issue' in checked) return checked;
        out[key] = checked.value;
      }
      return { value: out };
    },
  },
});

/** As `manifestSchema.safeParse(data)` on a JSON value: the data, or zod's first issue (path and message). */
export function checkManifest(data: unknown): { success: true; data: Manifest } | { success: false; path: Path; message: string } {
  const checked = manifest(data, []);
  return 'issue' in checked ? { success: false, ...checked.issue } : { success: true, data: checked.value as Manifest };
}
