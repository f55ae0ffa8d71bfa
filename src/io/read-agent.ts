import { open, type FileHandle } from 'node:fs/promises';
import { CLAUDE_MAX_FILE_BYTES } from '../core/claude-rules.js';
import { makeDiagnostic } from '../core/diagnostics.js';
import { MAX_FILE_CHARS, parseAgent, type ParsedAgent } from '../core/parse-agent.js';

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
  let handle: FileHandle | undefined;
  try {
    // One open for the size check and the read (big folders: one path lookup per file, not two).
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (info.size > MAX_FILE_CHARS * 4) return empty('FILE_TOO_LARGE', { size: info.size, limit: MAX_FILE_CHARS });
    bytes = await handle.readFile();
  } catch (error) {
    return empty('READ_FAILED', { detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  } finally {
    await handle?.close().catch(() => undefined);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return empty('ENCODING_INVALID', {});
  }
  const parsed = parseAgent(text, { path });
  if (parsed.isAgent && bytes.length > CLAUDE_MAX_FILE_BYTES && !parsed.diagnostics.some((d) => d.code === 'FILE_TOO_LARGE')) {
    // Claude Code skips files above 1 MiB without reading them.
    parsed.diagnostics.push(makeDiagnostic({ severity: 'error', code: 'FILE_TOO_LARGE', file: path, params: { size: bytes.length, limit: CLAUDE_MAX_FILE_BYTES } }));
    parsed.loadableAsIs = false;
  }
  // Claude Code looks for "*.md" exactly: "agent.MD" is not read, even on a case-insensitive disk.
  if (parsed.isAgent && !path.endsWith('.md')) {
    parsed.diagnostics.push(makeDiagnostic({ severity: 'warning', code: 'NOT_MD_EXTENSION', file: path }));
    parsed.loadableAsIs = false;
  }
  return parsed;
}
