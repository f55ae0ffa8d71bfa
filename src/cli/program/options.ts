import { AgentpackError } from '../../core/errors.js';
import type { CliContext } from './context.js';

/**
 * How an action reads one option as commander hands it over:
 * - `value`: a non-empty string, or absent (an empty `--dir ""` is a usage error);
 * - `text`: any string, or absent;
 * - `flag`: a boolean, or absent;
 * - `switch`: a boolean, false when absent;
 * - `list`: the values of a repeatable option (each non-empty), [] when absent.
 */
export type OptionKind = 'value' | 'text' | 'flag' | 'switch' | 'list';

type OptionValue<K extends OptionKind> = K extends 'value' | 'text'
  ? string | undefined
  : K extends 'flag'
    ? boolean | undefined
    : K extends 'switch'
      ? boolean
      : string[];

export type ParsedOptions<S extends Record<string, OptionKind>> = { [K in keyof S]: OptionValue<S[K]> };

const flagOf = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Check the options of an action without zod: these few shapes are all commander produces, and loading
 * classic zod cost more than the rest of `list`, `show`, `install` or `locale` (BENCHMARKS.md). Keys not
 * in `spec` are left out. A value of the wrong type can only come from a programming error (INTERNAL).
 */
export function parseOptions<S extends Record<string, OptionKind>>(options: { raw: unknown; spec: S; ctx: CliContext }): ParsedOptions<S> {
  const { spec, ctx } = options;
  const raw = (options.raw !== null && typeof options.raw === 'object' ? options.raw : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const empty = (key: string): AgentpackError =>
    new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t('usage.optionMissingArgument', { option: flagOf(key) }) }, exitCode: 2 });
  for (const [key, kind] of Object.entries(spec)) {
    const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
    if (value === undefined) {
      if (kind === 'switch') out[key] = false;
      else if (kind === 'list') out[key] = [];
      continue;
    }
    const ok =
      kind === 'flag' || kind === 'switch'
        ? typeof value === 'boolean'
        : kind === 'list'
          ? Array.isArray(value) && value.every((v) => typeof v === 'string')
          : typeof value === 'string';
    if (!ok) throw new Error(`option ${flagOf(key)}: unexpected ${Array.isArray(value) ? 'array' : typeof value}`);
    if ((kind === 'value' && value === '') || (kind === 'list' && (value as string[]).includes(''))) throw empty(key);
    out[key] = kind === 'list' ? [...(value as string[])] : value;
  }
  return out as ParsedOptions<S>;
}
