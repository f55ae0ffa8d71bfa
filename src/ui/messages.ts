import type { DiagnosticCode, ErrorCode } from '../core/codes.js';
import type { DiagnosticParams } from '../core/diagnostics.js';
import { nameCommands } from '../core/hints.js';
import type { Lang } from '../core/lang.js';

type EnglishCatalog = Omit<typeof import('../../locales/en/messages.json', { with: { type: 'json' }}), 'default'>;
/** Every message key; a key missing from locales/en/messages.json is a compile error where it is used. */
export type MessageKey = Extract<keyof EnglishCatalog, string>;
export { LANGS, type Lang } from '../core/lang.js';

// Each diagnostic and error code must have a message and a hint in the catalog (checked by the compiler).
type Missing<K extends string> = Exclude<K, MessageKey>;
const catalogComplete: [Missing<`diag.${DiagnosticCode}` | `diag.${DiagnosticCode}.hint` | `error.${ErrorCode}` | `error.${ErrorCode}.hint`>] extends [never]
  ? true
  : false = true;
void catalogComplete;

export interface Messages {
  readonly lang: Lang;
  /** The first words of a command line the user can type again (`agentpack`, or `npx agentpack-cli`). */
  readonly invocation: string;
  /** A text built outside the catalogs (a command line in `--json`) with its commands named as this run was started. */
  named(text: string): string;
  t(key: MessageKey, params?: DiagnosticParams): string;
  /** A key computed at run time (e.g. `help.placeholder.<name>`): the message, or undefined when absent. */
  find(key: string, params?: DiagnosticParams): string | undefined;
  /** Message and hint for a diagnostic or error code (`diag` or `error` namespace). */
  describe(kind: 'diag' | 'error', code: string, params: DiagnosticParams): { message: string; hint: string };
}

/** The `{name}` placeholders a template uses, sorted and without duplicates. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

/** Replace `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function format(template: string, params: DiagnosticParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Reads the catalog of one language (io/package/message-catalogs.ts for the CLI). */
export type CatalogLoader = (lang: Lang) => Readonly<Record<string, string>>;

/**
 * The messages of one language; a key the catalog lacks falls back to English. `invocation` (default
 * `agentpack`) names every command line in them the way the user started this run, in the catalog's
 * text and in the values put into it alike.
 */
export function createMessages(options: { lang: Lang; load: CatalogLoader; invocation?: string }): Messages {
  const { lang, load } = options;
  const catalog = load(lang);
  const invocation = options.invocation ?? 'agentpack';
  const lookup = (key: string): string | undefined => catalog[key] ?? (lang === 'en' ? undefined : load('en')[key]);
  const fill = (template: string, params?: DiagnosticParams): string => nameCommands(format(template, params), invocation);
  // A message about one thing (`count` 1) may have its own wording under `<key>.one` ("helper was" for "3 agents were").
  const pick = (key: string, params?: DiagnosticParams): string | undefined => (params?.['count'] === 1 ? lookup(`${key}.one`) : undefined) ?? lookup(key);
  return {
    lang,
    invocation,
    named: (text) => nameCommands(text, invocation),
    t(key, params) {
      return fill(pick(key, params) ?? key, params);
    },
    find(key, params) {
      const template = pick(key, params);
      return template === undefined ? undefined : fill(template, params);
    },
    describe(kind, code, params) {
      const base = `${kind}.${code}`;
      const message = fill(pick(base, params) ?? code, params);
      const suggestKey = `${base}.hintSuggest`;
      const hintTemplate = params['suggestion'] !== undefined && lookup(suggestKey) ? lookup(suggestKey) : lookup(`${base}.hint`);
      return { message, hint: fill(hintTemplate ?? '', params) };
    },
  };
}
