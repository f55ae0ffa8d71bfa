import { CANONICAL_LOCALE } from './catalog.js';
import { AgentpackError } from '../errors.js';
import { claudeDescription } from '../claude/rules.js';
import { commandLine, pickCommand, type CommandLine } from '../hints.js';
import type { SourceConflict, SourceScan } from './assemble-folder.js';

/**
 * The conflict that makes `agent` in `locale` ambiguous: different definitions under its name (whatever the
 * locale), or different translations into `locale`.
 */
export function conflictFor(options: { scan: Pick<SourceScan, 'conflicts'>; agent: string; locale: string }): SourceConflict | undefined {
  const { scan, agent, locale } = options;
  return scan.conflicts.find((c) => c.name === agent && c.locale === undefined) ?? scan.conflicts.find((c) => c.name === agent && c.locale === locale);
}

/** One of the files of a conflict, with what tells them apart. */
export interface ConflictCandidate {
  path: string;
  locale: string;
  plugin?: string;
  /** `<plugin>:<name>` when that chooses this file alone; otherwise it is chosen with `--pick <path>`. */
  select?: string;
  /** The first sentence of its description, as Claude Code shows it. */
  description: string;
  /** `model` as written, or null when absent. */
  model: string | null;
  /** The tools it may use: null for all (absent), [] for none. */
  tools: string[] | null;
}

/** A conflict with its candidates, as messages and `--json` show it; `locale` is the one the files are in. */
export interface DescribedConflict extends SourceConflict {
  locale: string;
  candidates: ConflictCandidate[];
}

/** The first sentence (up to `.`, `!`, `?`, `。`, `！`, `？` or a line break), at most 160 characters. */
export function firstSentence(text: string): string {
  const shown = claudeDescription(text).trim();
  const end = /[.!?](?=\s|$)|[。！？]|\n/u.exec(shown);
  const sentence = (end ? shown.slice(0, end.index + (end[0] === '\n' ? 0 : end[0].length)) : shown).trim();
  return sentence.length > 160 ? `${sentence.slice(0, 159)}…` : sentence;
}

function toolsOf(options: { spec: { tools?: { kind: string; tools?: string[] } } | undefined; data: Record<string, unknown> | undefined }): string[] | null {
  const tools = options.spec?.tools;
  if (tools) return tools.kind === 'all' ? null : tools.kind === 'none' ? [] : [...(tools.tools ?? [])];
  const raw = options.data?.['tools'];
  if (raw === undefined) return null;
  if (typeof raw === 'string') return raw.split(/[\s,]+/).filter((t) => t !== '');
  return Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : [];
}

/** Each file of a conflict with its plugin, locale, description, model and tools (from the scan's files). */
export function describeConflict(options: { scan: Pick<SourceScan, 'files'>; conflict: SourceConflict }): DescribedConflict {
  const { scan, conflict } = options;
  const files = new Map(scan.files.map((f) => [f.relPath, f]));
  const plugins = conflict.paths.map((p) => files.get(p)?.plugin);
  const candidates = conflict.paths.map((path, i): ConflictCandidate => {
    const file = files.get(path);
    const parsed = file?.parsed;
    const description = parsed?.spec?.description ?? parsed?.data?.['description'];
    const model = parsed?.spec?.model ?? parsed?.data?.['model'];
    const plugin = plugins[i];
    const candidate: ConflictCandidate = {
      path,
      locale: file?.locale ?? conflict.locale ?? CANONICAL_LOCALE,
      description: typeof description === 'string' ? firstSentence(description) : '',
      model: typeof model === 'string' ? model : null,
      tools: toolsOf({ spec: parsed?.spec, data: parsed?.data }),
    };
    if (plugin !== undefined) {
      candidate.plugin = plugin;
      if (plugins.filter((p) => p === plugin).length === 1) candidate.select = `${plugin}:${conflict.name}`;
    }
    return candidate;
  });
  return { ...conflict, locale: conflict.locale ?? candidates[0]?.locale ?? CANONICAL_LOCALE, candidates };
}

/**
 * The command that chooses `candidate`: `retry` with its `<plugin>:<name>` in place of the bare name (or, for
 * a command without the name, such as `list`, `install <plugin>:<name>`, with `--locale` for a conflict between
 * translations), else `retry` with `--pick <path>`.
 */
export function chooseCommand(options: { retry: CommandLine; conflict: SourceConflict; candidate: ConflictCandidate }): string {
  const { retry, conflict, candidate } = options;
  if (candidate.select === undefined) return pickCommand({ retry, path: candidate.path });
  const select = candidate.select;
  if (retry.args.includes(conflict.name)) return commandLine({ ...retry, args: retry.args.map((a) => (a === conflict.name ? select : a)) });
  return commandLine({ ...retry, args: ['install', select, ...(conflict.locale === undefined ? [] : ['--locale', conflict.locale])] });
}

/**
 * Refuse an ambiguous name with AGENT_AMBIGUOUS: the message names every path, the hint is `retry` choosing
 * the first candidate (`<plugin>:<name>`, or `--pick <path>`); `details` carries the conflict and its
 * candidates (plugin, description, model, tools) for the message and for `--json`.
 */
export function assertUnambiguous(options: { scan: Pick<SourceScan, 'conflicts' | 'files'>; agent: string; locale: string; retry: CommandLine }): void {
  const found = conflictFor(options);
  if (!found) return;
  const conflict = describeConflict({ scan: options.scan, conflict: found });
  const first = conflict.candidates[0];
  throw new AgentpackError({
    code: 'AGENT_AMBIGUOUS',
    params: {
      agent: conflict.name,
      locale: conflict.locale,
      count: conflict.paths.length,
      paths: conflict.paths.join(', '),
      command: first ? chooseCommand({ retry: options.retry, conflict, candidate: first }) : '',
    },
    details: conflict,
  });
}
