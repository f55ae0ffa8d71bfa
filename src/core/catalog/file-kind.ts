import type { ParsedAgent } from '../agent/parse.js';
import { makeDiagnostic } from '../diagnostics.js';

/** Why a Markdown file of a catalog is not an agent. */
export type NotAgentReason = 'command' | 'skill' | 'doc' | 'no-name';

/**
 * What a Markdown file of a catalog is:
 * - `agent`, `declared` when its place says so (inside a folder named `agents`, or listed by a plugin's
 *   manifest): then a file without `name` is still an agent, with an error, since Claude Code skips it;
 * - `unreadable`: front-matter that cannot be read, outside such a place (its `name` is unknown);
 * - not an agent: a slash command (`commands/…`), a skill (`SKILL.md`), a README, or, elsewhere, Markdown
 *   whose front-matter has no `name` key (documentation; a `name` that is not usable text is still an agent's).
 */
export type FileKind = { kind: 'agent'; declared: boolean } | { kind: 'unreadable' } | { kind: 'not-agent'; reason: NotAgentReason };

/** A README (`README.md`, `README.ja.md`, `readme.md`): documentation wherever it is, even in an `agents` folder. */
const DOC_FILE = /^readme(?:\.[^.]+)?\.md$/i;

/** The `name` an agent file declares, even when other fields have errors. */
export function nameOf(parsed: ParsedAgent): string | undefined {
  const name = parsed.spec?.name ?? parsed.data?.['name'];
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/**
 * The kind of a catalog file. `relPath` is its path inside the folder being read, `rootName` that folder's own
 * name (so `validate .claude/agents` knows its files are in an `agents` folder), `listed` whether a plugin
 * manifest names it. The same rule for `validate <folder>` and `--from <folder>`. Pure.
 */
export function fileKind(options: { relPath: string; parsed: ParsedAgent; rootName?: string; listed?: boolean }): FileKind {
  const { relPath, parsed } = options;
  const parts = relPath.split('/');
  const file = parts.at(-1) ?? '';
  const folders = [options.rootName ?? '', ...parts.slice(0, -1)];
  if (options.listed) return { kind: 'agent', declared: true };
  if (file.toLowerCase() === 'skill.md') return { kind: 'not-agent', reason: 'skill' };
  if (parts.slice(0, -1).includes('commands')) return { kind: 'not-agent', reason: 'command' };
  if (DOC_FILE.test(file)) return { kind: 'not-agent', reason: 'doc' };
  if (folders.includes('agents')) return { kind: 'agent', declared: true };
  if (parsed.isAgent && parsed.data === undefined) return { kind: 'unreadable' };
  const declaresName = parsed.data !== undefined && Object.hasOwn(parsed.data, 'name');
  return declaresName ? { kind: 'agent', declared: false } : { kind: 'not-agent', reason: 'no-name' };
}

/**
 * A file that is meant as an agent, as validate reports it: one the parser took for documentation (no
 * front-matter, or neither `name` nor `description`) gets NAME_MISSING, an error, because Claude Code skips
 * it. A file the parser read as an agent already carries its own diagnostics (NAME_MISSING, NAME_INVALID…).
 */
export function asDeclaredAgent(parsed: ParsedAgent): ParsedAgent {
  if (parsed.isAgent) return parsed;
  const missing = makeDiagnostic({ severity: 'error', code: 'NAME_MISSING', line: 1, ...(parsed.path === undefined ? {} : { file: parsed.path }) });
  return { ...parsed, isAgent: true, loadableAsIs: false, diagnostics: [...parsed.diagnostics.filter((d) => d.code !== 'NOT_AN_AGENT'), missing] };
}

/** A file that is not an agent, as validate reports it: documentation, with the reason. */
export function asNotAgent(parsed: ParsedAgent, reason: NotAgentReason): ParsedAgent {
  const note = makeDiagnostic({ severity: 'info', code: 'NOT_AN_AGENT', params: { reason }, ...(parsed.path === undefined ? {} : { file: parsed.path }) });
  return { ...parsed, isAgent: false, loadableAsIs: false, diagnostics: [note] };
}
