import type { Catalog, CatalogAgent, Variant } from './catalog.js';
import { sortedLocales } from './catalog.js';
import { AgentpackError } from '../errors.js';
import { commandLine, type CommandLine } from '../hints.js';
import { nearestKey, nearestLocale } from '../nearest.js';
import { matchTag } from './locale-tag.js';
import type { DiagnosticCode } from '../codes.js';
import type { Diagnostic } from '../diagnostics.js';
import { fieldsAsWritten, renderAgent } from '../agent/render.js';

/** `agentpack list` for the catalog a command read (`--from <folder>` when it was one): the hint of an unknown name. */
const LIST: CommandLine = { args: ['list'] };

/**
 * Look an agent up by name, or throw AGENT_UNKNOWN with the nearest name as a suggestion and `list` (the
 * `list` of the same catalog: `--from`, `--dir`) as the command that shows the available agents.
 */
export function findAgent(catalog: Catalog, name: string, list: CommandLine = LIST): CatalogAgent {
  const agent = catalog.agents.get(name);
  if (agent) return agent;
  const suggestion = nearestKey(name, [...catalog.agents.keys()]);
  const command = commandLine(list);
  throw new AgentpackError({ code: 'AGENT_UNKNOWN', params: suggestion ? { agent: name, suggestion, command } : { agent: name, command } });
}

/** The variant of an agent in a locale, or throw LOCALE_UNAVAILABLE (with `list`, as in findAgent) / LOCALE_UNKNOWN. */
export function findVariant(options: { agent: CatalogAgent; locale: string; knownLocales: readonly string[]; list?: CommandLine }): Variant {
  const { agent, locale, knownLocales } = options;
  // Language tags are case-insensitive (BCP 47): `JA` and `zh-cn` name `ja` and `zh-CN`.
  const variant = agent.variants.get(locale) ?? agent.variants.get(matchTag(locale, [...agent.variants.keys()]) ?? '');
  if (variant) return variant;
  if (matchTag(locale, knownLocales) === undefined) throw unknownLocale({ locale, knownLocales });
  const params = { agent: agent.name, locale, available: sortedLocales(agent).join(', '), command: commandLine(options.list ?? LIST) };
  throw new AgentpackError({ code: 'LOCALE_UNAVAILABLE', params });
}

/** LOCALE_UNKNOWN, with the known locale the tag most likely means (`jp`, `JA`, `ja_JP` → `ja`) as a suggestion. */
export function unknownLocale(options: { locale: string; knownLocales: readonly string[] }): AgentpackError {
  const { locale, knownLocales } = options;
  const suggestion = nearestLocale(locale, knownLocales);
  // The example is one of the languages this catalog has (a folder with English only is not told `--locale ja`).
  const example = knownLocales.find((l) => l !== 'en') ?? knownLocales[0] ?? 'en';
  const params = { locale, choices: knownLocales.join(', '), example, ...(suggestion === undefined ? {} : { suggestion }) };
  return new AgentpackError({ code: 'LOCALE_UNKNOWN', params, exitCode: 2 });
}

/**
 * The bytes `install` writes for a variant, or AGENT_INVALID when the variant does not load. A field value
 * Claude Code drops silently (e.g. `color: magenta`) is kept as written; `renderWarnings` reports it.
 * `name` (`install --as`) writes another name; every other byte is the same render.
 */
export function renderVariant(variant: Variant, options: { name?: string } = {}): string {
  const { spec, data } = variant.parsed;
  if (!spec || variant.parsed.diagnostics.some((d) => d.severity === 'error')) {
    throw new AgentpackError({ code: 'AGENT_INVALID', params: { agent: variant.agent, locale: variant.locale, command: commandLine({ args: ['validate'] }) } });
  }
  const named = options.name === undefined ? spec : { ...spec, name: options.name };
  return renderAgent({ spec: named, body: variant.parsed.body, asWritten: fieldsAsWritten({ spec, data }), description: variant.parsed.shownDescription });
}

/**
 * Warnings about what the rendered file still carries (rendering fixes the rest: banner, BOM, CRLF…). A name
 * that is not lowercase-and-hyphens is not one: Claude Code loads it, and the file gets a slug (`validate` still says so).
 */
const RENDERED_WARNINGS: readonly DiagnosticCode[] = ['DESCRIPTION_LINE_UNQUOTED', 'FIELD_INVALID', 'MODEL_UNKNOWN', 'TOOL_UNKNOWN', 'UNKNOWN_KEY'];

/** The warnings `show`/`install` report for a variant, attached to its relPath. */
export function renderWarnings(variant: Variant): Diagnostic[] {
  return variant.parsed.diagnostics.filter((d) => d.severity === 'warning' && RENDERED_WARNINGS.includes(d.code)).map((d) => ({ ...d, file: variant.relPath }));
}

/** Every locale any agent of the catalog has. */
export function catalogLocales(catalog: Catalog): string[] {
  const set = new Set<string>();
  for (const agent of catalog.agents.values()) for (const l of agent.variants.keys()) set.add(l);
  return [...set].sort();
}
