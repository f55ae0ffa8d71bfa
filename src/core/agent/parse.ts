import { parseBannerLine, type Banner } from './banner.js';
import type { DiagnosticCode } from '../codes.js';
import { makeDiagnostic, type Diagnostic, type Severity, type DiagnosticParams } from '../diagnostics.js';
import { claudeCloseIndex, nextFenceAfter, offsetOfLine, splitFrontMatter } from './front-matter.js';
import { checkFields, type I18nLink } from './check-fields.js';
import type { AgentSpec } from './schema.js';
import { parseYamlAsClaude, parseYamlMapping } from '../yaml/parse.js';
import { claudeDescription } from '../claude/rules.js';

/**
 * Errors after which Claude Code still loads the file (the agent is useless, but listed): a description of
 * blanks only is shown as is and never matches a task.
 */
const LOADED_DESPITE_ERROR: ReadonlySet<DiagnosticCode> = new Set(['DESCRIPTION_BLANK']);

/** Files above this size are not parsed at all (Claude Code agent files are a few KiB). */
export const MAX_FILE_CHARS = 2 * 1024 * 1024;
/**
 * Front-matter above this size is not parsed. Real front-matter is a few KiB; the `yaml` parser costs
 * up to ~10 µs per token on hostile input, so 32 KiB keeps the worst case within a few seconds.
 */
export const MAX_FRONTMATTER_CHARS = 32 * 1024;
/** Lines split first: enough for almost every front-matter (the whole file is split when needed). */
const HEAD_LINES = 64;

export interface ParsedAgent {
  path?: string;
  /** False for Markdown without front-matter or without `name`: documentation, not an agent. */
  isAgent: boolean;
  /** The validated front-matter, when it has no errors. */
  spec?: AgentSpec;
  /**
   * The description as Claude Code shows it, when `description` is a string: not trimmed (`spec.description`
   * is), a block's final newline kept, a literal `\n` turned into a newline. What renders write and what is
   * compared with Claude Code and reported.
   */
  shownDescription?: string;
  /** The front-matter as parsed (null-prototype objects), before validation. */
  data?: Record<string, unknown>;
  /** The body (system prompt) without banner, LF line endings, no leading blank lines. */
  body: string;
  /** 1-based line in the original file where `body` starts. */
  bodyLine: number;
  banner?: Banner;
  bannerPosition?: 'before-front-matter' | 'body';
  i18n?: I18nLink;
  /** 1-based line in the original file of each top-level front-matter key. */
  fieldLines?: Map<string, number>;
  diagnostics: Diagnostic[];
  /** Whether Claude Code would load this exact file if copied into its agents folder. */
  loadableAsIs: boolean;
}

/**
 * Parse the text of an agent file. Pure: never throws for any input, never executes code, and reports
 * every problem as a diagnostic.
 */
export function parseAgent(text: string, options: { path?: string } = {}): ParsedAgent {
  return parseText(text, { path: options.path, cut: false });
}

