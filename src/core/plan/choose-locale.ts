/**
 * Which variant `install`/`show` use: `--locale`, then `AGENTPACK_LOCALE`, then the locale
 * already installed, then the CLI's message language. Returns where the choice came from, for reporting.
 */
export function resolveAgentLocale(options: {
  flag?: string | undefined;
  env: Record<string, string | undefined>;
  installed?: string | undefined;
  messageLang: string;
}): { locale: string; from: 'flag' | 'env' | 'installed' | 'lang' } {
  const { flag, env, installed, messageLang } = options;
  if (flag) return { locale: flag, from: 'flag' };
  const fromEnv = env['AGENTPACK_LOCALE']?.trim();
  if (fromEnv) return { locale: fromEnv, from: 'env' };
  if (installed) return { locale: installed, from: 'installed' };
  return { locale: messageLang, from: 'lang' };
}
