import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCli } from '../helpers/cli.js';

// A missing banner link is hinted with the labels of the languages concerned (not always 日本語), and the
// banner the hint proposes is one agentpack reads back: following the hint ends the warning.

function catalog() {
  const { env, home } = isolatedEnv();
  const root = join(home, 'cat');
  const files = {
    en: join(root, 'agents', 'helper.md'),
    'zh-CN': join(root, 'i18n', 'zh-CN', 'agents', 'helper.md'),
    ko: join(root, 'i18n', 'ko', 'agents', 'helper.md'),
  };
  const bodies = { en: ['Helps with things', 'You help.'], 'zh-CN': ['帮助处理事务', '你来帮忙。'], ko: ['일을 돕습니다', '당신은 돕습니다.'] };
  for (const [locale, file] of Object.entries(files)) {
    mkdirSync(join(file, '..'), { recursive: true });
    const [description, body] = bodies[locale as keyof typeof bodies];
    writeFileSync(file, `---\nname: helper\ndescription: ${description}\n---\n\n${body}\n`);
  }
  return { env, home, root, files, run: (args: string[]) => runCli(args, { env, cwd: home }) };
}

/** The banner a hint proposes: `> **[…](…)** | **…**` or the link `**[…](…)**`. */
const proposed = (stdout: string, pattern: RegExp): string => pattern.exec(stdout)?.[1] ?? '';

describe('banner hints name the languages concerned', () => {
  it('zh-CN and ko translations: 简体中文 and 한국어, in both languages; the proposed banners are read back', async () => {
    const c = catalog();
    const en = await c.run(['validate', '--from', 'cat']);
    expect(en.stdout).toContain('hint: Add a banner on the first line after the front-matter, e.g. > **[English](../../../agents/helper.md)** | **简体中文**');
    expect(en.stdout).toContain('hint: Add a banner on the first line after the front-matter, e.g. > **[English](../../../agents/helper.md)** | **한국어**');
    expect(en.stdout).toContain('hint: Add a link such as **[简体中文](../i18n/zh-CN/agents/helper.md)** to the banner after the front-matter.');
    expect(en.stdout).toContain('hint: Add a link such as **[한국어](../i18n/ko/agents/helper.md)** to the banner after the front-matter.');
    expect(en.stdout).not.toContain('日本語');
    const ja = await c.run(['validate', '--from', 'cat', '--lang', 'ja']);
    expect(ja.stdout).toContain(
      'ヒント: フロントマター直後の行に、> **[English](../../../agents/helper.md)** | **简体中文** のようなバナーを追加してください。',
    );
    expect(ja.stdout).toContain('ヒント: フロントマター直後のバナーに **[한국어](../i18n/ko/agents/helper.md)** のようなリンクを追加してください。');

    // Follow the hints: the translations' banners, and the source's links to both.
    for (const locale of ['zh-CN', 'ko'] as const) {
      const banner = proposed(
        en.stdout,
        new RegExp(`e\\.g\\. (> \\*\\*\\[English\\]\\([^)]*\\)\\*\\* \\| \\*\\*${locale === 'ko' ? '한국어' : '简体中文'}\\*\\*)`),
      );
      expect(banner).not.toBe('');
      const file = c.files[locale];
      writeFileSync(file, readFileSync(file, 'utf8').replace('---\n\n', `---\n\n${banner}\n\n`));
    }
    const links = [...en.stdout.matchAll(/such as (\*\*\[[^\]]+\]\([^)]*\)\*\*)/g)].map((m) => m[1]);
    expect(links).toHaveLength(2);
    writeFileSync(c.files.en, readFileSync(c.files.en, 'utf8').replace('---\n\n', `---\n\n> **English** | ${links.join(' | ')}\n\n`));
    const after = await c.run(['validate', '--from', 'cat']);
    expect(after.stdout).not.toMatch(/BANNER_/);
    expect(after.stdout).toContain('Files checked: 3.');
  });

  it('a ja translation still gets 日本語 (control)', async () => {
    const { env, home } = isolatedEnv();
    mkdirSync(join(home, 'cat', 'agents'), { recursive: true });
    mkdirSync(join(home, 'cat', 'i18n', 'ja', 'agents'), { recursive: true });
    writeFileSync(join(home, 'cat', 'agents', 'helper.md'), '---\nname: helper\ndescription: Helps\n---\n\nYou help.\n');
    writeFileSync(join(home, 'cat', 'i18n', 'ja', 'agents', 'helper.md'), '---\nname: helper\ndescription: 手伝います\n---\n\nあなたは手伝います。\n');
    const r = await runCli(['validate', '--from', 'cat'], { env, cwd: home });
    expect(r.stdout).toContain('e.g. > **[English](../../../agents/helper.md)** | **日本語**');
    expect(r.stdout).toContain('**[日本語](../i18n/ja/agents/helper.md)**');
  });

  it('a regional tag (pt-BR) is named by its tag; i18n new writes the banner the hints propose, which reads back', async () => {
    const { env, home } = isolatedEnv();
    mkdirSync(join(home, 'cat', 'agents'), { recursive: true });
    mkdirSync(join(home, 'cat', 'i18n', 'pt-BR', 'agents'), { recursive: true });
    writeFileSync(join(home, 'cat', 'agents', 'helper.md'), '---\nname: helper\ndescription: Helps\n---\n\nYou help.\n');
    const ptFile = join(home, 'cat', 'i18n', 'pt-BR', 'agents', 'helper.md');
    writeFileSync(ptFile, '---\nname: helper\ndescription: Ajuda\n---\n\nVocê ajuda.\n');
    const r = await runCli(['validate', '--from', 'cat'], { env, cwd: home });
    expect(r.stdout).toContain('e.g. > **[English](../../../agents/helper.md)** | **pt-BR**');
    writeFileSync(ptFile, readFileSync(ptFile, 'utf8').replace('---\n\n', '---\n\n> **[English](../../../agents/helper.md)** | **pt-BR**\n\n'));
    const after = await runCli(['validate', '--from', 'cat'], { env, cwd: home });
    expect(after.stdout).not.toMatch(/BANNER_SOURCE_LINK_MISSING|BANNER_LINK_MISLABELLED/);
    // i18n new: the skeleton's banner names both languages as a banner reads them.
    const created = await runCli(['i18n', 'new', 'helper', '--locale', 'ko', '--from', 'cat'], { env, cwd: home });
    expect(created.code, created.stderr).toBe(0);
    const ko = readFileSync(join(home, 'cat', 'i18n', 'ko', 'agents', 'helper.md'), 'utf8');
    expect(ko).toContain('> **[English](../../../agents/helper.md)** | **한국어**');
    const checked = await runCli(['validate', '--from', 'cat'], { env, cwd: home });
    expect(checked.stdout).not.toMatch(/i18n\/ko\/agents\/helper\.md\n(?: {2}.*\n)* {2}warning BANNER_(?:SOURCE_LINK_MISSING|LINK_MISLABELLED)/);
  });
});
