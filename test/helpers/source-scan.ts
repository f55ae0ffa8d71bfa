import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from './cli.js';

/** Every `.ts` file under `dir` (relative to the repository), sorted. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(relative(ROOT, path).split('\\').join('/'));
    }
  };
  walk(join(ROOT, dir));
  return out.sort();
}

export function parseSource(file: string, text = readFileSync(join(ROOT, file), 'utf8')): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

// biome-ignore lint/suspicious/noConfusingVoidType: a visitor returns false to skip a node's children, or nothing
export function visit(node: ts.Node, fn: (node: ts.Node) => boolean | void): void {
  if (fn(node) === false) return;
  ts.forEachChild(node, (child) => visit(child, fn));
}

/** Name of the called function: `t`, `write` for `ctx.stdout.write`, `Option` for `new Option`. */
export function calleeName(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** `t(…)`, `x.t(…)`, `messages.find(…)`, `messages.describe(…)`: a catalog lookup, whose arguments are keys and params. */
export function isCatalogLookup(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  const name = calleeName(node);
  if (name === 't') return true;
  if ((name === 'find' || name === 'describe') && ts.isPropertyAccessExpression(node.expression)) {
    return /messages$/i.test(node.expression.expression.getText());
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------
// User-facing literals

export interface Finding {
  file: string;
  line: number;
  literal: string;
  rule: 'printed' | 'prose';
  where: string;
}

/**
 * Calls whose arguments at these positions end up in front of the user: output streams, commander help
 * texts, colour painters. `all` = every argument.
 */
const METHOD_SINKS: Record<string, number[] | 'all'> = {
  write: [0],
  description: [0],
  summary: [0],
  usage: [0],
  addHelpText: [1],
  helpGroup: [0],
  optionsGroup: [0],
  commandsGroup: [0],
  showHelpAfterError: [0],
  option: [1],
  requiredOption: [1],
  argument: [1],
  helpOption: [1],
  helpCommand: [1],
  version: [2],
  default: [1],
  error: [0],
  warning: [0],
  info: [0],
  ok: [0],
  dim: [0],
  bold: [0],
  log: 'all',
  warn: 'all',
  debug: 'all',
};
const CONSTRUCTOR_SINKS: Record<string, number[]> = { Option: [1], Argument: [1], InvalidArgumentError: [0], CommanderError: [2] };

const LETTER = /\p{L}/u;
/** Two words, or any Japanese: prose, wherever it stands. */
const PROSE = /\p{L}{2,}[ \t]+\p{L}{2,}|[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

type LiteralNode = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression;

function isLiteralNode(node: ts.Node): node is LiteralNode {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
}

const HOLE = '${…}';

/** The text of a literal; a template's interpolations show as `${…}`. */
function literalText(node: LiteralNode): string {
  if (!ts.isTemplateExpression(node)) return node.text;
  return node.head.text + node.templateSpans.map((span) => HOLE + span.literal.text).join('');
}

/** The static text only (what the source itself contributes). */
function staticText(node: LiteralNode): string {
  return literalText(node).split(HOLE).join(' ');
}

/** Literals that are code, not text: module names, property names, type positions, catalog keys. */
function isCodeLiteral(node: LiteralNode): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) return true;
  if (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  if (ts.isImportTypeNode(parent) || ts.isLiteralTypeNode(parent)) return true;
  if (
    (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) &&
    parent.name === node
  )
    return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  for (let up: ts.Node | undefined = parent; up; up = up.parent) {
    if (ts.isTypeNode(up)) return true;
    if (isCatalogLookup(up)) return true;
  }
  return false;
}

/** Literal texts inside an expression that is printed (stops at catalog lookups and JSON.stringify). */
function printedLiterals(node: ts.Node, out: LiteralNode[]): void {
  if (isCatalogLookup(node)) return;
  if (ts.isCallExpression(node) && node.expression.getText() === 'JSON.stringify') return;
  if (ts.isPropertyAssignment(node)) {
    printedLiterals(node.initializer, out);
    return;
  }
  if (isLiteralNode(node)) out.push(node);
  ts.forEachChild(node, (child) => printedLiterals(child, out));
}

function sinkArguments(node: ts.Node): { args: ts.Expression[]; where: string } | undefined {
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const name = node.expression.name.text;
    const receiver = node.expression.expression.getText();
    const positions = receiver === 'console' ? 'all' : Object.hasOwn(METHOD_SINKS, name) ? METHOD_SINKS[name] : undefined;
    if (!positions) return undefined;
    const args = positions === 'all' ? [...node.arguments] : positions.map((i) => node.arguments[i]).filter((a): a is ts.Expression => a !== undefined);
    return { args, where: `.${name}(…)` };
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
    const positions = Object.hasOwn(CONSTRUCTOR_SINKS, node.expression.text) ? CONSTRUCTOR_SINKS[node.expression.text] : undefined;
    if (!positions) return undefined;
    const args = positions.map((i) => node.arguments?.[i]).filter((a): a is ts.Expression => a !== undefined);
    return { args, where: `new ${node.expression.text}(…)` };
  }
  return undefined;
}

/**
 * Two rules, over one file:
 * - `printed`: a literal containing any letter, in an argument that is printed (see METHOD_SINKS);
 * - `prose`: a literal anywhere that reads like a sentence (two words, or any Japanese), except code
 *   positions (imports, property names, types, catalog keys).
 */
export function findUserFacingLiterals(source: ts.SourceFile): Finding[] {
  const found = new Map<number, Finding>();
  const add = (node: LiteralNode, rule: Finding['rule'], where: string): void => {
    if (found.has(node.getStart())) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.set(node.getStart(), { file: source.fileName, line, literal: literalText(node), rule, where });
  };
  visit(source, (node) => {
    const sink = sinkArguments(node);
    if (sink) {
      for (const arg of sink.args) {
        const literals: LiteralNode[] = [];
        printedLiterals(arg, literals);
        for (const lit of literals) if (LETTER.test(staticText(lit))) add(lit, 'printed', sink.where);
      }
    }
    if (isLiteralNode(node) && PROSE.test(staticText(node)) && !isCodeLiteral(node)) add(node, 'prose', 'literal');
  });
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, finding]) => finding);
}
