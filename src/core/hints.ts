/** A word as a user would type it again in a shell: as is when safe, else in single quotes. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** ` --from <path>` and one ` --pick <path>` per pick, for the commands named in hints; '' without a source. */
export function sourceArgument(options: { from?: string | undefined; picks?: readonly string[] }): string {
  if (options.from === undefined) return '';
  return [` --from ${shellWord(options.from)}`, ...(options.picks ?? []).map((p) => ` --pick ${shellWord(p)}`)].join('');
}

/** An agentpack command line as a user would type it: `agentpack <args…>` with the source options appended. */
export function commandLine(options: { args: readonly string[]; from?: string | undefined; picks?: readonly string[] }): string {
  return `agentpack ${options.args.map(shellWord).join(' ')}${sourceArgument(options)}`;
}
