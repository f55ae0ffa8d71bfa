/** TOML strings as agentpack writes them (TOML 1.0): every value a string, escaped so that a parser reads back exactly the text. */

const ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

function escapeChar(ch: string): string {
  const known = ESCAPES[ch];
  if (known !== undefined) return known;
  return `\\u${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Characters a basic string must escape: `"`, `\`, and the control characters (U+0000–U+001F, U+007F). */
const BASIC_ESCAPED = /["\\\u0000-\u001f\u007f]/g;

/** A one-line basic string: `"…"`. */
export function tomlBasic(text: string): string {
  return `"${text.replace(BASIC_ESCAPED, escapeChar)}"`;
}

const NOT_LITERAL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * A multi-line string that reads back as exactly `text`: a literal one (`'''`, nothing escaped) when the text
 * allows it (no `'''`, no control character but tab and line feed, not ending in `'`), else a basic one with its
 * escapes. Both open with a line feed, which TOML drops.
 */
export function tomlMultiline(text: string): string {
  if (!text.includes("'''") && !NOT_LITERAL.test(text) && !text.endsWith("'")) return `'''\n${text}'''`;
  // In a multi-line basic string a line feed stays as it is; `"` is escaped so that no `"""` can form.
  const escaped = text.replace(/["\\\u0000-\u0009\u000b-\u001f\u007f]/g, escapeChar);
  return `"""\n${escaped}"""`;
}
