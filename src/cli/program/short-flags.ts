/** The one-letter options that take no value, on any command (`-v`/`-q` are the program's, the rest a command's). */
const BOOLEAN_SHORT = new Set(['a', 'f', 'g', 'h', 'n', 'p', 'q', 'v', 'y']);

/** The options whose value is the next word when it is not written `--name=value`: that word is never split. */
const TAKES_VALUE = new Set(['-l', '-t', '--locale', '--from', '--pick', '--plugin', '--dir', '--root', '--lang', '--target', '--as', '--claude-bin']);

/**
 * `-nq` as `-n -q`, the way npm and git users type it. commander splits a group itself, but only among the
 * options of the command it is parsing, so `-nq` (a command's `-n`, the program's `-q`) would be an unknown
 * option. A group is split while its letters take no value; the rest from a letter that takes one stays
 * attached to it (`-nlja` is `-n -lja`, i.e. `-n -l ja`). Words after `--`, and an option's value, are left alone.
 */
export function splitShortFlags(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (TAKES_VALUE.has(arg)) {
      out.push(arg);
      if (i + 1 < argv.length) out.push(argv[++i] ?? '');
      continue;
    }
    if (!/^-[a-zA-Z]{2,}/.test(arg) || !BOOLEAN_SHORT.has(arg[1] ?? '')) {
      out.push(arg);
      continue;
    }
    let at = 1;
    while (at < arg.length && BOOLEAN_SHORT.has(arg[at] ?? '')) out.push(`-${arg[at++]}`);
    if (at < arg.length) out.push(`-${arg.slice(at)}`);
  }
  return out;
}
