// Deterministic synthetic agent catalogs for the benchmark (DESIGN §2 layout):
//   <root>/agents/<name>.md               canonical (English)
//   <root>/locales/ja/agents/<name>.md    Japanese translation with an i18n link and a banner
// Same seed + same count = same bytes. Sizes are drawn between 5 and 12 KB like real subagent files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a tiny seeded PRNG, good enough for synthetic text. */
export function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

// biome-ignore format: a hand-packed list of values, one line per group
const TECH = ['PyTorch 2.x', 'TensorFlow', 'JAX', 'Kubernetes', 'Docker', 'Apache Spark', 'Ray', 'MLflow', 'Airflow', 'Kafka', 'Redis',
  'PostgreSQL', 'ONNX Runtime', 'Triton', 'Terraform', 'Prometheus', 'Grafana', 'FastAPI', 'gRPC', 'TypeScript', 'Rust', 'Go', 'React', 'Next.js'];
// biome-ignore format: a hand-packed list of values, one line per group
const EN_NOUNS = ['model', 'inference', 'feature', 'pipeline', 'dataset', 'training', 'hyperparameter', 'monitoring', 'deployment', 'metric',
  'reproducibility', 'cache', 'batch', 'stream', 'latency', 'throughput', 'cost', 'security', 'drift', 'experiment', 'log', 'alert',
  'incident', 'scaling', 'container', 'quality', 'documentation', 'review', 'test', 'refactoring', 'type safety', 'dependency',
  'configuration', 'permission', 'production', 'validation', 'benchmark', 'schema', 'migration', 'rollout'];
const EN_VERBS = ['Designs', 'Implements', 'Optimizes', 'Automates', 'Monitors', 'Validates', 'Improves', 'Documents', 'Reviews', 'Scales'];
const EN_LINKS = ['for', 'with', 'across', 'around', 'through', 'alongside'];
// biome-ignore format: a hand-packed list of values, one line per group
const JA_NOUNS = ['モデル', '推論', '特徴量', 'パイプライン', 'データセット', '分散学習', 'ハイパーパラメータ', '監視', 'デプロイメント', '評価指標',
  '再現性', 'キャッシュ', 'バッチ処理', 'ストリーミング', 'レイテンシ', 'スループット', 'コスト最適化', 'セキュリティ', 'ドリフト検出', '実験管理',
  'ログ', 'アラート', '障害対応', 'スケーリング', 'コンテナ', '品質保証', 'ドキュメント', 'コードレビュー', 'テスト', 'リファクタリング',
  '型安全性', '依存関係', '設定管理', '権限', '本番環境', 'データ検証', 'ベンチマーク', 'スキーマ', '移行', '段階的リリース'];
const JA_LINKS = ['のための', 'を用いた', 'に基づく', 'と連携した', 'を考慮した', 'による'];
const JA_ENDS = [
  'を設計します。',
  'を実装します。',
  'を最適化します。',
  'を自動化します。',
  'を監視します。',
  'を検証します。',
  'を改善します。',
  'を文書化します。',
  'をレビューします。',
  'を拡張します。',
];
const SECTIONS = [
  ['Purpose', '目的'],
  ['Capabilities', '能力'],
  ['Behavioral Traits', '行動特性'],
  ['Knowledge Base', '知識ベース'],
  ['Response Approach', '対応アプローチ'],
  ['Example Interactions', '対応例'],
];
const ROLES = ['engineer', 'architect', 'reviewer', 'analyst', 'specialist', 'auditor', 'operator', 'designer'];
const DOMAINS = ['ml', 'data', 'backend', 'frontend', 'security', 'platform', 'mobile', 'cloud', 'database', 'devops', 'api', 'test'];
const MODELS = ['sonnet', 'opus', 'haiku', 'inherit'];
const COLORS = ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'pink', 'cyan'];

export function sentence(r) {
  const en = `${r.pick(EN_VERBS)} ${r.pick(EN_NOUNS)} ${r.pick(EN_LINKS)} ${r.pick(EN_NOUNS)} using ${r.pick(TECH)} and ${r.pick(TECH)}, with attention to ${r.pick(EN_NOUNS)} and ${r.pick(EN_NOUNS)}.`;
  const ja = `${r.pick(TECH)}と${r.pick(TECH)}${r.pick(JA_LINKS)}${r.pick(JA_NOUNS)}と${r.pick(JA_NOUNS)}${r.pick(JA_ENDS)}${r.pick(JA_NOUNS)}と${r.pick(JA_NOUNS)}にも配慮します。`;
  return { en, ja };
}

function bullet(r) {
  const a = r.pick(EN_NOUNS);
  const en = `- ${a[0].toUpperCase()}${a.slice(1)} ${r.pick(EN_LINKS)} ${r.pick(EN_NOUNS)}: ${r.pick(TECH)}, ${r.pick(TECH)}, and ${r.pick(EN_NOUNS)} ${r.pick(EN_NOUNS)} ${r.pick(EN_LINKS)} ${r.pick(EN_NOUNS)} work`;
  const ja = `- ${r.pick(JA_NOUNS)}${r.pick(JA_LINKS)}${r.pick(JA_NOUNS)}: ${r.pick(TECH)}、${r.pick(TECH)}、および${r.pick(JA_NOUNS)}の${r.pick(JA_NOUNS)}`;
  return { en, ja };
}

