// A deterministic synthetic plugin marketplace with a Japanese mirror, the shape of the large public catalogs
// (the "wshobson" marketplace and its Japanese fork, docs/reviews/ux-review.md; test/fixtures/catalogs/):
//   <root>/.claude-plugin/marketplace.json                  lists every plugin (`source: ./plugins/<p>`)
//   <root>/plugins/<p>/agents/<a>.md                         English agent (front-matter first)
//   <root>/plugins/<p>/commands/<c>.md                       slash commands (`description`, `argument-hint`, no `name`)
//   <root>/i18n/ja/plugins/<p>/agents/<a>.md                 Japanese mirror: the language banner line BEFORE the
//   <root>/i18n/ja/plugins/<p>/commands/<c>.md               front-matter (the real form), no `i18n` block
//   <root>/README.md
// Even-numbered plugins list their agents and commands in their marketplace entry (`strict: false`), odd ones
// only have the folders. Every file is a pure function of (seed, plugin number, agent number): a tree of 10
// plugins is the first 10 plugins of a tree of 100, byte for byte. Agent files are 2–8 KB (English 2–6,
// Japanese 3–8), commands 1–3 KB.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentTexts, bodies, createRandom, sentence, yamlString } from './generate.mjs';

// biome-ignore format: a hand-packed list of values, one line per group
const AREAS = ['backend', 'frontend', 'data', 'ml', 'security', 'cloud', 'database', 'mobile', 'devops', 'api', 'testing', 'observability',
  'incident', 'docs', 'payments', 'search'];
const KINDS = ['toolkit', 'workflows', 'suite', 'ops', 'review', 'patterns', 'automation', 'platform'];
const CATEGORIES = ['development', 'infrastructure', 'quality', 'data', 'security', 'operations', 'documentation'];
const COMMAND_VERBS = ['review', 'scaffold', 'audit', 'migrate', 'profile', 'triage', 'explain', 'refactor', 'deploy', 'document'];
// Body size ranges (bytes of the larger language, the Japanese one), chosen so agent files are 2–8 KB.
const AGENT_BODY = [2400, 6800];
const COMMAND_BODY = [800, 2600];

/** Name of plugin number `p` (0-based): unique, lowercase-and-hyphens like real plugin names. */
function pluginName(seed, p) {
  const r = createRandom((seed * 7_368_787 + p * 104_729) >>> 0);
  return `${r.pick(AREAS)}-${r.pick(KINDS)}-${String(p).padStart(3, '0')}`;
}

const banner = (englishPath) => `> **[English](${englishPath})** | **日本語**`;

/**
 * Write the marketplace under `root`: `plugins` plugins of `agentsPerPlugin` agents and `commandsPerPlugin`
 * commands each, every file in English and in the Japanese mirror. Returns the counts and bytes written.
 */
export function generateMarketplace(options) {
  const { root, plugins, agentsPerPlugin = 100, commandsPerPlugin = 3, seed } = options;
  let bytes = 0;
  let agentFiles = 0;
  let otherFiles = 0;
  const write = (path, text) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  };
  const entries = [];
  for (let p = 0; p < plugins; p++) {
    const plugin = pluginName(seed, p);
    const pr = createRandom((seed * 15_485_863 + p * 31) >>> 0);
    const agentPaths = [];
    const commandPaths = [];
    for (let a = 0; a < agentsPerPlugin; a++) {
      const { name, description, fields, body } = agentTexts({ seed, index: p * agentsPerPlugin + a, bodyBytes: AGENT_BODY });
      const rel = `plugins/${plugin}/agents/${name}.md`;
      const en = `---\nname: ${name}\ndescription: ${yamlString(description.en)}\n${fields.join('\n')}\n---\n\n${body.en}`;
      const ja = `${banner(`../../../../../${rel}`)}\n\n---\nname: ${name}\ndescription: ${yamlString(description.ja)}\n${fields.join('\n')}\n---\n\n${body.ja}`;
      write(join(root, rel), en);
      write(join(root, 'i18n', 'ja', rel), ja);
      agentPaths.push(`./agents/${name}.md`);
      agentFiles += 2;
    }
    for (let c = 0; c < commandsPerPlugin; c++) {
      const r = createRandom((seed * 2_750_159 + p * 1_009 + c) >>> 0);
      const command = `${COMMAND_VERBS[(p + c * 3) % COMMAND_VERBS.length]}-${String(c)}`;
      const d = sentence(r);
      const body = bodies(r, r.int(COMMAND_BODY[0], COMMAND_BODY[1]));
      const rel = `plugins/${plugin}/commands/${command}.md`;
      const en = `---\ndescription: ${yamlString(d.en)}\nargument-hint: <target>\n---\n\n# ${command}\n\n${body.en}`;
      const ja = `${banner(`../../../../../${rel}`)}\n\n---\ndescription: ${yamlString(d.ja)}\nargument-hint: <対象>\n---\n\n# ${command}\n\n${body.ja}`;
      write(join(root, rel), en);
      write(join(root, 'i18n', 'ja', rel), ja);
      commandPaths.push(`./commands/${command}.md`);
      otherFiles += 2;
    }
    const entry = {
      name: plugin,
      source: `./plugins/${plugin}`,
      description: sentence(pr).en,
      version: `1.${pr.int(0, 9)}.${pr.int(0, 9)}`,
      author: { name: 'Bench Fixtures' },
      license: 'MIT',
      category: pr.pick(CATEGORIES),
    };
    if (p % 2 === 0) Object.assign(entry, { strict: false, agents: agentPaths, commands: commandPaths });
    entries.push(entry);
  }
  const marketplace = {
    name: 'agentpack-bench-marketplace',
    owner: { name: 'agentpack bench' },
    metadata: { description: `${plugins} generated plugins with a Japanese mirror (seed ${seed}).`, version: '1.0.0' },
    plugins: entries,
  };
  write(join(root, '.claude-plugin', 'marketplace.json'), `${JSON.stringify(marketplace, null, 2)}\n`);
  write(join(root, 'README.md'), `# Bench marketplace\n\n${plugins} plugins × ${agentsPerPlugin} agents, English and Japanese (i18n/ja/).\n`);
  otherFiles += 1;
  return { agents: plugins * agentsPerPlugin, agentFiles, mdFiles: agentFiles + otherFiles, bytes };
}
