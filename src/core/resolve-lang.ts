export type Lang = 'en' | 'ja';

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
 * Language of agentpack's own messages (DESIGN §6): `--lang`, then `AGENTPACK_LANG`, then the first
 * non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` (`C`/`POSIX` mean English), then the `Intl` locale
 * (ignoring `und`), then English. A set variable in an unsupported language means English, as it would
 * for any program without that translation.
 */
export function resolveLang(options: { flag?: string | undefined; env: Record<string, string | undefined>; intlLocale?: string | undefined }): Lang {
  const { flag, env, intlLocale } = options;
  const fromFlag = langOfTag(flag);
  if (fromFlag) return fromFlag;
  const fromAgentpack = langOfTag(env['AGENTPACK_LANG']);
  if (fromAgentpack) return fromAgentpack;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') return langOfTag(value) ?? 'en';
  }
  if (intlLocale && intlLocale !== 'und') return langOfTag(intlLocale) ?? 'en';
  return 'en';
}
