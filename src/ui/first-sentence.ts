import { claudeDescription } from '../core/claude/rules.js';

/**
 * Blocks of examples that real descriptions carry after what the agent does (`<example>…</example>`,
 * `<commentary>`), also when never closed. The opening tag is bounded so that a text of many unclosed
 * `<example` stays linear.
 */
const EXAMPLE_BLOCK = /<(example|commentary)\b[^>\n]{0,200}>[\s\S]*?(?:<\/\1\s*>|$)/gi;
/** A sentence ends at `.`, `!` or `?` before a blank, or at Japanese `。！？`. */
const SENTENCE_END = /[.!?](?=\s|$)|[。！？]/g;
/** Abbreviations whose dot does not end a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|incl)$/i;
/** A label left alone at the end once the examples it announced are folded away (`Examples:`). */
const TRAILING_LABEL = /\s*(?:examples?|for example|例)\s*[:：]$/i;
const WIDE_EDGE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Two lines of one paragraph joined: with a space, or with none between Japanese characters. */
function joinLines(before: string, line: string): string {
  if (before === '') return line;
  const glue = WIDE_EDGE.test(before.slice(-1)) && WIDE_EDGE.test(line.charAt(0)) ? '' : ' ';
  return `${before}${glue}${line}`;
}

/** Where the first sentence of `text` ends (after its closing mark), or -1. */
function sentenceEnd(text: string): number {
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (match[0] === '.' && ABBREVIATION.test(text.slice(Math.max(0, match.index - 8), match.index))) continue;
    return end;
  }
  return -1;
}

/**
 * The first sentence of a description as Claude Code shows it, on one line: `<example>` blocks folded away,
 * then the first paragraph, up to the first line that ends a sentence, cut at the first sentence end
 * (`. `, `。`, `!`, `?`); a label such as `Examples:` left at its end is dropped. Blanks become single
 * spaces. A description that is nothing but examples is given whole, on one line.
 */
export function firstSentence(description: string): string {
  // Descriptions recorded before agentpack showed them as Claude Code does may still hold a literal `\n`.
  const text = claudeDescription(description).replace(/\r\n?/g, '\n').replace(EXAMPLE_BLOCK, '\n\n');
  let paragraph = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      if (paragraph !== '') break;
      continue;
    }
    paragraph = joinLines(paragraph, line);
    if (sentenceEnd(line) !== -1) break;
  }
  const folded = paragraph.replace(/\s+/g, ' ').trim();
  const end = sentenceEnd(folded);
  const sentence = (end === -1 ? folded : folded.slice(0, end)).replace(TRAILING_LABEL, '');
  return sentence !== '' ? sentence : text.replace(/\s+/g, ' ').trim() || description.replace(/\s+/g, ' ').trim();
}
