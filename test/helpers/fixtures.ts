import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/** The Japanese seed exactly as delivered (../shared/seed/000_db40e43e05501209.txt), banner before the front-matter. */
export const SEED_PATH = join(ROOT, 'test', 'fixtures', 'seed', 'ml-engineer.ja.seed.md');
export const SEED_SHA256 = '17f876ae0cda3a15e5290c709ad65c373bfde76117513626c1bb337c52fcce99';
export const SEED_DESCRIPTION =
  'PyTorch 2.x、TensorFlow、および現代のMLフレームワークで本番MLシステムを構築します。モデルサービング、特徴量エンジニアリング、A/Bテスト、監視を実装します。MLモデルデプロイメント、推論最適化、または本番ML基盤にPROACTIVELYに使用してください。';
export const SEED_BANNER = '> **[English](../../../../../machine-learning-ops/agents/ml-engineer.md)** | **日本語**';

export const EN_PATH = join(ROOT, 'agents', 'ml-engineer.md');
export const JA_PATH = join(ROOT, 'locales', 'ja', 'agents', 'ml-engineer.md');

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/**
 * The seed's body cut out by hand, without the loader: everything after the blank line that follows the
 * closing `---` of the front-matter. Used to check the loader and the renderer against the raw bytes.
 */
export function rawSeedBody(): string {
  const text = readText(SEED_PATH);
  const open = text.indexOf('\n---\n');
  const close = text.indexOf('\n---\n', open + 1);
  const after = text.slice(close + '\n---\n'.length);
  if (!after.startsWith('\n')) throw new Error('seed layout changed: expected a blank line after the front-matter');
  return after.slice(1);
}
