// The `catalog` group of rows (issue "Catalogs as they are", item 8): a generated plugin marketplace with a
// banner-first Japanese mirror (bench/generate-marketplace.mjs), read by `list --from`, `validate --from`,
// `install --all --from`, then `list` and `status` with what it installed.
// Run only these: `npm run bench -- catalog` (or `node bench/run.mjs --only catalog` after `npm run build`).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateMarketplace } from './generate-marketplace.mjs';
import { runCaptured } from './measure.mjs';
import { isolatedHome } from './rows.mjs';

const AGENTS_PER_PLUGIN = 100;
const COMMANDS_PER_PLUGIN = 3;

/** `.md` files of a generated marketplace: every agent and command in English and Japanese, and the README. */
const mdFiles = (plugins) => plugins * (AGENTS_PER_PLUGIN + COMMANDS_PER_PLUGIN) * 2 + 1;
const n = (count) => count.toLocaleString('en');
/** The row's command with `--json`, run once before timing to check (and report) what it did. */
const withJson = (argv) => [...argv, '--json'];

const parseJson = (r) => {
  try {
    return JSON.parse(r.stdout);
  } catch {
    return undefined;
  }
};
const exitProblem = (r, accepted = [0]) => (accepted.includes(r.status) ? undefined : `exit ${r.status ?? r.signal}: ${r.stderr.trim().split('\n')[0] ?? ''}`);

