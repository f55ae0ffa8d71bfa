import type { DiagnosticCode } from '../codes.js';
import { makeDiagnostic, type Diagnostic, type DiagnosticParams, type Severity } from '../diagnostics.js';

/** One part of a body: the text before the first heading (level 0) or a heading and what follows it. */
export interface BodySection {
  /** Heading text ('' for the text before the first heading). */
  title: string;
  /** 1–6 for a heading, 0 for the text before the first heading. */
  level: number;
  /** 1-based line in the file (of the heading, or where the body starts). */
  line: number;
  /** List items (any depth, bullets and numbers) up to the next heading. */
  items: number;
  /** Fenced code blocks that open before the next heading. */
  codeBlocks: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const THEMATIC_BREAK = /^\s*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The outline of a Markdown body: ATX headings, list items and fenced code blocks per section. Lines inside
 * fenced code blocks are neither headings nor items. `bodyLine` is the file line of the body's first line,
 * so every reported line is a line of the original file.
 */
export function extractStructure(options: { body: string; bodyLine: number }): BodySection[] {
  const sections: BodySection[] = [{ title: '', level: 0, line: options.bodyLine, items: 0, codeBlocks: 0 }];
  let fence: { char: string; length: number } | undefined;
  options.body.split('\n').forEach((text, index) => {
    const current = sections[sections.length - 1] as BodySection;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      return;
    }
    const open = FENCE_OPEN.exec(text);
    if (open?.[1]) {
      fence = { char: open[1][0] ?? '`', length: open[1].length };
      current.codeBlocks++;
      return;
    }
    const heading = HEADING.exec(text);
    if (heading?.[1]) {
      const title = (heading[2] ?? '')
        .replace(/[ \t]+#+[ \t]*$/, '')
        .replace(/^#+$/, '')
        .trim();
      sections.push({ title, level: heading[1].length, line: options.bodyLine + index, items: 0, codeBlocks: 0 });
      return;
    }
    if (ITEM.test(text) && !THEMATIC_BREAK.test(text)) current.items++;
  });
  return sections;
}

interface Side {
  body: string;
  bodyLine: number;
}

/**
 * Structural parity of a translation with its source (a cheap check that nothing was left out): the same headings (level and order), the
 * same number of list items and code blocks under each heading. Each difference names the section and the
 * line in both files. Sections are paired by position up to the first heading that differs.
 */
export function checkParity(options: { source: Side; translation: Side; file: string; severity: Severity }): Diagnostic[] {
  const a = extractStructure(options.source);
  const b = extractStructure(options.translation);
  const out: Diagnostic[] = [];
  const report = (code: DiagnosticCode, line: number, params: DiagnosticParams): void => {
    out.push(makeDiagnostic({ severity: options.severity, code, file: options.file, line, params }));
  };
  let paired = Math.min(a.length, b.length);
  for (let i = 1; i < paired; i++) {
    const s = a[i] as BodySection;
    const t = b[i] as BodySection;
    if (s.level !== t.level) {
      report('PARITY_HEADING_LEVEL', t.line, {
        section: s.title,
        line: s.line,
        level: s.level,
        translatedSection: t.title,
        translatedLine: t.line,
        translatedLevel: t.level,
      });
      paired = i;
      break;
    }
  }
  if (paired === Math.min(a.length, b.length) && a.length !== b.length) {
    const counts = { count: a.length - 1, translatedCount: b.length - 1 };
    const last = b[paired - 1] as BodySection;
    if (a.length > b.length) {
      const s = a[paired] as BodySection;
      report('PARITY_HEADING_MISSING', last.line, { section: s.title, line: s.line, translatedLine: last.line, ...counts });
    } else {
      const t = b[paired] as BodySection;
      const s = a[paired - 1] as BodySection;
      report('PARITY_HEADING_EXTRA', t.line, { translatedSection: t.title, translatedLine: t.line, line: s.line, ...counts });
    }
  }
  for (let i = 0; i < paired; i++) {
    const s = a[i] as BodySection;
    const t = b[i] as BodySection;
    const where = { section: s.title, line: s.line, translatedSection: t.title, translatedLine: t.line };
    if (s.items !== t.items) report(i === 0 ? 'PARITY_INTRO_ITEMS' : 'PARITY_ITEMS', t.line, { ...where, count: s.items, translatedCount: t.items });
    if (s.codeBlocks !== t.codeBlocks) {
      report(i === 0 ? 'PARITY_INTRO_CODE_BLOCKS' : 'PARITY_CODE_BLOCKS', t.line, { ...where, count: s.codeBlocks, translatedCount: t.codeBlocks });
    }
  }
  return out;
}
