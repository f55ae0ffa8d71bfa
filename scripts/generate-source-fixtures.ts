// Writes test/fixtures/sources/ (folders of agent definitions laid out as catalogs in the wild are) from the
// texts below: `npx tsx scripts/generate-source-fixtures.ts`. A test checks the committed files equal them.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalHash } from '../src/core/i18n/canonical-hash.js';
import { parseAgent } from '../src/core/agent/parse.js';

type Files = Record<string, string>;

interface Spec {
  name: string;
  description: string;
  focus: string[];
  extra?: string;
}

function agentText(spec: Spec): string {
  const title = spec.name.replace(/-/g, ' ');
  return [
    '---',
    `name: ${spec.name}`,
    `description: ${spec.description}`,
    'tools: Read, Grep, Glob',
    ...(spec.extra ? [spec.extra] : []),
    '---',
    '',
    `You are the ${title} of this team.`,
    '',
    '## Focus',
    '',
    ...spec.focus.map((f) => `- ${f}`),
    '',
    '## Output',
    '',
    'A short report in plain Markdown.',
    '',
  ].join('\n');
}

const PLUGINS: Record<string, [string, string][]> = {
  'core-tools': [
    ['commit-message-helper', 'Drafts commit messages from staged changes.'],
    ['naming-advisor', 'Suggests clear names for functions and variables.'],
    ['shell-helper', 'Explains and writes small shell commands.'],
  ],
  docs: [
    ['changelog-writer', 'Turns merged changes into changelog entries.'],
    ['docstring-writer', 'Adds docstrings that match the code.'],
    ['glossary-keeper', 'Keeps the project glossary consistent.'],
    ['spec-reader', 'Summarises a specification for implementers.'],
  ],
  data: [
    ['data-cleaner', 'Finds and fixes inconsistent records in tabular data.'],
    ['query-optimizer', 'Speeds up slow database queries.'],
    ['schema-designer', 'Designs table schemas for new features.'],
    ['sql-reviewer', 'Reviews SQL for correctness and safety.'],
  ],
  frontend: [
    ['css-tidier', 'Removes dead and duplicated CSS rules.'],
    ['ui-copy-editor', 'Edits interface text for clarity.'],
    ['diagram-sketcher', 'Sketches architecture diagrams as text.'],
  ],
  backend: [
    ['api-designer', 'Designs HTTP APIs that are easy to use.'],
    ['migration-planner', 'Plans database migrations without downtime.'],
    ['error-explainer', 'Explains stack traces and error messages.'],
  ],
  ops: [
    ['config-auditor', 'Checks configuration files for risky settings.'],
    ['incident-summarizer', 'Writes incident summaries from notes and logs.'],
    ['log-reader', 'Finds the relevant lines in large logs.'],
    ['release-checklist', 'Walks through the release checklist.'],
  ],
  security: [
    ['dependency-checker', 'Flags outdated or vulnerable dependencies.'],
    ['secret-scanner', 'Looks for credentials committed by mistake.'],
    ['threat-modeler', 'Lists threats for a proposed design.'],
  ],
  testing: [['performance-profiler', 'Finds hot spots in profiles and benchmarks.']],
};

const FOCUS = ['Read the relevant files before answering.', 'Prefer small, reviewable suggestions.', 'Say what you did not check.'];

