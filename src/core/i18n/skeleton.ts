import { bannerLabel } from '../agent/banner.js';
import { stringifyWithYaml } from '../agent/render.js';
import { isTranslationMeta } from './fields.js';

/**
 * A skeleton translation (`i18n new`): the source's structure with every line of text still to translate
 * marked. The marker is plain text, so it shows wherever the file is read (an editor, GitHub, a diff) and a
 * search finds it; a file holding it is a skeleton until the last one is gone. Pure.
 */
export const TRANSLATE_MARKER = '[[translate]]';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const THEMATIC_BREAK = /^\s*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const TABLE_RULE = /^\s*\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?\s*$/;
const TAG_ONLY = /^\s*<\/?[A-Za-z][^<>]*>\s*$/;
/** What stays in front of the marker: indentation, quote markers, a list marker, a table's first pipe. */
const LEAD = /^(\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?(?:\|[ \t]*)?)/;

/** The body with each line of text marked; headings, blank lines, rules, tag-only lines and fenced code as they are. */
function markBody(body: string): string {
  let fence: string | undefined;
  return body
    .split('\n')
    .map((line) => {
      const open = FENCE.exec(line)?.[1];
      if (fence !== undefined) {
        if (open !== undefined && open[0] === fence[0] && open.length >= fence.length && line.trim() === open) fence = undefined;
        return line;
      }
      if (open !== undefined) {
        fence = open;
        return line;
      }
      if (line.trim() === '' || HEADING.test(line) || THEMATIC_BREAK.test(line) || TABLE_RULE.test(line) || TAG_ONLY.test(line)) return line;
      const lead = LEAD.exec(line)?.[1] ?? '';
      const rest = line.slice(lead.length);
      return rest.trim() === '' ? line : `${lead}${TRANSLATE_MARKER} ${rest}`;
    })
    .join('\n');
}

/** How many lines of a description and body (outside fenced code) still carry the marker. */
export function countMarked(options: { description: string; body: string }): number {
  let count = options.description.includes(TRANSLATE_MARKER) ? 1 : 0;
  let fence: string | undefined;
  for (const line of options.body.split('\n')) {
    const open = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (open !== undefined && open[0] === fence[0] && open.length >= fence.length && line.trim() === open) fence = undefined;
      continue;
    }
    if (open !== undefined) fence = open;
    else if (line.includes(TRANSLATE_MARKER)) count++;
  }
  return count;
}

/**
 * The text of a new skeleton: the source's front-matter (every field but the description copied as parsed,
 * so they match it), the description marked, an `i18n` block with `source` and `sourceHash`, a banner
 * linking back to the source, and the marked body.
 */
export function buildSkeleton(options: {
  data: Record<string, unknown>;
  description: string;
  body: string;
  source: string;
  sourceLocale: string;
  locale: string;
  sourceHash: string;
}): string {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options.data)) {
    if (key === 'i18n' || isTranslationMeta(key)) continue;
    fields[key] = key === 'description' ? `${TRANSLATE_MARKER} ${options.description}` : value;
  }
  fields['i18n'] = { source: options.source, sourceHash: options.sourceHash };
  const banner = `> **[${bannerLabel(options.sourceLocale)}](${options.source})** | **${bannerLabel(options.locale)}**`;
  const body = markBody(options.body).replace(/\n*$/, '\n');
  return `---\n${stringifyWithYaml(fields)}---\n\n${banner}\n\n${body}`;
}

/**
 * A translation still marked for translation (`i18n new`'s skeleton, not the canonical file): never installed,
 * nor shown unless asked for by name.
 */
export function isSkeletonTranslation(
  variant: { canonical: boolean; parsed: { spec?: { description: string } | undefined; body: string } } | undefined,
): boolean {
  return variant !== undefined && !variant.canonical && countMarked({ description: variant.parsed.spec?.description ?? '', body: variant.parsed.body }) > 0;
}
