/**
 * BCP 47 language tags as agentpack takes them (`--locale`, folder names): the shape of a tag and its
 * conventional case (`zh-cn` → `zh-CN`, `zh-hant-tw` → `zh-Hant-TW`). Pure.
 */

/** language (2–3 letters, or 4–8 registered), optional extlang, script, region, variants, extensions, private use. */
const TAG =
  /^(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[\da-wyz](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?$/i;

/** The tag in its conventional case, or undefined when it is not a well-formed BCP 47 tag. */
export function normaliseTag(tag: string): string | undefined {
  if (!TAG.test(tag)) return undefined;
  const parts = tag.toLowerCase().split('-');
  let singleton = false;
  return parts
    .map((part, i) => {
      if (i === 0 || singleton) return part;
      if (part.length === 1) {
        singleton = true;
        return part;
      }
      if (part.length === 4 && /^[a-z]+$/.test(part)) return `${part[0]?.toUpperCase() ?? ''}${part.slice(1)}`;
      if (part.length === 2) return part.toUpperCase();
      return part;
    })
    .join('-');
}

/** The locale of `known` that `tag` names, ignoring case (`zh-cn` names `zh-CN`), or undefined. */
export function matchTag(tag: string, known: readonly string[]): string | undefined {
  if (known.includes(tag)) return tag;
  const lower = tag.toLowerCase();
  return known.find((k) => k.toLowerCase() === lower);
}

/** What a malformed tag most likely meant: `zh_CN` → `zh-CN`, `pt-br-` → `pt-BR`; undefined when nothing close is well-formed. */
export function tagSuggestion(tag: string): string | undefined {
  const cleaned = tag
    .trim()
    .replace(/[_.\s]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return normaliseTag(cleaned) ?? normaliseTag(cleaned.split('-')[0] ?? '');
}
