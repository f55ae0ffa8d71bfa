import type { Command } from 'commander';
import type { CliContext } from '../../src/cli/program/context.js';
import { buildProgram, run } from '../../src/cli/program/run.js';
import type { Lang } from '../../src/ui/messages.js';
import { messagesIn } from './messages.js';
import { createStyle } from '../../src/ui/style.js';

/** A stream that records what is written, optionally pretending to be a terminal of `columns` width. */
export function memoryStream(options: { isTTY?: boolean; columns?: number } = {}): {
  write(text: string): boolean;
  isTTY?: boolean;
  columns?: number;
  text(): string;
} {
  let out = '';
  return {
    write(text: string) {
      out += text;
      return true;
    },
    ...(options.isTTY !== undefined ? { isTTY: options.isTTY } : {}),
    ...(options.columns !== undefined ? { columns: options.columns } : {}),
    text: () => out,
  };
}

/** The program as the CLI builds it for `lang`, with output captured. */
export function programFor(lang: Lang): { program: Command; ctx: CliContext } {
  const ctx: CliContext = {
    messages: messagesIn(lang),
    style: createStyle(false),
    json: false,
    env: {},
    cwd: process.cwd(),
    stdout: memoryStream(),
    stderr: memoryStream(),
    exitCode: 0,
  };
  return { program: buildProgram(ctx), ctx };
}

/** Every command of the tree, depth first, with its full name (`agentpack i18n status`). */
export function allCommands(program: Command): { path: string; command: Command }[] {
  const out: { path: string; command: Command }[] = [];
  const walk = (command: Command, prefix: string): void => {
    const path = prefix ? `${prefix} ${command.name()}` : command.name();
    out.push({ path, command });
    for (const sub of command.commands) walk(sub, path);
  };
  walk(program, '');
  return out;
}

/** Run the CLI in this process (for terminal-only behaviour a spawned child cannot have). */
export async function runInProcess(options: {
  argv: string[];
  env?: Record<string, string>;
  stdout?: ReturnType<typeof memoryStream>;
  stderr?: ReturnType<typeof memoryStream>;
}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = options.stdout ?? memoryStream();
  const stderr = options.stderr ?? memoryStream();
  const code = await run({ argv: options.argv, env: options.env ?? { LANG: 'C' }, cwd: process.cwd(), stdout, stderr });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
