import { AgentpackError } from '../../core/errors.js';

/** errno codes that mean "you may not write here". */
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);

export function errnoOf(error: unknown): string | undefined {
  return error !== null && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** Turn a failed file operation into an AgentpackError that names the path (the folder for permission problems). */
export function toIoError(options: { error: unknown; path: string; dir: string }): AgentpackError {
  const { error, path, dir } = options;
  if (error instanceof AgentpackError) return error;
  const code = errnoOf(error) ?? 'EIO';
  if (NOT_WRITABLE.has(code)) return new AgentpackError({ code: 'TARGET_NOT_WRITABLE', params: { path: dir, detail: code } });
  const detail = error instanceof Error ? error.message : String(error);
  return new AgentpackError({ code: 'IO_FAILED', params: { path, detail: code === 'EIO' ? detail : code } });
}

/**
 * A Node system error (an errno code and the call that failed) that no reader turned into a typed error:
 * PATH_UNUSABLE naming the path, so that a path the system refuses (too long, a loop of links, unreadable)
 * is the user's to fix, never INTERNAL. Undefined for anything else (a bug stays INTERNAL).
 */
export function fromSystemError(error: unknown): AgentpackError | undefined {
  if (!(error instanceof Error) || typeof (error as NodeJS.ErrnoException).syscall !== 'string') return undefined;
  const code = errnoOf(error);
  if (code === undefined || !/^E[A-Z0-9]+$/.test(code)) return undefined;
  const path = (error as NodeJS.ErrnoException).path ?? '';
  return new AgentpackError({ code: 'PATH_UNUSABLE', params: { path, detail: code } });
}
