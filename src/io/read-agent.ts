import { isAscii } from 'node:buffer';
import { CLAUDE_MAX_FILE_BYTES } from '../core/claude/rules.js';
import { makeDiagnostic } from '../core/diagnostics.js';
import { MAX_FILE_CHARS, parseAgent, type ParsedAgent } from '../core/agent/parse.js';
import { readBoundedSync } from './fs/read-bounded.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Read and parse one agent file. Never throws for a file problem: it becomes a diagnostic. */
export async function loadAgent(path: string): Promise<ParsedAgent> {
  const empty = (code: 'READ_FAILED' | 'ENCODING_INVALID' | 'FILE_TOO_LARGE', params: Record<string, string | number>): ParsedAgent => ({
    path,
    isAgent: true,
    body: '',
    bodyLine: 1,
    diagnostics: [makeDiagnostic({ severity: 'error', code, file: path, params })],
    loadableAsIs: false,
  });
  let bytes: Buffer;
  try {
    // Bounded and regular files only: a FIFO or a link to /dev/zero named x.md must not hang or fill memory.
    // Synchronous: one small file at a time is faster than a promise per system call (BENCHMARKS.md).
    const read = readBoundedSync({ path, limit: MAX_FILE_CHARS * 4 });
    if (read.kind === 'not-a-file') return empty('READ_FAILED', { detail: 'not-a-regular-file' });
    if (read.kind === 'too-large') return empty('FILE_TOO_LARGE', { size: read.size, limit: MAX_FILE_CHARS });
    bytes = read.bytes;
  } catch (error) {
    return empty('READ_FAILED', { detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  let text: string;
  try {
    // ASCII (most English files) is the same text in latin1, which decodes without validation.
    text = isAscii(bytes) ? bytes.toString('latin1') : decoder.decode(bytes);
  } catch {
    return empty('ENCODING_INVALID', {});
  }
  const parsed = parseAgent(text, { path });
  if (parsed.isAgent && bytes.length > CLAUDE_MAX_FILE_BYTES && !parsed.diagnostics.some((d) => d.code === 'FILE_TOO_LARGE')) {
    // Claude Code skips files above 1 MiB without reading them.
    parsed.diagnostics.push(
      makeDiagnostic({ severity: 'error', code: 'FILE_TOO_LARGE', file: path, params: { size: bytes.length, limit: CLAUDE_MAX_FILE_BYTES } }),
    );
    parsed.loadableAsIs = false;
  }
  // Claude Code looks for "*.md" exactly: "agent.MD" is not read, even on a case-insensitive disk.
  if (parsed.isAgent && !path.endsWith('.md')) {
    parsed.diagnostics.push(makeDiagnostic({ severity: 'warning', code: 'NOT_MD_EXTENSION', file: path }));
    parsed.loadableAsIs = false;
  }
  return parsed;
}
