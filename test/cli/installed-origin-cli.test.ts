import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/core/manifest/manifest.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';

// Issue 4 item 7, through the built CLI: the manifest records the origin; list and status show it.
const OTHER_HASH = `sha256:${'0'.repeat(64)}`;

async function installed(locale: 'en' | 'ja'): Promise<{ env: Record<string, string>; manifestPath: string }> {
  const { env, home } = isolatedEnv();
  expect((await runCli(['install', 'ml-engineer', '--locale', locale], { env })).code).toBe(0);
  return { env, manifestPath: join(home, '.claude', 'agents', '.agentpack.json') };
}

function editEntry(path: string, edit: (entry: Record<string, unknown>) => void): void {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { agents: Record<string, Record<string, unknown>> };
  edit(data.agents['ml-engineer'] as Record<string, unknown>);
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}

const userInstalled = (stdout: string): Record<string, unknown> => JSON.parse(stdout).agents[0].installed.user;

describe('installed origin in the manifest, list and status', { timeout: 60_000 }, () => {
  it('install records translationStatus (current for ja, source for en), sorted keys, parseable', async () => {
    const ja = await installed('ja');
    const text = readFileSync(ja.manifestPath, 'utf8');
    const parsed = parseManifest(text);
    expect(parsed.ok && parsed.manifest.agents['ml-engineer']?.translationStatus).toBe('current');
    expect(text).toMatch(/"sourceHash": "sha256:[0-9a-f]{64}",\n\s+"translationStatus": "current"\n/);
    const list = await runCli(['list', '--json'], { env: ja.env });
    expect(userInstalled(list.stdout)).toMatchObject({
      locale: 'ja',
      state: 'ok',
      origin: { translationStatus: 'current', translationWasCurrent: true, updateDue: false },
    });
    const en = await installed('en');
    expect(readFileSync(en.manifestPath, 'utf8')).toContain('"translationStatus": "source"');
    const listEn = await runCli(['list', '--json'], { env: en.env });
    expect(userInstalled(listEn.stdout)).toMatchObject({ origin: { translationStatus: 'source', translationWasCurrent: null, updateDue: false } });
    const status = await runCli(['status'], { env: ja.env });
    expect(status.stdout).not.toContain('update available');
  });

  it('a recorded source hash that differs from the package: updateDue for the English variant, until update records it again', async () => {
    const { env, manifestPath } = await installed('en');
    editEntry(manifestPath, (e) => {
      e['sourceHash'] = OTHER_HASH;
    });
    const list = await runCli(['list', '--json'], { env });
    expect(userInstalled(list.stdout)).toEqual(
      expect.objectContaining({ state: 'ok', origin: { translationStatus: 'source', translationWasCurrent: null, updateDue: true } }),
    );
    expect((await runCli(['list'], { env })).stdout).toContain('en ok, update available');
    const status = await runCli(['status'], { env });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('info UPDATE_DUE ml-engineer (en): its source (this package) changed since it was installed (update available).');
    expect(status.stdout).toContain('hint: Update it: agentpack update ml-engineer');
    expect((await runCli(['update', 'ml-engineer'], { env })).code).toBe(0);
    expect(userInstalled((await runCli(['list', '--json'], { env })).stdout)).toMatchObject({ origin: { updateDue: false } });
    expect((await runCli(['status'], { env })).stdout).not.toContain('update available');
  });

  it('installed in Japanese, only the English source changed: "no updated Japanese translation yet", not an update update cannot apply', async () => {
    const { env, manifestPath } = await installed('ja');
    editEntry(manifestPath, (e) => {
      e['sourceHash'] = OTHER_HASH;
      e['translationStatus'] = 'outdated';
    });
    const list = await runCli(['list', '--json'], { env });
    expect(userInstalled(list.stdout)).toMatchObject({
      state: 'ok',
      origin: { translationStatus: 'outdated', translationWasCurrent: false, updateDue: false, translationBehind: true, sourceLocale: 'en' },
    });
    const human = await runCli(['list'], { env });
    expect(human.stdout).toContain('ja ok, English source changed, no updated Japanese translation yet, translation was not current');
    expect(human.stdout).not.toContain('update available');
    const ja = await runCli(['list', '--lang', 'ja'], { env });
    expect(ja.stdout).toContain('ja 正常、英語の原文が変更済み、日本語の翻訳は未更新、インストール時の翻訳が古い');

    const status = await runCli(['status'], { env });
    expect(status.code).toBe(0);
    expect(status.stdout).not.toContain('update available');
    expect(status.stdout).toContain(
      'info TRANSLATION_BEHIND ml-engineer (ja): the English source changed since it was installed; this package has no updated Japanese translation yet.',
    );
    expect(status.stdout).toContain('hint: To get the new text, switch to English: agentpack locale en ml-engineer');
    expect(status.stdout).toContain('was installed from a translation that was outdated');
    const statusJa = await runCli(['status', '--lang', 'ja'], { env });
    expect(statusJa.stdout).toContain(
      'ml-engineer（ja）: インストール後に英語の原文が変わりましたが、日本語の翻訳はまだ更新されていません（インストール元: このパッケージ）。',
    );
    const statusJson = JSON.parse((await runCli(['status', '--json'], { env })).stdout);
    expect(statusJson.scopes[0].files[0].installed).toEqual({
      locale: 'ja',
      state: 'ok',
      origin: { translationStatus: 'outdated', translationWasCurrent: false, updateDue: false, translationBehind: true, sourceLocale: 'en' },
    });
    const codes = statusJson.findings.map((f: { code: string }) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['TRANSLATION_BEHIND', 'INSTALLED_FROM_STALE_TRANSLATION']));
    expect(codes).not.toContain('UPDATE_DUE');

    // update has no file to write; it records the origin again (here: the package's translation is current).
    expect((await runCli(['update', 'ml-engineer'], { env })).code).toBe(0);
    const after = await runCli(['list', '--json'], { env });
    expect(userInstalled(after.stdout)).toMatchObject({ origin: { translationWasCurrent: true, updateDue: false } });
    expect(userInstalled(after.stdout)['origin']).not.toHaveProperty('translationBehind');
    expect((await runCli(['status'], { env })).stdout).not.toContain('TRANSLATION_BEHIND');
  });

  it('a manifest written before the field existed still loads: no translationStatus, updateDue judged by the source hash', async () => {
    const { env, manifestPath } = await installed('ja');
    editEntry(manifestPath, (e) => {
      delete e['translationStatus'];
    });
    const list = await runCli(['list', '--json'], { env });
    expect(list.code).toBe(0);
    expect(userInstalled(list.stdout)).toMatchObject({ state: 'ok', origin: { translationStatus: null, translationWasCurrent: null, updateDue: false } });
    expect((await runCli(['status'], { env })).code).toBe(0);
  });
});
