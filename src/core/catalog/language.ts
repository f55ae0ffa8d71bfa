/**
 * Languages of catalog files: which folder names are language tags, and which language a text is written in.
 * Pure.
 */

/** A BCP 47 tag as a folder or file-name part: `ja`, `zh-CN`, `pt_BR`, `zh-Hant-TW`. */
const TAG_SHAPE = /^([a-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*$/;

/**
 * Primary subtags of the languages catalogs are translated into. A folder named with one of them (and
 * mirroring a canonical path, or holding `agents/`) is a language folder; any other short word (`go`, `ui`,
 * `ml`, `db`) is an ordinary folder.
 */
// biome-ignore format: a table
const KNOWN_LANGUAGES: ReadonlySet<string> = new Set([
  'af', 'am', 'ar', 'az', 'be', 'bg', 'bn', 'bs', 'ca', 'cs', 'cy', 'da', 'de', 'el', 'en', 'eo', 'es', 'et', 'eu', 'fa', 'fi', 'fil',
  'fr', 'gl', 'gu', 'he', 'hi', 'hr', 'hu', 'hy', 'id', 'it', 'ja', 'ka', 'kk', 'km', 'kn', 'ko', 'ky', 'lo', 'lt', 'lv', 'mk', 'mn',
  'mr', 'ms', 'nb', 'ne', 'nl', 'nn', 'pl', 'ps', 'pt', 'ro', 'ru', 'si', 'sk', 'sl', 'sq', 'sr', 'sv', 'sw', 'ta', 'te', 'th', 'tl',
  'tr', 'uk', 'ur', 'uz', 'vi', 'yue', 'zh',
]);

/**
 * Known languages whose bare code is also a common folder word (`it` for IT, `ar` for augmented reality, `ca`
 * for certificates, `uk`, `eu` for regions): alone, with nothing else saying so, such a folder is not a language.
 */
const FOLDER_WORDS: ReadonlySet<string> = new Set(['ar', 'bg', 'ca', 'cs', 'eu', 'fa', 'gl', 'hr', 'id', 'it', 'ms', 'ro', 'sw', 'tl', 'uk', 'vi']);

/** The shape of a language tag, whatever its language (`locales/<tag>/` and `i18n/<tag>/` take any). */
export function hasTagShape(segment: string): boolean {
  return TAG_SHAPE.test(segment);
}

/** A tag of a known language: what a folder must be called to mirror a canonical path (`ja/agents/x.md` ↔ `agents/x.md`). */
export function isLanguageTag(segment: string): boolean {
  const primary = TAG_SHAPE.exec(segment)?.[1];
  return primary !== undefined && KNOWN_LANGUAGES.has(primary);
}

/** A tag that names a language on its own, with no mirrored file to confirm it (`team/ja/reviewer.md`). */
export function isLanguageFolder(segment: string): boolean {
  return isLanguageTag(segment) && !FOLDER_WORDS.has(segment);
}

const EAST_ASIAN = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\p{Script=Hangul}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HAN = /\p{Script=Han}/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const LATIN = /\p{Script=Latin}/gu;
/** Code is the same in every language: fenced blocks, inline code and links' targets are not read. */
const CODE = /```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|`[^`\n]*`|\]\([^)\s]*\)|https?:\/\/\S+/g;

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/**
 * The language a text is written in, from its scripts: kana → `ja`, Hangul → `ko`, Han without kana → `zh`;
 * undefined for anything else (the catalog's default, English). Code is left out, and East Asian letters must
 * be at least a tenth of the letters, so that an English agent quoting 「です・ます」 stays English. A Japanese
 * text has kana in every sentence; a Chinese one may quote a Japanese word. Give it the text without the banner.
 */
export function detectLanguage(text: string): 'ja' | 'ko' | 'zh' | undefined {
  if (!EAST_ASIAN.test(text)) return undefined;
  const prose = text.replace(CODE, ' ');
  const kana = count(prose, KANA);
  const han = count(prose, HAN);
  const hangul = count(prose, HANGUL);
  const eastAsian = kana + han + hangul;
  if (eastAsian === 0 || eastAsian * 10 < eastAsian + count(prose, LATIN)) return undefined;
  if (hangul >= kana && hangul * 5 >= eastAsian) return 'ko';
  if (kana * 20 >= eastAsian) return 'ja';
  return han > 0 ? 'zh' : undefined;
}