/** 30 agent files across 8 plugins: one agent copied identically into 3 plugins, one name defined twice differently. */
function pluginTree(): Files {
  const files: Files = {};
  for (const [plugin, agents] of Object.entries(PLUGINS)) {
    for (const [name, description] of agents) files[`plugins/${plugin}/agents/${name}.md`] = agentText({ name, description, focus: FOCUS });
    files[`plugins/${plugin}/README.md`] = `# ${plugin}\n\nAgents for ${plugin} work. See agents/.\n`;
  }
  const reviewer = agentText({ name: 'code-reviewer', description: 'Reviews a change for bugs, clarity and tests.', focus: FOCUS });
  for (const plugin of ['core-tools', 'frontend', 'backend']) files[`plugins/${plugin}/agents/code-reviewer.md`] = reviewer;
  files['plugins/testing/agents/test-writer.md'] = agentText({ name: 'test-writer', description: 'Writes unit tests for new code.', focus: FOCUS });
  files['plugins/backend/agents/test-writer.md'] = agentText({
    name: 'test-writer',
    description: 'Writes integration tests for HTTP endpoints.',
    focus: [...FOCUS, 'Start the server in a test harness.'],
    extra: 'model: sonnet',
  });
  // Not agents: a command (front-matter without name) and a skill (SKILL.md).
  files['plugins/ops/commands/deploy.md'] = '---\ndescription: Deploy the current branch.\nargument-hint: <env>\n---\n\nDeploy to $ARGUMENTS.\n';
  files['plugins/docs/skills/style-guide/SKILL.md'] = '---\nname: style-guide\ndescription: The house style for documentation.\n---\n\nUse short sentences.\n';
  files['README.md'] = '# Example marketplace\n\nEight plugins, each with agents under plugins/<plugin>/agents/.\n';
  return files;
}

interface Pair {
  dir: string;
  name: string;
  en: string;
  ja: string;
  focusEn: string[];
  focusJa: string[];
}

const PAIRS: Pair[] = [
  {
    dir: 'review',
    name: 'style-checker',
    en: 'Checks code against the team style guide.',
    ja: 'チームのスタイルガイドに沿っているかコードを確認します。',
    focusEn: ['Naming', 'Formatting'],
    focusJa: ['命名', '書式'],
  },
  {
    dir: 'review',
    name: 'api-reviewer',
    en: 'Reviews public API changes for compatibility.',
    ja: '公開 API の変更が互換性を保っているか確認します。',
    focusEn: ['Breaking changes', 'Versioning'],
    focusJa: ['破壊的変更', 'バージョニング'],
  },
  {
    dir: 'writing',
    name: 'summary-writer',
    en: 'Writes short summaries of long documents.',
    ja: '長い文書の短い要約を書きます。',
    focusEn: ['Key points', 'Open questions'],
    focusJa: ['要点', '未解決の問題'],
  },
  {
    dir: 'writing',
    name: 'release-notes',
    en: 'Drafts release notes for users.',
    ja: '利用者向けのリリースノートを下書きします。',
    focusEn: ['New features', 'Fixes'],
    focusJa: ['新機能', '修正'],
  },
  { dir: 'ops', name: 'deploy-checker', en: 'Checks that a deployment is ready.', ja: '', focusEn: ['Health checks', 'Rollback plan'], focusJa: [] },
  {
    dir: 'ops',
    name: 'log-summarizer',
    en: 'Summarises error logs by cause.',
    ja: 'エラーログを原因ごとにまとめます。',
    focusEn: ['Grouping', 'Frequency'],
    focusJa: ['分類', '頻度'],
  },
  {
    dir: 'ops',
    name: 'backup-planner',
    en: 'Plans backups and restore drills.',
    ja: 'バックアップと復元訓練を計画します。',
    focusEn: ['Schedules', 'Restore tests'],
    focusJa: ['スケジュール', '復元テスト'],
  },
];

function pairBody(options: { intro: string; heading: string; focus: string[] }): string {
  return [options.intro, '', `## ${options.heading}`, '', ...options.focus.map((f) => `- ${f}`), ''].join('\n');
}

/**
 * English agents under agents/<dir>/ and Japanese translations mirroring them under i18n/ja/: banners before
 * the front-matter (style-checker, api-reviewer, log-summarizer), after it (summary-writer, release-notes), none
 * (backup-planner); release-notes also has a current i18n block; deploy-checker has no translation;
 * log-summarizer's translation has another name; i18n/ja/agents/ops/legacy-helper.md has no English source.
 */