/** Body text in both languages with the same structure (headings, list items); the larger of the two is about `target` bytes. */
export function bodies(r, target) {
  const en = [];
  const ja = [];
  const push = (pair) => {
    en.push(pair.en);
    ja.push(pair.ja);
  };
  push(sentence(r));
  push({ en: '', ja: '' });
  let size = 0;
  for (let s = 0; size < target; s++) {
    const [enTitle, jaTitle] = SECTIONS[s % SECTIONS.length];
    push({ en: `## ${enTitle}`, ja: `## ${jaTitle}` });
    const subsections = r.int(1, 4);
    for (let k = 0; k < subsections && size < target; k++) {
      const n1 = r.int(0, EN_NOUNS.length - 1);
      const n2 = r.int(0, EN_NOUNS.length - 1);
      push({ en: `### ${EN_NOUNS[n1]} and ${EN_NOUNS[n2]}`, ja: `### ${JA_NOUNS[n1]}と${JA_NOUNS[n2]}` });
      const items = r.int(4, 8);
      for (let i = 0; i < items; i++) push(bullet(r));
      push({ en: '', ja: '' });
      size = Math.max(Buffer.byteLength(en.join('\n')), Buffer.byteLength(ja.join('\n')));
    }
    push(sentence(r));
    push({ en: '', ja: '' });
    size = Math.max(Buffer.byteLength(en.join('\n')), Buffer.byteLength(ja.join('\n')));
  }
  return { en: `${en.join('\n').trimEnd()}\n`, ja: `${ja.join('\n').trimEnd()}\n` };
}

/**
 * Description and body for agent number `index` (0-based). Pure function of (seed, index, bodyBytes).
 * `bodyBytes` is the range the body's size (the larger language's) is drawn from.
 */
export function agentTexts(options) {
  const { seed, index, bodyBytes = [4500, 10500] } = options;
  const r = createRandom((seed * 1_000_003 + index * 7919) >>> 0);
  const name = `${r.pick(DOMAINS)}-${r.pick(ROLES)}-${String(index).padStart(5, '0')}`;
  const d1 = sentence(r);
  const description = {
    en: `${d1.en} Use PROACTIVELY for ${r.pick(EN_NOUNS)} and ${r.pick(EN_NOUNS)} work.`,
    ja: `${d1.ja}${JA_NOUNS[index % JA_NOUNS.length]}の作業にPROACTIVELYに使用してください。`,
  };
  const fields = [`model: ${r.pick(MODELS)}`];
  const toolsStyle = r.int(0, 2);
  if (toolsStyle === 0) fields.push('tools: Read, Grep, Glob, Bash');
  if (toolsStyle === 1) fields.push('tools:\n  - Read\n  - Edit\n  - Write');
  if (r.next() < 0.5) fields.push(`color: ${r.pick(COLORS)}`);
  // A few files carry what Claude Code ignores silently, so the report has some warnings to format.
  if (index % 50 === 7) fields.push('version: 2');
  const body = bodies(r, r.int(bodyBytes[0], bodyBytes[1]));
  return { name, description, fields, body };
}

/** Plain scalar like hand-written files, quoted only when YAML needs it. */
export function yamlString(text) {
  return /: |^[-?:,[\]{}#&*!|>'"%@`]| #/.test(text) ? JSON.stringify(text) : text;
}

/**
 * Write `count` agents (English + Japanese) under `root`. `hashOf({description, body})` gives the
 * canonical hash recorded as the translation's sourceHash. Returns the number of files and bytes written.
 */
export function generateCatalog(options) {
  const { root, count, seed, hashOf } = options;
  mkdirSync(join(root, 'agents'), { recursive: true });
  mkdirSync(join(root, 'locales', 'ja', 'agents'), { recursive: true });
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const { name, description, fields, body } = agentTexts({ seed, index });
    const enBanner = `> **English** | **[日本語](../locales/ja/agents/${name}.md)**`;
    const jaBanner = `> **[English](../../../agents/${name}.md)** | **日本語**`;
    const en = `---\nname: ${name}\ndescription: ${yamlString(description.en)}\n${fields.join('\n')}\n---\n\n${enBanner}\n\n${body.en}`;
    const hash = hashOf({ description: description.en, body: body.en });
    const i18n = `i18n:\n  source: ../../../agents/${name}.md\n  sourceHash: ${hash}`;
    const ja = `---\nname: ${name}\ndescription: ${yamlString(description.ja)}\n${fields.join('\n')}\n${i18n}\n---\n\n${jaBanner}\n\n${body.ja}`;
    writeFileSync(join(root, 'agents', `${name}.md`), en);
    writeFileSync(join(root, 'locales', 'ja', 'agents', `${name}.md`), ja);
    bytes += Buffer.byteLength(en) + Buffer.byteLength(ja);
  }
  return { files: count * 2, bytes };
}
