import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFields } from '../../../src/core/agent/check-fields.js';
import { KNOWN_FIELDS, type KnownField } from '../../../src/core/agent/fields.js';
import { agentFrontMatterSchema } from '../../../src/core/agent/schema.js';
import { isFieldValid, parseSpec, type SpecRules } from '../../../src/core/agent/schema-check.js';

// spec-check.ts is the zod-free twin of agentFrontMatterSchema used on the read path (list, show, install,
// locale, validate). These tests hold it to the zod schema, the source of truth: same verdict per field,
// same data, same key order and prototypes, same first message, and through checkFields the same
// diagnostics (codes, severities, lines, params) and result.

const nullProto = (entries: Record<string, unknown>): Record<string, unknown> => Object.assign(Object.create(null) as Record<string, unknown>, entries);

/** Every kind of value YAML (and a careless caller) can produce, with each field's edge values. */
// biome-ignore format: a hand-packed list of values, one line per group
const VALUES: unknown[] = [
  undefined, null, true, false,
  0, -0, 1, 2, 30, -1, 1.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, 2 ** 53 - 1, -(2 ** 53), 1e300, 5e-324,
  '', ' ', '\t\n', '  padded  ', 'x', 'a:b', 'a\uff1ab', '-x', 'x-', 'ml-engineer', 'ML_Engineer', 'con', 'a'.repeat(129), 'a'.repeat(256), 'a'.repeat(257),
  'sonnet', 'opus', 'haiku', 'fable', 'inherit', 'claude-opus-4', 'gpt-4',
  'Read, Bash', 'Bash(git diff:*) Read', '*', 'Read,*', ',', 'Reed', 'mcp__github__x', '日本語の説明',
  'worktree', 'Worktree', 'red', 'cyan', 'magenta', 'plan', 'acceptEdits', 'manual', 'user', 'project', 'local', 'low', 'xhigh', 'max', 'default',
  [], ['Read'], ['Read', 'Bash(git:*)'], ['Read, Bash'], ['*'], ['a', 1], [null], [[]], [{}], ['x', nullProto({ command: 'npx', args: ['y'] })], [nullProto({})], [new Map()], [new Date(0)],
  nullProto({}), nullProto({ PreToolUse: [nullProto({ matcher: 'Bash', hooks: [nullProto({ type: 'command', command: 'x' })] })] }),
  nullProto({ PostToolUse: 'x' }), nullProto({ Nope: [] }), {}, { k: 'v' }, new Map([['a', 1]]), new Date(0), /x/, Object.create({ inherited: 1 }),
  JSON.parse('{"__proto__": 1, "a": 2}') as unknown, [JSON.parse('{"__proto__": {"x": 1}}') as unknown],
];

/** A faithful picture of a value: key order, prototypes, NaN, -0 and undefined included. */
function picture(value: unknown): unknown {
  if (value === undefined) return '<undefined>';
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return `<${Object.is(value, -0) ? '-0' : String(value)}>`;
  if (Array.isArray(value)) return value.map(picture);
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    const kind = proto === null ? 'null-proto' : proto === Object.prototype ? 'object' : (proto as { constructor?: { name?: string } }).constructor?.name;
    return { '<kind>': kind, entries: Reflect.ownKeys(value).map((k) => [String(k), picture((value as Record<string | symbol, unknown>)[k])]) };
  }
  return value;
}

const show = (value: unknown): string => String(JSON.stringify(picture(value)));

/** The zod schema behind the same interface as the twin. */
const zodRules: SpecRules = {
  isFieldValid: (field, value) => agentFrontMatterSchema.shape[field].safeParse(value).success,
  parseSpec: (input) => {
    const r = agentFrontMatterSchema.safeParse(input);
    return r.success ? { success: true, data: r.data } : { success: false, message: r.error.issues[0]?.message ?? 'invalid' };
  },
};