function jaTree(): Files {
  const files: Files = {};
  for (const p of PAIRS) {
    const en = `agents/${p.dir}/${p.name}.md`;
    const ja = `i18n/ja/agents/${p.dir}/${p.name}.md`;
    const enBody = pairBody({ intro: `You are the ${p.name.replace(/-/g, ' ')}.`, heading: 'Focus', focus: p.focusEn });
    const toJa = p.ja ? `> **English** | **[日本語](../../${ja})**\n\n` : '';
    files[en] = `---\nname: ${p.name}\ndescription: ${p.en}\nmodel: sonnet\n---\n\n${toJa}${enBody}`;
    if (!p.ja) continue;
    const jaBody = pairBody({ intro: `あなたは ${p.name} です。`, heading: '重点', focus: p.focusJa });
    const banner = `> **[English](../../../../${en})** | **日本語**`;
    const name = p.name === 'log-summarizer' ? 'log-summarizer-ja' : p.name;
    let i18n = '';
    if (p.name === 'release-notes') {
      const parsed = parseAgent(files[en] ?? '');
      i18n = `i18n:\n  source: ../../../../${en}\n  sourceHash: ${canonicalHash({ description: parsed.spec?.description ?? '', body: parsed.body })}\n`;
    }
    const frontMatter = `---\nname: ${name}\ndescription: ${p.ja}\nmodel: sonnet\n${i18n}---\n`;
    if (['style-checker', 'api-reviewer', 'log-summarizer'].includes(p.name)) files[ja] = `${banner}\n\n${frontMatter}\n${jaBody}`;
    else if (p.name === 'backup-planner') files[ja] = `${frontMatter}\n${jaBody}`;
    else files[ja] = `${frontMatter}\n${banner}\n\n${jaBody}`;
  }
  files['i18n/ja/agents/ops/legacy-helper.md'] =
    `---\nname: legacy-helper\ndescription: 古いシステムの保守を手伝います。\n---\n\n${pairBody({ intro: 'あなたは legacy-helper です。', heading: '重点', focus: ['互換性'] })}`;
  files['README.md'] = '# Team agents\n\n**English** | [日本語](i18n/ja/README.md)\n\nEnglish agents live in agents/, Japanese ones in i18n/ja/agents/.\n';
  files['i18n/ja/README.md'] = '# チームのエージェント\n\n[English](../../README.md) | **日本語**\n\n日本語版は i18n/ja/agents/ にあります。\n';
  return files;
}

/** A flat team folder: five agents, one with a colour Claude Code ignores. */
function teamFolder(): Files {
  const team: [string, string, string?][] = [
    ['pairing-partner', 'Pairs on a task and thinks aloud.'],
    ['standup-notes', "Turns yesterday's commits into standup notes."],
    ['pr-describer', 'Writes pull request descriptions.'],
    ['onboarding-guide', 'Answers questions from new team members.', 'color: magenta'],
    ['ticket-triager', 'Sorts new tickets by area and urgency.'],
  ];
  const files: Files = {};
  for (const [name, description, extra] of team) files[`${name}.md`] = agentText({ name, description, focus: FOCUS, ...(extra ? { extra } : {}) });
  files['README.md'] = '# Our agents\n\nCopy what you need.\n';
  return files;
}

/** Every fixture file, keyed by its path under test/fixtures/sources/. */
export function sourceFixtures(): Files {
  const out: Files = {};
  for (const [prefix, files] of [
    ['plugin-tree', pluginTree()],
    ['ja-tree', jaTree()],
    ['team', teamFolder()],
  ] as const) {
    for (const [rel, text] of Object.entries(files)) out[`${prefix}/${rel}`] = text;
  }
  return out;
}

export const FIXTURES_DIR = fileURLToPath(new URL('../test/fixtures/sources/', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  rmSync(FIXTURES_DIR, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(sourceFixtures())) {
    mkdirSync(dirname(join(FIXTURES_DIR, rel)), { recursive: true });
    writeFileSync(join(FIXTURES_DIR, rel), text);
  }
}
