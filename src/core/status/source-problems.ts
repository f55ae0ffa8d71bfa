/** A recorded source that cannot be read again, in one scope: the folder is gone, or its file no longer defines the agent. */
interface ScopedSourceProblem {
  scope: string;
  agent: string;
  code: 'SOURCE_NOT_FOUND' | 'SOURCE_FILE_MOVED';
  path: string;
}

/**
 * The problems as they are reported: one group per vanished folder of a scope (however many agents came from
 * it), and one per moved file. Groups and their agents keep the order they came in.
 */
export function groupSourceProblems<T extends ScopedSourceProblem>(problems: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const p of problems) {
    const key = [p.scope, p.code, p.path, p.code === 'SOURCE_NOT_FOUND' ? '' : p.agent].join('\0');
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()];
}
