import { isGitSourceWord } from '../../core/catalog/git-spec.js';
import type { CliContext } from '../program/context.js';
import { isInteractive, type PickerStart } from '../program/interactive.js';

/**
 * Open the picker. Its code (and node:readline) is in dist/cli-action-picker.cjs, required only here:
 * no other run loads it (test/cli/startup-modules.test.ts).
 */
export async function openPicker(options: { ctx: CliContext; start: PickerStart; raw: unknown }): Promise<void> {
  return (await import('../actions/picker.js')).runPicker(options);
}

/**
 * `install` with no names opens the picker in a terminal, unless an option already says what to install
 * (`--all`, `--plugin`, `--pick`, `--as`: their own rules apply) or `--yes` asks for no question. A repository
 * named alone (`agentpack add github:owner/repo`) is the picker's `--from`. Returns the options the picker
 * gets, or undefined when the command runs as typed.
 */
export function installPickerOptions(options: { agents: readonly string[]; raw: unknown; ctx: CliContext }): Record<string, unknown> | undefined {
  const raw = (options.raw ?? {}) as Record<string, unknown>;
  const [first, ...rest] = options.agents;
  const repository = first !== undefined && rest.length === 0 && raw['from'] === undefined && isGitSourceWord(first) ? first : undefined;
  if (
    (options.agents.length > 0 && repository === undefined) ||
    raw['all'] !== undefined ||
    raw['plugin'] !== undefined ||
    raw['pick'] !== undefined ||
    raw['as'] !== undefined
  )
    return undefined;
  if (!isInteractive({ ctx: options.ctx, yes: raw['yes'] === true })) return undefined;
  return repository === undefined ? raw : { ...raw, from: repository };
}
