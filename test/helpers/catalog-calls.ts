import ts from 'typescript';
import { calleeName, isCatalogLookup, parseSource, visit } from './source-scan.js';

/**
 * A place in the sources that fills a catalog message: `t('key', { … })`, `new AgentpackError({ code, params })`,
 * `makeDiagnostic({ code, params })`, `report(severity, 'CODE', { params })`. `provided` is each possible set of parameter names (a conditional
 * `cond ? {a, b} : {a}` gives two); undefined when the params cannot be read statically (a variable, a spread).
 */
export interface CatalogCall {
  file: string;
  line: number;
  keys: string[];
  provided: string[][] | undefined;
}

function objectKeys(node: ts.Expression | undefined): string[][] | undefined {
  if (node === undefined) return [[]];
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
  if (ts.isConditionalExpression(node)) {
    const a = objectKeys(node.whenTrue);
    const b = objectKeys(node.whenFalse);
    return a && b ? [...a, ...b] : undefined;
  }
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const keys: string[] = [];
  for (const prop of node.properties) {
    if (ts.isSpreadAssignment(prop)) return undefined;
    const name = prop.name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) keys.push(name.text);
    else return undefined;
  }
  return [keys];
}

function property(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const prop of obj.properties) {
    if (ts.isPropertyAssignment(prop) && ts.isIdentifier(prop.name) && prop.name.text === name) return prop.initializer;
    if (ts.isShorthandPropertyAssignment(prop) && prop.name.text === name) return prop.name;
  }
  return undefined;
}

export function catalogCalls(file: string): CatalogCall[] {
  const source = parseSource(file);
  const calls: CatalogCall[] = [];
  const line = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  visit(source, (node) => {
    if (isCatalogLookup(node) && calleeName(node) === 't') {
      const [key, params] = node.arguments;
      if (key && ts.isStringLiteralLike(key)) calls.push({ file, line: line(node), keys: [key.text], provided: objectKeys(params) });
    }
    // parse-agent's and check-fields' helper: report(severity, 'CODE', { line, params }).
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'report') {
      const [, code, extra] = node.arguments;
      if (code && ts.isStringLiteralLike(code) && /^[A-Z][A-Z0-9_]+$/.test(code.text)) {
        const provided = extra === undefined ? [[]] : ts.isObjectLiteralExpression(extra) ? objectKeys(property(extra, 'params')) : undefined;
        calls.push({ file, line: line(node), keys: [`diag.${code.text}`, `diag.${code.text}.hint`], provided });
      }
    }
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression)) {
      const kind =
        node.expression.text === 'AgentpackError' && ts.isNewExpression(node) ? 'error' : node.expression.text === 'makeDiagnostic' ? 'diag' : undefined;
      const arg = node.arguments?.[0];
      if (kind && arg && ts.isObjectLiteralExpression(arg)) {
        const code = property(arg, 'code');
        if (code && ts.isStringLiteralLike(code)) {
          const params = property(arg, 'params');
          const provided = params === undefined ? [[]] : objectKeys(params);
          calls.push({ file, line: line(node), keys: [`${kind}.${code.text}`, `${kind}.${code.text}.hint`], provided });
        }
      }
    }
  });
  return calls;
}
