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
 * (`--all`, `--plugin`, `--pick`, `--as`: their own rules apply) or `--yes` asks for no question.
 */
export function installOpensPicker(options: { agents: readonly string[]; raw: unknown; ctx: CliContext }): boolean {
  const raw = (options.raw ?? {}) as Record<string, unknown>;
  if (options.agents.length > 0 || raw['all'] !== undefined || raw['plugin'] !== undefined || raw['pick'] !== undefined || raw['as'] !== undefined)
    return false;
  return isInteractive({ ctx: options.ctx, yes: raw['yes'] === true });
}
