import { describe, expect, it } from 'vitest';
import { findUserFacingLiterals, parseSource, sourceFiles, type Finding } from '../helpers/source-scan.js';

/**
 * Every human-readable string the CLI prints comes from locales/{en,ja}/messages.json. This scans
 * src/cli and src/ui (the code that prints) for literals that would reach the user in one language only.
 *
 * Rules (test/helpers/source-scan.ts):
 * - printed: a literal with any letter inside what is printed — `.write(…)`, `.description(…)`,
 *   `.summary(…)`, `.usage(…)`, `.addHelpText(_, …)`, `.option(_, …)`, `.argument(_, …)`,
 *   `new Option(_, …)`, `new Argument(_, …)`, `.helpOption(_, …)`, `.version(_, _, …)`, `.default(_, …)`,
 *   `console.*(…)`, style painters `.error/.warning/.info/.ok/.dim/.bold(…)`, including template literals
 *   and concatenations there (catalog lookups `t(…)` and `JSON.stringify(…)` excepted);
 * - prose: anywhere, a literal with two words or any Japanese, except imports, property names, types and
 *   catalog keys.
 *
 * To fix a finding: add a key to BOTH catalogs and print `ctx.messages.t('your.key', { … })`. Only code-like
 * text (a flag, a file name) may go in ALLOWED below, with the reason.
 */
const ALLOWED: { file: string; literal: string; reason: string }[] = [];

const SCANNED = [...sourceFiles('src/cli'), ...sourceFiles('src/ui')];
const FINDINGS = SCANNED.flatMap((file) => findUserFacingLiterals(parseSource(file)));

function describeFinding(f: Finding): string {
  return `${f.file}:${f.line}  ${JSON.stringify(f.literal)}  (${f.rule === 'printed' ? `printed by ${f.where}` : 'prose outside the catalogs'})`;
}

describe('no user-facing literal outside the catalogs', () => {
  it('scans the printing code', () => {
    expect(SCANNED).toContain('src/cli/program/run.ts');
    expect(SCANNED).toContain('src/ui/diagnostics.ts');
    expect(SCANNED.length).toBeGreaterThanOrEqual(15);
  });

  it('src/cli and src/ui print only catalog text', () => {
    const unexpected = FINDINGS.filter((f) => !ALLOWED.some((a) => a.file === f.file && a.literal === f.literal));
    const report = unexpected.map(describeFinding).join('\n');
    expect(
      unexpected,
      `User-facing text outside locales/{en,ja}/messages.json:\n${report}\n` +
        'Move each to both catalogs and print ctx.messages.t(key, params); only code-like text belongs in ALLOWED (test/package/no-hardcoded-strings.test.ts).',
    ).toEqual([]);
  });

  it('every allow-list entry is still needed', () => {
    const stale = ALLOWED.filter((a) => !FINDINGS.some((f) => f.file === a.file && f.literal === a.literal));
    expect(stale, 'remove these ALLOWED entries: the code no longer has them').toEqual([]);
  });
});

describe('the scanner itself', () => {
  const scan = (code: string): { literal: string; rule: string }[] =>
    findUserFacingLiterals(parseSource('src/cli/fixture.ts', code)).map(({ literal, rule }) => ({ literal, rule }));

  it('finds printed literals, in sinks, templates and concatenations', () => {
    const code = [
      "ctx.stdout.write('Installed\\n');",
      'ctx.stdout.write(`Wrote ${n} files\\n`);',
      "ctx.stderr.write(prefix + 'done');",
      "program.command('x').description('do things').option('--dry-run', 'show the plan').argument('<agent>', 'agent name');",
      "const o = new Option('--force', 'overwrite');",
      "console.log('hello');",
      "line = style.ok('ok');",
      "cmd.addHelpText('after', 'Examples:');",
    ].join('\n');
    expect(scan(code)).toEqual([
      { literal: 'Installed\n', rule: 'printed' },
      { literal: 'Wrote ${…} files\n', rule: 'printed' },
      { literal: 'done', rule: 'printed' },
      { literal: 'do things', rule: 'printed' },
      { literal: 'show the plan', rule: 'printed' },
      { literal: 'agent name', rule: 'printed' },
      { literal: 'overwrite', rule: 'printed' },
      { literal: 'hello', rule: 'printed' },
      { literal: 'ok', rule: 'printed' },
      { literal: 'Examples:', rule: 'printed' },
    ]);
  });

  it('finds prose anywhere: English sentences and any Japanese', () => {
    const code = ["lines.push('No agents installed');", "const label = '警告';", 'const msg = `Skipped ${name} because it changed`;'].join('\n');
    expect(scan(code).map((f) => f.literal)).toEqual(['No agents installed', '警告', 'Skipped ${…} because it changed']);
  });

  it('leaves code alone: catalog lookups, JSON, imports, flags, keys, types, property names', () => {
    const code = [
      "import { x } from '../../some module.js';",
      "ctx.stdout.write(`${ctx.messages.t('install.done', { agent: 'ml-engineer' })}\\n`);",
      "ctx.stdout.write(t('label.error'));",
      'ctx.stdout.write(`${JSON.stringify({ ok: true, state: "not-installed" }, null, 2)}\\n`);',
      "program.option('--dry-run', t('opt.dryRun')).version(v, '-V, --version', t('opt.version'));",
      "const titles = { 'Global Options:': t('help.globalOptions') };",
      "type Kind = 'error words' | 'warning';",
      "const mod = await import('../actions/list.js');",
      "ctx.stdout.write('\\n');",
      "ctx.stdout.write(lines.join('\\n'));",
      'const key = messages.find(`help.placeholder.${name}`);',
      "const p = join(dir, '.agentpack.json');",
    ].join('\n');
    expect(scan(code)).toEqual([]);
  });
});
