import { CANONICAL_LOCALE } from './catalog.js';
import { AgentpackError } from '../errors.js';
import { pickCommand, type CommandLine } from '../hints.js';
import type { SourceConflict, SourceScan } from './assemble-folder.js';

/**
 * The conflict that makes `agent` in `locale` ambiguous: different definitions under its name (whatever the
 * locale), or different translations into `locale`.
 */
export function conflictFor(options: { scan: Pick<SourceScan, 'conflicts'>; agent: string; locale: string }): SourceConflict | undefined {
  const { scan, agent, locale } = options;
  return scan.conflicts.find((c) => c.name === agent && c.locale === undefined) ?? scan.conflicts.find((c) => c.name === agent && c.locale === locale);
}

/**
 * Refuse an ambiguous name with AGENT_AMBIGUOUS: the message names every path, the hint is `retry` with
 * `--pick <path>`; `details` carries the conflict for `--json`.
 */
export function assertUnambiguous(options: { scan: Pick<SourceScan, 'conflicts'>; agent: string; locale: string; retry: CommandLine }): void {
  const conflict = conflictFor(options);
  if (!conflict) return;
  throw new AgentpackError({
    code: 'AGENT_AMBIGUOUS',
    params: {
      agent: conflict.name,
      locale: conflict.locale ?? CANONICAL_LOCALE,
      count: conflict.paths.length,
      paths: conflict.paths.join(', '),
      command: pickCommand({ retry: options.retry, path: conflict.paths[0] ?? '' }),
    },
    details: conflict,
  });
}
