/** The languages of agentpack's own messages (each has locales/<lang>/messages.json). */
export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];

/** Map a locale tag such as `ja_JP.UTF-8`, `ja-JP`, `en_US`, `C` to a supported language. */
export function langOfTag(tag: string | undefined): Lang | undefined {
  if (tag === undefined) return undefined;
  const t = tag.trim();
  if (t === '') return undefined;
  if (/^(C|POSIX)([._@].*)?$/i.test(t)) return 'en';
  const primary = t.split(/[-_.@:]/)[0]?.toLowerCase();
  if (primary === 'ja' || primary === 'jp') return 'ja';
  if (primary === 'en') return 'en';
  return undefined;
}

/**
 * Language of agentpack's own messages: `--lang`, then `AGENTPACK_LANG`, then the first
 * non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` (`C`/`POSIX` mean English), then the `Intl` locale
 * (ignoring `und`), then English.
 * - Empty or blank values are skipped at every step.
 * - A set `LC_*`/`LANG` in an unsupported language (fr_FR.UTF-8) means English, as it would for any program
 *   without that translation; `Intl` is not consulted then.
 * - An unsupported `AGENTPACK_LANG` (fr) is skipped: it is agentpack's own switch, and the system locale
 *   is a better guess than English. The CLI validates `--lang` itself (en or ja) before calling this.
 * - `LANGUAGE` and `LC_CTYPE` are not consulted: the three variables above are what gettext-less CLIs read.
 * - `intlLocale` may be a function: it is then called only when nothing before it decides (asking `Intl`
 *   loads ICU data, which costs milliseconds at every start).
 */
export function resolveLang(options: {
  flag?: string | undefined;
  env: Record<string, string | undefined>;
  intlLocale?: string | (() => string | undefined) | undefined;
}): Lang {
  const { flag, env } = options;
  const fromFlag = langOfTag(flag);
  if (fromFlag) return fromFlag;
  const fromAgentpack = langOfTag(env['AGENTPACK_LANG']);
  if (fromAgentpack) return fromAgentpack;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') return langOfTag(value) ?? 'en';
  }
  const intlLocale = typeof options.intlLocale === 'function' ? options.intlLocale() : options.intlLocale;
  if (intlLocale && intlLocale !== 'und') return langOfTag(intlLocale) ?? 'en';
  return 'en';
}

/** The locale `Intl` reports (from the system's ICU settings), or undefined if it cannot say. */
export function intlLocale(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return undefined;
  }
}