/** Diagnostic codes and how often each occurs, most frequent first: `12 × X, 3 × Y`. */
function codeCounts(diagnostics) {
  const counts = new Map();
  for (const d of diagnostics) counts.set(`${d.severity} ${d.code}`, (counts.get(`${d.severity} ${d.code}`) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => `${n(count)} × ${code}`)
    .join(', ');
}

/**
 * The rows. `plugins` sizes the `list --from` marketplace (100 plugins × 100 agents); `validate --from` reads
 * one of half as many plugins (10,000 agent files) and `install --all --from` one of a tenth (1,000 agents).
 * `ensureTree(key, make)` generates a tree once per bench run and returns its root.
 */
export function defineCatalogRows(options) {
  const { bin, root, plugins, seed, ensureTree } = options;
  const readTree = join(root, 'bench', 'read-tree.cjs');
  const listPlugins = plugins;
  const validatePlugins = Math.max(1, Math.round(plugins / 2));
  const installPlugins = Math.max(1, Math.round(plugins / 10));
  const marketplace = (count) =>
    ensureTree(`marketplace-${count}`, (dir) =>
      generateMarketplace({ root: dir, plugins: count, agentsPerPlugin: AGENTS_PER_PLUGIN, commandsPerPlugin: COMMANDS_PER_PLUGIN, seed }),
    );
  const shared = isolatedHome();
  const trees = {};
  /** The baseline of a `--from` row: `node bench/read-tree.cjs <tree>`, which reads every `.md` file's bytes. */
  const readBaseline = (count) => ({
    baselineLabel: 'read',
    baseline: () => ({ argv: [readTree, trees[count]] }),
    verifyBaseline: (r) =>
      r.stdout.trim().split(' ')[0] === String(mdFiles(count)) ? undefined : `read-tree read ${r.stdout.trim()}, expected ${mdFiles(count)} files`,
  });
  const fromRound = (argv) => () => ({ argv: [bin, ...argv()], env: shared.env, cwd: shared.home });

  let installed;
  /** One HOME with the 1,000-agent marketplace installed by `install --all --from`, shared by the list and status rows. */
  const ensureInstalled = () => {
    if (installed) return;
    const tree = marketplace(installPlugins);
    installed = isolatedHome();
    const r = runCaptured({ argv: [bin, 'install', '--all', '--from', tree], env: installed.env, cwd: installed.home });
    if (r.status !== 0) throw new Error(`install --all --from failed: ${r.stderr.split('\n').slice(0, 3).join(' ')}`);
  };
  let previousInstallHome;

  return [
    {
      id: 'mkt-list-from',
      label: `agentpack list --from <marketplace: ${listPlugins} plugins × ${AGENTS_PER_PLUGIN} agents, en + ja>`,
      target: { kind: 'ratio', max: 3 },
      ...readBaseline(listPlugins),
      prepare: () => {
        trees[listPlugins] = marketplace(listPlugins);
      },
      round: fromRound(() => ['list', '--from', trees[listPlugins]]),
      verifyArgv: withJson,
      verify: (r) => exitProblem(r) ?? ((parseJson(r)?.agents?.length ?? 0) > 0 ? undefined : 'no agents listed'),
      observe: (r) => {
        const j = parseJson(r);
        const withJa = j.agents.filter((a) => a.locales?.includes('ja')).length;
        return (
          `${n(j.agents.length)} agents listed (the tree has ${n(listPlugins * AGENTS_PER_PLUGIN)}), ${n(withJa)} with ja; ` +
          `${n(j.conflicts?.length ?? 0)} conflicts, ${n(j.duplicates?.length ?? 0)} duplicates, ${n(j.diagnostics?.length ?? 0)} diagnostics` +
          (j.diagnostics?.length ? ` (${codeCounts(j.diagnostics)})` : '')
        );
      },
    },
    {
      id: 'mkt-validate',
      label: `agentpack validate --from <marketplace: ${validatePlugins} plugins, ${n(validatePlugins * AGENTS_PER_PLUGIN * 2)} agent files>`,
      target: { kind: 'ratio', max: 2.5 },
      ...readBaseline(validatePlugins),
      // Exit 1 is validate reporting errors in the tree: still a complete run (the errors are shown as observed).
      acceptExit: [0, 1],
      prepare: () => {
        trees[validatePlugins] = marketplace(validatePlugins);
      },
      round: fromRound(() => ['validate', '--from', trees[validatePlugins]]),
      verifyArgv: withJson,
      verify: (r) => exitProblem(r, [0, 1]) ?? ((parseJson(r)?.summary?.files ?? 0) > 0 ? undefined : `no files checked: ${r.stdout.slice(0, 200)}`),
      observe: (r) => {
        const j = parseJson(r);
        const diagnostics = (j.files ?? []).flatMap((f) => f.diagnostics ?? []);
        return `exit ${r.status}; ${n(j.summary.files)} files checked, ${n(j.summary.errors)} errors, ${n(j.summary.warnings)} warnings (${codeCounts(diagnostics)})`;
      },
    },
    {
      id: 'mkt-install-all',
      label: `agentpack install --all --from <marketplace: ${installPlugins} plugins, ${n(installPlugins * AGENTS_PER_PLUGIN)} agents> (fresh HOME)`,
      target: { kind: 'ratio', max: 4 },
      prepare: () => {
        trees[installPlugins] = marketplace(installPlugins);
      },
      round: () => {
        // A fresh HOME each run; the previous run's 1,000 files are removed first (not timed).
        if (previousInstallHome) rmSync(previousInstallHome, { recursive: true, force: true });
        const { env, home } = isolatedHome();
        previousInstallHome = home;
        return { argv: [bin, 'install', '--all', '--from', trees[installPlugins]], env, cwd: home };
      },
      verifyArgv: withJson,
      verify: (r) => exitProblem(r) ?? ((parseJson(r)?.actions?.length ?? 0) > 0 ? undefined : 'nothing installed'),
      observe: (r) => {
        const j = parseJson(r);
        return `${n(j.actions.length)} agents installed (the tree has ${n(installPlugins * AGENTS_PER_PLUGIN)}), ${n(j.refused?.length ?? 0)} refused`;
      },
    },
    {
      id: 'mkt-list-1000',
      label: `agentpack list (${n(installPlugins * AGENTS_PER_PLUGIN)} marketplace agents installed)`,
      target: { kind: 'ratio', max: 2.5 },
      prepare: ensureInstalled,
      round: () => ({ argv: [bin, 'list'], env: installed.env, cwd: installed.home }),
      verifyArgv: withJson,
      verify: (r) => exitProblem(r) ?? ((parseJson(r)?.agents ?? []).some((a) => a.installed?.user) ? undefined : 'no installed agent listed'),
      observe: (r) => {
        const agents = parseJson(r).agents.filter((a) => a.installed?.user);
        return `${n(agents.length)} installed agents listed, ${n(agents.filter((a) => a.installed.user.state === 'ok').length)} ok`;
      },
    },
    {
      id: 'mkt-status-1000',
      label: `agentpack status (${n(installPlugins * AGENTS_PER_PLUGIN)} marketplace agents installed)`,
      target: { kind: 'ratio', max: 2.5 },
      prepare: ensureInstalled,
      round: () => ({ argv: [bin, 'status'], env: installed.env, cwd: installed.home }),
      verifyArgv: withJson,
      verify: (r) => exitProblem(r) ?? ((parseJson(r)?.summary?.files ?? 0) > 0 ? undefined : 'no files checked'),
      observe: (r) => `summary ${JSON.stringify(parseJson(r).summary)}`,
    },
  ];
}