const outcome = (rules: SpecRules, input: Record<string, unknown>): unknown => {
  const r = rules.parseSpec(input);
  return r.success ? { success: true, data: picture(r.data) } : { success: false, message: r.message };
};

/** checkFields' whole answer (result and every diagnostic) with the given rules. */
function checked(rules: SpecRules, data: Record<string, unknown>): unknown {
  const reports: unknown[] = [];
  const fieldLines = new Map(Object.keys(data).map((k, i) => [k, i + 2]));
  const result = checkFields({ data, fieldLines, report: (severity, code, extra) => reports.push({ severity, code, extra: picture(extra) }), rules });
  return { result: picture(result), reports };
}

const twinRules: SpecRules = { isFieldValid, parseSpec };

/** Random values: the table above, arbitrary JSON-ish values, and lists/records built from them. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...VALUES)), { maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc
      .dictionary(fc.constantFrom('command', 'PreToolUse', 'Stop', 'hooks', 'matcher', 'type', '__proto__', 'x'), fc.constantFrom(...VALUES), { maxKeys: 3 })
      .map((d) => (Math.abs(JSON.stringify(Object.keys(d)).length % 2) === 0 ? d : nullProto(d))),
  },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 1, arbitrary: fc.double() },
);

const KEYS = [...KNOWN_FIELDS, 'i18n', 'version', 'toolz', 'Name', '__proto__', 'constructor', 'PreToolUse'];

/** A random front-matter: usually named and described, a few more keys in random order, plain or null-prototype. */
const anyFrontMatter: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    nullProto: fc.boolean(),
    name: fc.option(fc.oneof({ weight: 4, arbitrary: fc.constant('agent') }, { weight: 1, arbitrary: anyValue }), { nil: undefined, freq: 10 }),
    description: fc.option(fc.oneof({ weight: 4, arbitrary: fc.constant(' Does things. ') }, { weight: 1, arbitrary: anyValue }), { nil: undefined, freq: 10 }),
    rest: fc.array(fc.tuple(fc.constantFrom(...KEYS), anyValue), { maxLength: 6 }),
  })
  .map(({ nullProto: bare, name, description, rest }) => {
    const input: Record<string, unknown> = bare ? (Object.create(null) as Record<string, unknown>) : {};
    if (name !== undefined) input['name'] = name;
    if (description !== undefined) input['description'] = description;
    for (const [key, value] of rest) input[key] = value;
    return input;
  });