function parseText(text: string, options: { path: string | undefined; cut: boolean }): ParsedAgent {
  const file = options.path;
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Severity, code: DiagnosticCode, extra: { line?: number; params?: DiagnosticParams } = {}): void => {
    const d: Parameters<typeof makeDiagnostic>[0] = { severity, code };
    if (file !== undefined) d.file = file;
    if (extra.line !== undefined) d.line = extra.line;
    if (extra.params !== undefined) d.params = extra.params;
    diagnostics.push(makeDiagnostic(d));
  };
  const result: ParsedAgent = { isAgent: false, body: '', bodyLine: 1, diagnostics, loadableAsIs: false };
  if (file !== undefined) result.path = file;

  if (text.length > MAX_FILE_CHARS) {
    // Not inspected, so not known to be documentation: shown as a problem file (as loadAgent does).
    result.isAgent = true;
    report('error', 'FILE_TOO_LARGE', { params: { size: text.length, limit: MAX_FILE_CHARS } });
    return result;
  }
  let loadable = true;
  let source = text;
  if (source.charCodeAt(0) === 0xfeff) {
    report('warning', 'BOM', { line: 1 });
    loadable = false;
    source = source.slice(1);
  }
  if (source.includes('\r')) {
    report('warning', 'CRLF');
    source = source.replace(/\r\n?/g, '\n');
  }
  const nul = source.indexOf('\0');
  if (nul !== -1) report('error', 'NUL_BYTE', { line: lineOfIndex(source, nul) });

  // Only the lines up to the closing fence are needed: the head is split, and the whole file only when the
  // front-matter does not close within it or a check below looks past the fence (allLines).
  let lines = source.split('\n', HEAD_LINES);
  // biome-ignore lint/suspicious/noAssignInExpressions: splits the whole file once, on first need
  const allLines = (): string[] => (lines.length === HEAD_LINES ? (lines = source.split('\n')) : lines);
  let split = splitFrontMatter(lines, source);
  if (lines.length === HEAD_LINES && (split.kind === 'none' || split.closeLine === -1)) split = splitFrontMatter(allLines(), source);
  if (split.kind === 'none') {
    // Documentation: a BOM, CRLF or NUL in a README is not agentpack's business (and must not fail --strict).
    diagnostics.length = 0;
    report('info', 'NOT_AN_AGENT', { params: { reason: 'no-front-matter' } });
    result.body = source;
    return result;
  }
  result.isAgent = true;
  const fmLine = split.openLine + 2;
  if (split.leading === 'banner' && split.bannerBefore) {
    report('warning', 'BANNER_BEFORE_FRONTMATTER', { line: split.bannerBefore.line });
    result.banner = split.bannerBefore;
    result.bannerPosition = 'before-front-matter';
  } else if (split.leading !== 'none') {
    report('warning', 'CONTENT_BEFORE_FRONTMATTER', { line: 1, params: { what: split.leading } });
  }
  if (split.openLine > 0) loadable = false;

  if (split.language !== undefined && split.language !== 'yaml' && split.language !== 'yml') {
    report('error', 'FRONTMATTER_CODE', { line: split.openLine + 1, params: { language: split.language } });
    result.loadableAsIs = false;
    return result;
  }
  if (split.language !== undefined) {
    report('warning', 'FRONTMATTER_LANGUAGE_TAG', { line: split.openLine + 1, params: { language: split.language } });
    loadable = false;
  }
  // Claude Code ends the front-matter at the first "---" after the opening line, even inside a line.
  const claudeClose = split.openLine === 0 && split.language === undefined && !options.cut ? claudeCloseIndex(source) : -1;
  if (claudeClose !== -1 && claudeClose !== offsetOfLine(lines, split.closeLine)) {
    return readAsCut({ source, at: claudeClose, file, prelude: diagnostics, loadable });
  }
  if (split.closeLine === -1) {
    report('error', 'FRONTMATTER_UNCLOSED', { line: split.openLine + 1 });
    return result;
  }
  if (split.yaml.length > MAX_FRONTMATTER_CHARS) {
    report('error', 'FRONTMATTER_TOO_LARGE', { line: fmLine, params: { size: split.yaml.length, limit: MAX_FRONTMATTER_CHARS } });
    return result;
  }

  // Body: leading blank lines and banner lines dropped (the first banner is recorded). All of them, so
  // that a rendered body never starts with a banner that the next parse would remove. Indexes, no
  // shift()/slice() per line: a body of a million blank lines stays linear.
  // Lines are walked by offset in `rest` (no split/join of the whole body); `start > rest.length` means no
  // line is left.
  const rest = split.rest;
  let start = 0;
  let first = 0;
  for (;;) {
    while (start <= rest.length && rest.slice(start, lineEnd(rest, start)).trim() === '') {
      start = lineEnd(rest, start) + 1;
      first++;
    }
    const banner = start <= rest.length ? parseBannerLine(rest.slice(start, lineEnd(rest, start)), split.closeLine + 2 + first) : undefined;
    if (!banner) break;
    if (!result.banner) {
      result.banner = banner;
      result.bannerPosition = 'body';
    }
    start = lineEnd(rest, start) + 1;
    first++;
  }
  result.body = start > rest.length ? '' : rest.slice(start);
  result.bodyLine = split.closeLine + 2 + first;
  // Text that stood before the front-matter (a `# Title`) opens the body of what agentpack renders: kept, not lost.
  if (split.leading === 'text') {
    const before = lines
      .slice(0, split.openLine)
      .filter((_, i) => split.bannerBefore === undefined || i !== split.bannerBefore.line - 1)
      .join('\n')
      .trim();
    if (before !== '') result.body = result.body === '' ? `${before}\n` : `${before}\n\n${result.body}`;
  }

  // YAML: strict first, then the way Claude Code reads what strict YAML rejects.
  let parsed = parseYamlMapping(split.yaml);
  let lenient = false;
  if (!parsed.ok && (parsed.code === 'YAML_INVALID' || parsed.code === 'YAML_ALIAS_LIMIT')) {
    const retry = parseYamlAsClaude({ source: split.yaml, strict: parsed });
    if (retry.ok) {
      // An alias bomb is read as text by Claude Code's retry (its values get quoted): say what it was.
      const code = parsed.code === 'YAML_ALIAS_LIMIT' ? 'YAML_ALIAS_LIMIT' : 'YAML_LENIENT';
      report('warning', code, { line: fmLine + (parsed.line ?? 1) - 1, params: { detail: parsed.detail } });
      lenient = code === 'YAML_LENIENT';
      parsed = retry;
    } else {
      const later = nextFenceAfter(allLines(), split.closeLine);
      const cut = later !== -1 && readsThroughLaterFence({ lines: allLines(), from: split.openLine + 1, close: split.closeLine, to: later });
      if (cut) report('error', 'FRONTMATTER_CUT_SHORT', { line: split.closeLine + 1 });
      else report('error', parsed.code, { line: fmLine + (parsed.line ?? 1) - 1, params: { detail: parsed.detail } });
      result.loadableAsIs = false;
      return result;
    }
  }
  if (!parsed.ok) {
    report('error', parsed.code, { line: fmLine, params: { detail: parsed.detail } });
    return result;
  }
  const firstRest = split.rest.split('\n', 1)[0] ?? '';
  if (/^[ \t]+\S/.test(firstRest) && parseLonger({ lines: allLines(), split })) {
    report('warning', 'FRONTMATTER_CUT_SHORT', { line: split.closeLine + 1 });
  }
  for (const key of parsed.unsafeKeys) report('warning', 'UNSAFE_KEY', { line: fmLine, params: { key } });
  for (const tag of parsed.ignoredTags) report('warning', 'YAML_TAG_IGNORED', { line: fmLine, params: { detail: tag } });
  result.data = parsed.data;
  const description = parsed.data['description'];
  if (typeof description === 'string') result.shownDescription = claudeDescription(description);

  const fieldLines = locateKeys(split.yaml, fmLine);
  result.fieldLines = fieldLines;
  const checked = checkFields({ data: parsed.data, fieldLines, report, lenient });
  if (checked.notAnAgent) {
    result.isAgent = false;
    diagnostics.length = 0;
    report('info', 'NOT_AN_AGENT', { params: { reason: 'no-name' } });
    return result;
  }
  if (checked.spec) result.spec = checked.spec;
  if (checked.i18n) result.i18n = checked.i18n;
  // An error (e.g. NUL_BYTE) means the agent is unusable: never call such a file loadable as is.
  result.loadableAsIs = loadable && checked.loadable && !diagnostics.some((d) => d.severity === 'error' && !LOADED_DESPITE_ERROR.has(d.code));
  return result;
}

