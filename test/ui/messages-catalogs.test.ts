import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, ERROR_CODES } from '../../src/core/codes.js';
import { ROOT } from '../helpers/cli.js';

const load = (lang: string): Record<string, string> => JSON.parse(readFileSync(join(ROOT, 'locales', lang, 'messages.json'), 'utf8')) as Record<string, string>;
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

describe('message catalogs', () => {
  const en = load('en');
  const ja = load('ja');

  it('have the same keys and the same placeholders in English and Japanese', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(placeholders(ja[key] ?? ''), key).toEqual(placeholders(en[key] ?? ''));
  });

  it('hold a message and a hint for every code, in both languages', () => {
    for (const catalog of [en, ja]) {
      for (const code of DIAGNOSTIC_CODES) for (const key of [`diag.${code}`, `diag.${code}.hint`]) expect(catalog[key], key).toBeTruthy();
      for (const code of ERROR_CODES) for (const key of [`error.${code}`, `error.${code}.hint`]) expect(catalog[key], key).toBeTruthy();
    }
  });

  it('are sorted by key with two-space indentation and a final newline', () => {
    for (const lang of ['en', 'ja']) {
      const text = readFileSync(join(ROOT, 'locales', lang, 'messages.json'), 'utf8');
      const data = JSON.parse(text) as Record<string, string>;
      const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(text).toBe(`${JSON.stringify(sorted, null, 2)}\n`);
    }
  });

  it('write Japanese translation statuses in Japanese', () => {
    for (const s of ['current', 'outdated', 'untracked', 'missing', 'invalid', 'orphaned']) {
      expect(ja[`i18n.status.${s}`]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(ja[`i18n.status.${s}`]).toContain(`(${s})`);
    }
  });
});
