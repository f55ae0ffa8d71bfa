/** The npm package name (the bin is `agentpack`); package.json must agree (test/invocation.test.ts). */
export const PACKAGE_NAME = 'agentpack-cli';

/** The commands a hint can name; a word after `agentpack` that is one of these makes a command line. */
const COMMAND_WORDS = ['install', 'add', 'i', 'uninstall', 'remove', 'rm', 'list', 'ls', 'locale', 'switch', 'update', 'status', 'doctor', 'validate', 'show', 'diff', 'i18n', 'schema', 'help'];
const COMMAND_LINE = new RegExp(`\\bagentpack(?= (?:${COMMAND_WORDS.join('|')})\\b)`, 'g');

/**
 * How the user started this run, as the first words of a command line they can type again: `npx
 * agentpack-cli` when npm ran it (npx and `npm exec` set npm_command=exec; a bare `agentpack` would be
 * "command not found" for someone who never installed the bin), otherwise the bin's own name.
 */
export function invocationOf(env: Record<string, string | undefined>): string {
  return env['npm_command'] === 'exec' ? `npx ${PACKAGE_NAME}` : 'agentpack';
}

/** Every `agentpack <command>` in a text a user reads, named the way this run was started. */
export function nameCommands(text: string, invocation: string): string {
  return invocation === 'agentpack' || !text.includes('agentpack') ? text : text.replace(COMMAND_LINE, invocation);
}
