import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { KEY, pickerFrames, runInPty, screenLines, snapshotTree } from '../helpers/pty.js';

// The picker in a real pseudo-terminal (python3's pty module drives the built binary): select, filter, accept
// the defaults, cancel; what it writes is compared byte for byte with what the same install without the picker
// writes, and a cancelled run leaves every file as it was.

const MIRROR = join(ROOT, 'test', 'fixtures', 'catalogs', 'ja-mirror');
const agentsDir = (home: string): string => join(home, '.claude', 'agents');
const read = (path: string): string => readFileSync(path, 'utf8');

describe('the install picker in a terminal', () => {
  it('en: filter, select two agents of a --from catalog, accept every default: the same files as install <names>', async () => {
    const { env, home } = isolatedEnv({ CI: 'false' });
    const r = await runInPty({
      args: ['install', '--from', MIRROR],
      env,
      cwd: home,
      steps: [
        ['wait', 'Agents to install'],
        ['send', 'rest endpoints'],
        ['wait', 'api-designer'],
        ['send', KEY.space],
        ['wait', '1 selected'],
        // Clear the search: every row is back, the selection kept.
        ...Array.from({ length: 'rest endpoints'.length }, (): ['send', string] => ['send', KEY.backspace]),
        ['send', 'review-kit'],
        ['wait', 'pr-summarizer'],
        ['send', KEY.space],
        ['wait', '2 selected'],
        ['send', KEY.enter],
        ['wait', 'Language:'],
        ['send', KEY.enter],
        ['wait', 'Go ahead with this plan?'],
        ['send', KEY.enter],
        ['wait', 'Installed'],
      ],
    });
    expect(r.failed, r.text).toBeNull();
    expect(r.code, r.text).toBe(0);
    // Each row: name, plugin, languages, installed state, the start of the description.
    expect(r.text).toMatch(/\[x\] api-designer +en ja +Designs REST endpoints/);
    expect(r.text).toMatch(/\[x\] pr-summarizer +review-kit +en ja +/);
    // Every row's description starts in one column, whatever its languages (en ja, en, ja).
    const frame = screenLines(r.raw.split('Agents to install')[1] ?? '');
    const at = (start: string): number => (frame.find((l) => l.includes(start)) ?? '').indexOf(start);
    const columns = ['Designs REST endpoints', 'Finds cache keys', '並行して作られた'].map(at);
    expect(columns[0]).toBeGreaterThan(0);
    expect(new Set(columns).size, JSON.stringify(columns)).toBe(1);
    expect(r.text).toContain('✔ Agents to install: api-designer, pr-summarizer');
    expect(r.text).toContain('✔ Language: English (en)');
    // Outside a project nothing asks for the scope: the user's folder.
    expect(r.text).not.toContain('Install for:');
    expect(r.text).toContain(`Dry run, nothing was changed. Plan for ${agentsDir(home)} (user):`);

    const plain = isolatedEnv();
    const cli = await runCli(['install', 'api-designer', 'pr-summarizer', '--from', MIRROR], { env: plain.env, cwd: plain.home });
    expect(cli.code, cli.stderr).toBe(0);
    for (const file of ['api-designer.md', 'pr-summarizer.md']) expect(read(join(agentsDir(home), file))).toBe(read(join(agentsDir(plain.home), file)));
    const manifest = (h: string): unknown => JSON.parse(read(join(agentsDir(h), '.agentpack.json'))).agents;
    expect(manifest(home)).toEqual(manifest(plain.home));
  });

  it('ja, 60 columns, in a project: the first screen, the Japanese default, the project offered; no line wider than 60', async () => {
    const { env, home } = isolatedEnv({ LANG: 'ja_JP.UTF-8' });
    const project = join(home, 'work', 'app');
    mkdirSync(join(project, '.git'), { recursive: true });
    const r = await runInPty({
      args: [],
      env,
      cwd: project,
      columns: 60,
      steps: [
        ['wait', '何をしますか？'],
        ['send', KEY.enter],
        ['wait', 'インストールするエージェント'],
        ['send', 'ml'],
        ['wait', '検索: ml'],
        ['send', KEY.space],
        ['wait', '1 個選択中'],
        ['send', KEY.enter],
        ['wait', '言語:'],
        ['send', KEY.enter],
        ['wait', 'インストール先:'],
        ['send', KEY.down],
        ['wait', '› このプロジェクト'],
        ['send', KEY.enter],
        ['wait', 'この計画で進めますか？'],
        ['send', KEY.enter],
        ['wait', 'インストールしました'],
      ],
    });
    expect(r.failed, r.text).toBeNull();
    expect(r.code, r.text).toBe(0);
    expect(r.text).toContain('› 日本語 (ja)（既定）');
    expect(r.text).toContain('› 自分（すべてのプロジェクト）:');
    expect(r.text).toContain('✔ 言語: 日本語 (ja)');
    const frames = pickerFrames(r.raw);
    expect(frames.some((l) => l.includes('↑↓ 移動 · Space 選択'))).toBe(true);
    for (const line of frames) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
    // Negative control: without the cut, the Japanese description would not have fitted.
    expect(frames.some((l) => l.includes('ml-engineer') && l.endsWith('…'))).toBe(true);
    const show = await runCli(['show', 'ml-engineer', '--locale', 'ja'], { env, cwd: project });
    expect(read(join(project, '.claude', 'agents', 'ml-engineer.md'))).toBe(show.stdout);
    expect(existsSync(agentsDir(home))).toBe(false);
  });

  it('a resized terminal: the frame is drawn again at once at the new width, with no key pressed', async () => {
    const { env, home } = isolatedEnv();
    const r = await runInPty({
      args: ['install', '--from', MIRROR],
      env,
      cwd: home,
      columns: 120,
      steps: [
        ['wait', 'Type to search'],
        ['resize', '60x24'],
        ['wait', 'Agents to install'],
        ['send', KEY.esc],
        ['wait', 'Cancelled'],
      ],
    });
    expect(r.failed, r.text).toBeNull();
    expect(r.code).toBe(1);
    const frames = r.raw.split('Agents to install');
    expect(frames.length, 'drawn twice: before and after the resize').toBeGreaterThanOrEqual(3);
    const lines = (raw: string): string[] => pickerFrames(`\x1b[?25l${raw}`).filter((l) => l.trim() !== '');
    const before = lines(frames[1] ?? '');
    const after = lines(frames.at(-1) ?? '');
    // Negative control: at 120 columns the rows were wider than 60.
    expect(Math.max(...before.map((l) => stringWidth(l)))).toBeGreaterThan(60);
    for (const line of after) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
    expect(after.some((l) => l.includes('api-designer') && l.endsWith('…'))).toBe(true);
    expect(existsSync(agentsDir(home))).toBe(false);
  });

  it('Ctrl-C in the list: exit 130, "Cancelled, nothing was written", every file as it was', async () => {
    const { env, home } = isolatedEnv();
    const setup = await runCli(['install', 'ml-engineer', '--locale', 'ja'], { env });
    expect(setup.code, setup.stderr).toBe(0);
    const before = snapshotTree(home);
    const r = await runInPty({
      args: ['install'],
      env,
      cwd: home,
      steps: [
        ['wait', 'Agents to install'],
        ['send', KEY.space],
        ['wait', '1 selected'],
        ['send', KEY.ctrlC],
        ['wait', 'Cancelled'],
      ],
    });
    expect(r.failed, r.text).toBeNull();
    expect(r.code).toBe(130);
    expect(r.text).toMatch(/\[x\] ml-engineer +en ja +✓ user/);
    expect(r.text).toContain('Cancelled, nothing was written.');
    expect(snapshotTree(home)).toEqual(before);
  });

  it('ja: Esc at the confirmation, after the plan: exit 1, nothing written', async () => {
    const { env, home } = isolatedEnv({ LANG: 'ja_JP.UTF-8' });
    mkdirSync(agentsDir(home), { recursive: true });
    const before = snapshotTree(home);
    const r = await runInPty({
      args: ['add', '--from', MIRROR],
      env,
      cwd: home,
      steps: [
        ['wait', 'インストールするエージェント'],
        ['send', 'task-divider'],
        ['wait', '検索: task-divider'],
        ['send', KEY.space],
        ['send', KEY.enter],
        ['wait', '言語:'],
        ['send', KEY.enter],
        ['wait', 'この計画で進めますか？'],
        ['send', KEY.esc],
        ['wait', '中止しました'],
      ],
    });
    expect(r.failed, r.text).toBeNull();
    expect(r.code).toBe(1);
    // A Japanese-only agent: its one language is the default.
    expect(r.text).toContain('✔ 言語: 日本語 (ja)');
    expect(r.text).toContain('ドライランです（何も変更していません）。');
    expect(r.text).toContain('中止しました。何も書き込んでいません。');
    expect(snapshotTree(home)).toEqual(before);
  });

  it('Esc in the first screen, with colour off by --no-color: nothing drawn in colour, nothing written', async () => {
    const { env, home } = isolatedEnv({ NO_COLOR: undefined, TERM: 'xterm-256color' });
    const dir = tempDir();
    const r = await runInPty({
      args: ['--no-color'],
      env,
      cwd: dir,
      steps: [
        ['wait', 'What do you want to do?'],
        ['send', KEY.esc],
        ['wait', 'Cancelled'],
      ],
    });
    expect(r.code).toBe(1);
    // Only cursor and erase sequences: no SGR (colour) code.
    expect(r.raw).not.toMatch(/\x1b\[[0-9;]*m/);
    expect(existsSync(join(home, '.claude'))).toBe(false);
    // Negative control: the same run without --no-color draws in colour.
    const coloured = await runInPty({
      args: [],
      env,
      cwd: dir,
      steps: [
        ['wait', 'What do you want to do?'],
        ['send', KEY.esc],
        ['wait', 'Cancelled'],
      ],
    });
    expect(coloured.raw).toMatch(/\x1b\[[0-9;]*m/);
  });
});