describe('spec-check mirrors agentFrontMatterSchema', () => {
  it('knows exactly the fields of the zod schema, in its order', () => {
    expect(Object.keys(agentFrontMatterSchema.shape)).toEqual([...KNOWN_FIELDS]);
  });

  it('gives the same verdict as each field schema for every kind of value', () => {
    const mismatches: string[] = [];
    let accepted = 0;
    for (const field of KNOWN_FIELDS) {
      for (const value of VALUES) {
        const zod = zodRules.isFieldValid(field, value);
        if (zod) accepted++;
        if (isFieldValid(field, value) !== zod) mismatches.push(`${field} = ${show(value)}: zod ${zod}`);
      }
    }
    expect(mismatches).toEqual([]);
    // The table exercises both outcomes (not a vacuous pass).
    expect(accepted).toBeGreaterThan(150);
    expect(accepted).toBeLessThan(KNOWN_FIELDS.length * VALUES.length - 150);
  });

  it('every field accepts and refuses something from the table', () => {
    for (const field of KNOWN_FIELDS) {
      const verdicts = new Set(VALUES.map((v) => isFieldValid(field, v)));
      expect([...verdicts].sort(), field).toEqual([false, true]);
    }
  });

  it('parses whole front-matters like zod, field by field and value by value', () => {
    for (const field of KNOWN_FIELDS) {
      for (const value of VALUES) {
        for (const base of [{}, nullProto({})]) {
          const input: Record<string, unknown> = Object.assign(base, { name: 'ml-engineer', description: ' Builds things. ', extra: 1 });
          input[field] = value;
          expect(outcome(twinRules, input), `${field} = ${show(value)}`).toEqual(outcome(zodRules, input));
        }
      }
    }
  });

  it('checkFields reports the same diagnostics and result with either, field by field', () => {
    for (const field of [...KNOWN_FIELDS, 'i18n', 'toolz'] as (KnownField | 'i18n' | 'toolz')[]) {
      for (const value of VALUES) {
        const data: Record<string, unknown> = { name: 'ml-engineer', description: 'Builds things.', [field]: value };
        expect(checked(twinRules, data), `${field} = ${show(value)}`).toEqual(checked(zodRules, data));
      }
    }
  });

  it('parses thousands of random front-matters like zod (verdict, data, key order, prototypes, first message)', () => {
    let failures = 0;
    let successes = 0;
    fc.assert(
      fc.property(anyFrontMatter, (input) => {
        const zod = outcome(zodRules, input) as { success: boolean };
        if (zod.success) successes++;
        else failures++;
        expect(outcome(twinRules, input)).toEqual(zod);
      }),
      { seed: 20261126, numRuns: 4000 },
    );
    expect(failures).toBeGreaterThan(400);
    expect(successes).toBeGreaterThan(400);
  });

  it('checkFields gives the same diagnostics (codes, first message) on thousands of random front-matters', () => {
    const codes = new Set<string>();
    fc.assert(
      fc.property(anyFrontMatter, (input) => {
        const zod = checked(zodRules, input) as { reports: { code: string }[] };
        for (const r of zod.reports) codes.add(r.code);
        expect(checked(twinRules, input)).toEqual(zod);
      }),
      { seed: 7, numRuns: 3000 },
    );
    // The random front-matters reach the interesting diagnostics.
    for (const code of ['NAME_MISSING', 'NAME_INVALID', 'DESCRIPTION_INVALID', 'FIELD_INVALID', 'UNKNOWN_KEY', 'TOOL_UNKNOWN']) expect(codes).toContain(code);
  });

  it('a name that is a mapping is reported, not a crash (String() of a null-prototype object throws)', () => {
    const out = checked(twinRules, { name: nullProto({ a: 1 }), description: 'd' }) as { reports: { code: string; extra: unknown }[] };
    expect(out.reports.map((r) => r.code)).toEqual(['NAME_INVALID']);
    expect(JSON.stringify(out.reports[0]?.extra)).toContain('{\\"a\\":1}');
  });

  it('normalises tools and trims the description as the zod transforms do', () => {
    const r = parseSpec({ name: 'a', description: '  d \n', tools: 'Read, Bash(git diff:*)', disallowedTools: null });
    expect(r).toEqual({
      success: true,
      data: { name: 'a', description: 'd', tools: { kind: 'list', tools: ['Read', 'Bash(git diff:*)'] }, disallowedTools: { kind: 'none' } },
    });
  });

  it('refuses a name Claude Code refuses with the schema message', () => {
    for (const name of ['a:b', 'a\uff1ab', '-a', 'a'.repeat(257)]) {
      expect(parseSpec({ name, description: 'd' })).toEqual({
        success: false,
        message: 'name must not contain ":", start with "-" or be longer than 256 characters',
      });
    }
  });

  it('negative control: the comparisons tell different results apart', () => {
    expect(outcome(twinRules, { name: 'a', description: 'd', maxTurns: 3 })).not.toEqual(outcome(zodRules, { name: 'a', description: 'd', maxTurns: 4 }));
    expect(picture(nullProto({ a: 1 }))).not.toEqual(picture({ a: 1 }));
    expect(picture({ a: 1, b: 2 })).not.toEqual(picture({ b: 2, a: 1 }));
    const lax: SpecRules = { isFieldValid: () => true, parseSpec };
    expect(checked(lax, { name: 'a', description: 'd', color: 'magenta' })).not.toEqual(checked(zodRules, { name: 'a', description: 'd', color: 'magenta' }));
  });
});
