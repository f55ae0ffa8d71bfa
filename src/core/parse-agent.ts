import { parseBannerLine, type Banner } from './banner.js';
import type { DiagnosticCode } from './codes.js';
import { makeDiagnostic, type Diagnostic, type Severity, type DiagnosticParams } from './diagnostics.js';
import { nextFenceAfter, splitFrontMatter } from './front-matter.js';
import { checkFields, type I18nLink } from './check-fields.js';
import type { AgentSpec } from './schema.js';
import { parseYamlMapping, quoteColonValues } from './yaml-safe.js';

/** Files above this size are not parsed at all (Claude Code agent files are a few KiB). */
export const MAX_FILE_CHARS = 2 * 1024 * 1024;
/**
 * Front-matter above this size is not parsed. Real front-matter is a few KiB; the `yaml` parser costs
 * up to ~10 µs per token on hostile input, so 32 KiB keeps the worst case within a few seconds.
 */
export const MAX_FRONTMATTER_CHARS = 32 * 1024;

export interface ParsedAgent {
  path?: string;
  /** False for Markdown without front-matter or without `name`: documentation, not an agent. */
  isAgent: boolean;
  /** The validated front-matter, when it has no errors. */
  spec?: AgentSpec;
  /** The front-matter as parsed (null-prototype objects), before validation. */
  data?: Record<string, unknown>;
  /** The body (system prompt) without banner, LF line endings, no leading blank lines. */
  body: string;
  /** 1-based line in the original file where `body` starts. */
  bodyLine: number;
  banner?: Banner;
  bannerPosition?: 'before-front-matter' | 'body';
  i18n?: I18nLink;
  diagnostics: Diagnostic[];
  /** Whether Claude Code would load this exact file if copied into its agents folder. */
  loadableAsIs: boolean;
}

/**
 * Parse the text of an agent file. Pure: never throws for any input, never executes code, and reports
 * every problem as a diagnostic.
 */
export function parseAgent(text: string, options: { path?: string } = {}): ParsedAgent {
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

  const lines = source.split('\n');
  const split = splitFrontMatter(lines);
  if (split.kind === 'none') {
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
  const bodyLines = split.rest.split('\n');
  let first = 0;
  for (;;) {
    while (first < bodyLines.length && (bodyLines[first] ?? '').trim() === '') first++;
    const banner = first < bodyLines.length ? parseBannerLine(bodyLines[first] ?? '', split.closeLine + 2 + first) : undefined;
    if (!banner) break;
    if (!result.banner) {
      result.banner = banner;
      result.bannerPosition = 'body';
    }
    first++;
  }
  result.body = bodyLines.slice(first).join('\n');
  result.bodyLine = split.closeLine + 2 + first;

  // YAML: strict first, then Claude Code's lenient retry.
  let parsed = parseYamlMapping(split.yaml);
  if (!parsed.ok && parsed.code === 'YAML_INVALID') {
    const quoted = quoteColonValues(split.yaml);
    const retry = quoted === split.yaml ? parsed : parseYamlMapping(quoted);
    if (retry.ok) {
      report('warning', 'YAML_LENIENT', { line: fmLine + (parsed.line ?? 1) - 1, params: { detail: parsed.detail } });
      parsed = retry;
    } else {
      if (parseLonger({ lines, split })) report('error', 'FRONTMATTER_CUT_SHORT', { line: split.closeLine + 1 });
      else report('error', 'YAML_INVALID', { line: fmLine + (parsed.line ?? 1) - 1, params: { detail: parsed.detail } });
      result.loadableAsIs = false;
      return result;
    }
  }
  if (!parsed.ok) {
    report('error', parsed.code, { line: fmLine, params: { detail: parsed.detail } });
    return result;
  }
  const firstRest = split.rest.split('\n', 1)[0] ?? '';
  if (/^[ \t]+\S/.test(firstRest) && parseLonger({ lines, split })) {
    report('warning', 'FRONTMATTER_CUT_SHORT', { line: split.closeLine + 1 });
  }
  for (const key of parsed.unsafeKeys) report('warning', 'UNSAFE_KEY', { line: fmLine, params: { key } });
  for (const tag of parsed.ignoredTags) report('warning', 'YAML_TAG_IGNORED', { line: fmLine, params: { detail: tag } });
  result.data = parsed.data;

  const fieldLines = locateKeys(split.yaml, fmLine);
  const checked = checkFields({ data: parsed.data, fieldLines, report });
  if (checked.notAnAgent) {
    result.isAgent = false;
    diagnostics.length = 0;
    report('info', 'NOT_AN_AGENT', { params: { reason: 'no-name' } });
    return result;
  }
  if (checked.spec) result.spec = checked.spec;
  if (checked.i18n) result.i18n = checked.i18n;
  result.loadableAsIs = loadable && checked.loadable;
  return result;
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
