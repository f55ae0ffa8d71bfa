import type { DescribedConflict } from '../core/catalog/conflicts.js';
import type { Messages } from './messages.js';
import { sanitizeForTerminal } from './style.js';

/** One line per file of a conflict: how to choose it (`<plugin>:<name>`, or its path), its description, model and tools. */
export function formatCandidates(options: { conflict: DescribedConflict; messages: Messages }): string[] {
  const { conflict, messages } = options;
  const { t } = messages;
  return conflict.candidates.map((c) => {
    const tools = c.tools === null ? t('source.candidate.toolsAll') : c.tools.length === 0 ? t('source.candidate.toolsNone') : c.tools.join(', ');
    const params = { select: c.select ?? c.path, description: c.description, model: c.model ?? t('source.candidate.modelUnset'), tools };
    return sanitizeForTerminal(t('source.candidate', params));
  });
}

/** The conflict an AGENT_AMBIGUOUS error carries in its details, if it is one. */
export function conflictOf(details: unknown): DescribedConflict | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const candidates = (details as { candidates?: unknown }).candidates;
  return Array.isArray(candidates) ? (details as DescribedConflict) : undefined;
}