/**
 * Whether the block parses when it runs on to a later fence: the `---` line that closed it was part of a
 * value. Tried with the inner `---` lines indented, then (for a quoted value whose next lines sit at column 0)
 * with every line from the cut on indented as the value's continuation.
 */
function readsThroughLaterFence(options: { lines: readonly string[]; from: number; close: number; to: number }): boolean {
  const { lines, from, close, to } = options;
  // Skipped above the front-matter limit: otherwise a body of megabytes would be handed to the YAML parser.
  const through = joinThrough({ lines, from, to });
  if (through.length > MAX_FRONTMATTER_CHARS) return false;
  if (parseYamlMapping(through).ok) return true;
  const continued = [...lines.slice(from, close), ...lines.slice(close, to).map((l) => (l === '' ? l : `  ${l}`))];
  return parseYamlMapping(continued.join('\n')).ok;
}

/**
 * Parse what Claude Code reads when it ends the front-matter at a "---" we do not take for a fence (one
 * inside a value, or the start of "----"): the text up to there is the front-matter, the rest the body.
 */
function readAsCut(options: { source: string; at: number; file: string | undefined; prelude: Diagnostic[]; loadable: boolean }): ParsedAgent {
  const { source, at, file } = options;
  const before = source.slice(0, at);
  const text = `${before}${before.endsWith('\n') ? '' : '\n'}---\n${source.slice(at + 3).replace(/^\s*/, '')}`;
  const view = parseText(text, { path: file, cut: true });
  const cut: Parameters<typeof makeDiagnostic>[0] = { severity: 'warning', code: 'FRONTMATTER_ENDS_EARLY', line: lineOfIndex(source, at) };
  if (file !== undefined) cut.file = file;
  // The prelude (BOM, CRLF, NUL) was reported on the original text; the view only repeats NUL.
  view.diagnostics = [...options.prelude, makeDiagnostic(cut), ...view.diagnostics.filter((d) => d.code !== 'NUL_BYTE')];
  view.loadableAsIs = view.loadableAsIs && options.loadable;
  return view;
}

/**
 * Whether the block up to the next `---` parses, i.e. an inner `---` cut the front-matter short. Skipped
 * above the front-matter limit: otherwise a body of megabytes would be handed to the YAML parser.
 */
function parseLonger(options: { lines: readonly string[]; split: { openLine: number; closeLine: number } }): boolean {
  const { lines, split } = options;
  const later = nextFenceAfter(lines, split.closeLine);
  if (later === -1) return false;
  const block = joinThrough({ lines, from: split.openLine + 1, to: later });
  return block.length <= MAX_FRONTMATTER_CHARS && parseYamlMapping(block).ok;
}

/** The lines between two fences with inner `---` lines indented: what the author meant as one block. */
function joinThrough(options: { lines: readonly string[]; from: number; to: number }): string {
  return options.lines
    .slice(options.from, options.to)
    .map((l) => (/^---[ \t]*$/.test(l) ? `  ${l}` : l))
    .join('\n');
}

/** Offset of the end of the line that starts at `start` (its `\n`, or the end of the text). */
function lineEnd(text: string, start: number): number {
  const nl = text.indexOf('\n', start);
  return nl === -1 ? text.length : nl;
}

function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Map top-level keys to their 1-based line in the file. */
function locateKeys(yaml: string, firstLine: number): Map<string, number> {
  const out = new Map<string, number>();
  yaml.split('\n').forEach((line, index) => {
    const m = /^([^\s#:][^:]*?):(?:\s|$)/.exec(line);
    if (m?.[1] && !out.has(m[1])) out.set(m[1].replace(/^["']|["']$/g, ''), firstLine + index);
  });
  return out;
}
