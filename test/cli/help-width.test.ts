import { spawn, spawnSync } from 'node:child_process';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { BIN, isolatedEnv } from '../helpers/cli.js';
import { allCommands, programFor } from '../helpers/in-process.js';

// Every help page in a real 60-column terminal (util-linux `script` gives agentpack a pseudo-terminal, `stty`
// sets its width: Node reads the width from the terminal, not from COLUMNS), in English and Japanese: no line
// wider than the terminal (Japanese counted at full width), nothing lost against the 80-column help of a pipe,
// no word broken, and long terms stacked over their descriptions.

const COLUMNS = 60;
const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const PAGES = allCommands(programFor('en').program).map(({ path }) => path.split(' ').slice(1));

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

function output(command: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve(out.replace(/\r\n/g, '\n')));
  });
}

/** `agentpack <args>` with its stdout on a terminal `COLUMNS` wide. */
function inTerminal(args: string[], env: Record<string, string>): Promise<string> {
  const line = `stty cols ${COLUMNS} rows 200; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  return output('script', ['-qec', line, '/dev/null'], env);
}

/** The text without its layout: whitespace, and the `# ` that starts each line of an example's comment. */
const squash = (text: string): string => text.replace(/^ *# /gm, '').replace(/\s+/g, '');
const words = (text: string): string[] => text.replace(/^ *# /gm, '').split(/\s+/).filter(Boolean).sort();
/** Japanese words a line must never split (ux review §3). */
const WHOLE = ['切り替え', '読み込み', '問い合わせ', 'インストール済み'];

describe.skipIf(!HAS_SCRIPT)(`help at ${COLUMNS} columns in a real terminal${HAS_SCRIPT ? '' : ' (skipped: util-linux script is not installed)'}`, () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: every page fits, keeps every line of the help, and breaks no word`, async () => {
      const { env } = isolatedEnv({ AGENTPACK_LANG: lang, TERM: 'xterm' });
      const pages = await Promise.all(
        PAGES.map(async (words) => ({
          words,
          narrow: await inTerminal([...words, '--help'], env),
          wide: await output(process.execPath, [BIN, ...words, '--help'], env),
        })),
      );
      for (const { words: page, narrow, wide } of pages) {
        const label = `${lang} ${page.join(' ') || '(program)'}`;
        expect(narrow, label).toMatch(lang === 'en' ? /^Usage: agentpack/ : /^使い方: agentpack/);
        expect(
          wide.split('\n').some((l) => stringWidth(l) > COLUMNS),
          `${label}: the pipe's help is the wider one`,
        ).toBe(true);
        for (const line of narrow.split('\n')) expect(stringWidth(line), `${label}: ${line}`).toBeLessThanOrEqual(COLUMNS);
        // Nothing lost or added: the same text, laid out again.
        expect(squash(narrow), label).toBe(squash(wide));
        if (lang === 'en') expect(words(narrow), `${label}: a word broken`).toEqual(words(wide));
        const lines = narrow.split('\n');
        for (const [i, line] of lines.entries()) {
          const next = lines[i + 1]?.trimStart() ?? '';
          // Never a break before 、。）」 or after （「, nor before a particle or okurigana that follows a word.
          expect(next, `${label}: ${line} / ${next}`).not.toMatch(/^[、。）」]/);
          expect(line, label).not.toMatch(/[（「]$/);
          if (/[\p{Script=Han}\p{Script=Katakana}A-Za-z0-9ー]$/u.test(line) && next !== '')
            expect(next, `${label}: ${line} / ${next}`).not.toMatch(/^\p{Script=Hiragana}/u);
        }
        for (const word of WHOLE) {
          const inText = squash(narrow).split(word).length - 1;
          const onOneLine = lines.reduce((n, l) => n + l.split(word).length - 1, 0);
          expect(onOneLine, `${label}: ${word} split across lines`).toBe(inText);
        }
      }
      // A term too long for the description column stands on its own line.
      const program = pages.find((p) => p.words.length === 0)?.narrow ?? '';
      const term = lang === 'en' ? '  locale|switch [options] [locale] [agents...]' : '  locale|switch [オプション] [言語] [エージェント...]';
      expect(program.split('\n')).toContain(term);
      if (lang === 'ja') expect(squash(pages.map((p) => p.narrow).join(''))).toContain('切り替え');
    }, 60_000);
  }
});
