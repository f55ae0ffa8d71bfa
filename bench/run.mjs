#!/usr/bin/env node
// `npm run bench`: start-up and throughput of the built CLI (dist/cli.js) against bare `node -e 0`.
// Usage: node bench/run.mjs [--runs 20] [--warmup 3] [--rss-runs 5] [--agents 5000] [--plugins 100] [--seed 7] [--keep]
//        [--only id,group,…] [id|group …]  (rows to run: ids, or the groups `startup`, `catalog`; default all)
//        [--bin path/to/other/build/cli.js]  (compare another build, e.g. an older commit's dist/)
// Not a test: it never fails on a missed target; it exits 1 only when a command did not do its job.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defineCatalogRows } from './catalog-rows.mjs';
import { generateCatalog } from './generate.mjs';
import { cleanupScratch, mad, median, RSS_METHOD, rssOnce, runCaptured, timeOnce } from './measure.mjs';
import { formatTable, judge } from './report.mjs';
import { cleanupHomes, defineRows, isolatedHome } from './rows.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    'rss-runs': { type: 'string', default: '5' },
    agents: { type: 'string', default: '5000' },
    'list-agents': { type: 'string', default: '1000' },
    plugins: { type: 'string', default: '100' },
    seed: { type: 'string', default: '7' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'bench', 'out', 'results.json') },
    bin: { type: 'string' },
  },
});
// The executable exactly as installed: package.json's bin, inside dist/ (or another build's, --bin).
const BIN = opts.bin ? resolve(opts.bin) : join(ROOT, typeof PKG.bin === 'string' ? PKG.bin : PKG.bin.agentpack);
const runs = Number(opts.runs);
const warmup = Number(opts.warmup);
const rssRuns = Number(opts['rss-runs']);
const seed = Number(opts.seed);
if (runs < 15) console.error(`note: --runs ${runs} is below the 15 runs the issue asks for`);
if (!existsSync(BIN)) {
  console.error(`${BIN} is missing: run \`npm run build\` first (or \`npm run bench\`, which builds).`);
  process.exit(2);
}
const version = PKG.version;
const { canonicalHash } = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
const work = realpathSync(mkdtempSync(join(tmpdir(), 'agentpack-bench-')));
const log = (text) => process.stderr.write(`${text}\n`);

const agents = Number(opts.agents);
// Every tree is generated on first use, so a filtered run (`--only catalog`) writes only what its rows read.
const generatedTrees = {};
const generateOnce = (key, make) => {
  const root = join(work, key);
  if (!generatedTrees[key]) {
    const start = Date.now();
    const info = make(root);
    generatedTrees[key] = { ...info, ms: Date.now() - start };
    const files = info.mdFiles ?? info.files;
    log(
      `generated ${key}: ${files.toLocaleString('en')} files (${(info.bytes / 1024 / 1024).toFixed(1)} MiB, seed ${seed}) in ${Date.now() - start} ms under ${work}`,
    );
  }
  return root;
};
const validateTree = join(work, 'validate-tree');
const ensureValidateTree = () => generateOnce('validate-tree', (root) => generateCatalog({ root, count: agents, seed, hashOf: canonicalHash }));
let listTree;
const ensureListTree = () => {
  listTree ??= join(work, 'list-tree');
  if (!existsSync(listTree)) generateCatalog({ root: listTree, count: Number(opts['list-agents']), seed, hashOf: canonicalHash });
  return listTree;
};

/** Linux's CPU pressure (share of time some task waited for a CPU): how busy the machine was. */
const cpuPressure = () => {
  try {
    return readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0];
  } catch {
    return undefined;
  }
};
const machine = {
  cpuModel: cpus()[0]?.model ?? 'unknown',
  cpuCount: cpus().length,
  totalMemMb: Math.round(totalmem() / 1024 / 1024),
  node: process.version,
  os: `${type()} ${release()}`,
  loadAvgStart: loadavg(),
  cpuPressureStart: cpuPressure(),
};
log(`machine: ${machine.cpuCount} × ${machine.cpuModel}, Node ${machine.node}, ${machine.os}, load ${machine.loadAvgStart.map((l) => l.toFixed(2)).join(' ')}`);

const selectors = [opts.only ?? '', ...positionals].flatMap((s) => s.split(',')).filter(Boolean);
const only = selectors.length > 0 ? new Set(selectors) : undefined;
const allRows = [
  ...defineRows({ bin: BIN, version, validateTree, validateFiles: agents * 2, ensureValidateTree, ensureListTree }).map((r) => ({ group: 'startup', ...r })),
  ...defineCatalogRows({ bin: BIN, root: ROOT, plugins: Number(opts.plugins), seed, ensureTree: generateOnce }).map((r) => ({ group: 'catalog', ...r })),
];
const rows = allRows.filter((r) => !only || only.has(r.id) || only.has(r.group));
if (only) {
  const known = new Set(allRows.flatMap((r) => [r.id, r.group]));
  const unknown = [...only].filter((s) => !known.has(s));
  if (unknown.length > 0) {
    console.error(`unknown row or group: ${unknown.join(', ')} (rows: ${allRows.map((r) => r.id).join(', ')}; groups: startup, catalog)`);
    cleanupHomes();
    cleanupScratch();
    rmSync(work, { recursive: true, force: true });
    process.exit(2);
  }
}
const bareArgv = ['-e', '0'];
const BARE_LABEL = 'node -e 0';

function measureRow(row) {
  const availability = row.available ? row.available() : { ok: true };
  if (!availability.ok) return { status: 'n/a', reason: availability.reason };
  row.prepare?.();
  const check = row.round(-1);
  const verifyArgv = typeof row.verifyArgv === 'function' ? row.verifyArgv(check.argv) : row.verifyArgv;
  const captured = runCaptured({ ...check, argv: verifyArgv ?? check.argv });
  const problem = row.verify(captured);
  if (problem) return { status: 'error', reason: problem };
  const observed = row.observe?.(captured);
  // The reference each run alternates with: bare `node -e 0`, or the row's own (e.g. a script reading the same files).
  const baselineSpec = (spec) => (row.baseline ? { ...row.baseline(), env: spec.env, cwd: spec.cwd } : { argv: bareArgv, env: spec.env, cwd: spec.cwd });
  if (row.baseline) {
    const base = runCaptured(baselineSpec(check));
    const baseProblem = base.status === 0 ? row.verifyBaseline?.(base) : `baseline exit ${base.status}: ${base.stderr.trim().split('\n')[0] ?? ''}`;
    if (baseProblem) return { status: 'error', reason: baseProblem };
  }
  const accepted = row.acceptExit ?? [0];
  const cmd = [];
  const bare = [];
  const loadBefore = loadavg()[0];
  for (let i = 0; i < warmup + runs; i++) {
    const spec = row.round(i);
    const order = i % 2 === 0 ? ['bare', 'cmd'] : ['cmd', 'bare'];
    for (const which of order) {
      const time = row.timeOnce ?? timeOnce;
      const t = which === 'bare' ? time(baselineSpec(spec)) : time(spec);
      if (t.status !== 0 && (which === 'bare' || !accepted.includes(t.status)))
        return { status: 'error', reason: `${which === 'bare' ? 'baseline ' : ''}exit ${t.status ?? t.signal} on run ${i}` };
      if (i >= warmup) (which === 'bare' ? bare : cmd).push(t.ms);
    }
  }
  const probes = row.noRss ? [] : Array.from({ length: rssRuns }, (_, i) => rssOnce(row.round(1000 + i)));
  const rss = probes.map((p) => p.kb);
  const baselineProbes = row.baseline && !row.noRss ? Array.from({ length: rssRuns }, () => rssOnce(baselineSpec(check))) : undefined;
  return {
    status: 'measured',
    command: check.argv.slice(1).join(' ').replace(ROOT, ''),
    baseline: row.baseline ? row.baselineLabel : BARE_LABEL,
    ...(row.baseline ? { baselineCommand: row.baseline().argv.join(' ').replace(ROOT, '') } : {}),
    ...(observed ? { observed } : {}),
    samples: { cmd, bare },
    median: median(cmd),
    bareMedian: median(bare),
    mad: mad(cmd),
    bareMad: mad(bare),
    rssKb: rss,
    peakRssKb: Math.max(...rss),
    cpuMs: probes.map((p) => p.cpuMs),
    cpuMedianMs: median(probes.map((p) => p.cpuMs)),
    ...(baselineProbes
      ? { baselinePeakRssKb: Math.max(...baselineProbes.map((p) => p.kb)), baselineCpuMedianMs: median(baselineProbes.map((p) => p.cpuMs)) }
      : {}),
    loadAvg1: { before: loadBefore, after: loadavg()[0] },
    cpuPressureAfter: cpuPressure(),
  };
}

const results = [];
let failed = false;
for (const row of rows) {
  log(`measuring ${row.label} …`);
  let measured;
  try {
    measured = measureRow(row);
  } catch (error) {
    measured = { status: 'error', reason: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
  if (measured.status === 'error') failed = true;
  const judged = judge({ id: row.id, group: row.group, label: row.label, target: row.target, baselineLabel: row.baselineLabel, ...measured });
  results.push(judged);
  if (judged.status === 'measured')
    log(
      `  ${judged.median.toFixed(1)} ms vs ${judged.baseline} ${judged.bareMedian.toFixed(1)} ms → ${judged.ratio.toFixed(2)}× ${judged.verdict}` +
        (judged.cpuRatio !== undefined
          ? ` (CPU ${judged.cpuMedianMs.toFixed(0)} vs ${judged.baselineCpuMedianMs.toFixed(0)} ms: ${judged.cpuRatio.toFixed(2)}×)`
          : ''),
    );
  if (judged.observed) log(`  observed: ${judged.observed}`);
  else log(`  ${judged.verdict}: ${judged.reason}`);
}

const home = isolatedHome();
// The bare-Node reference pools only the rows measured against bare Node.
const allBare = results.filter((r) => r.baseline === BARE_LABEL).flatMap((r) => r.samples?.bare ?? []);
const bareProbes = Array.from({ length: rssRuns }, () => rssOnce({ argv: bareArgv, env: home.env, cwd: home.home }));
const bareRss = bareProbes.map((p) => p.kb);
const bare = {
  median: median(allBare),
  mad: mad(allBare),
  runs: allBare.length,
  rssKb: bareRss,
  peakRssKb: Math.max(...bareRss),
  cpuMs: bareProbes.map((p) => p.cpuMs),
  cpuMedianMs: median(bareProbes.map((p) => p.cpuMs)),
};
machine.loadAvgEnd = loadavg();
machine.cpuPressureEnd = cpuPressure();

console.log(formatTable(results, bare));
console.log(
  `\n${machine.cpuCount} × ${machine.cpuModel}, Node ${machine.node}, ${machine.os}; ${runs} runs after ${warmup} warm-up, interleaved with the row's baseline ` +
    `(node -e 0, or "read": node bench/read-tree.cjs reading every .md file of the same tree); ` +
    `load average ${machine.loadAvgStart[0].toFixed(2)} → ${machine.loadAvgEnd[0].toFixed(2)}` +
    (machine.cpuPressureEnd ? ` (CPU pressure ${machine.cpuPressureEnd.replace(/ total=.*/, '')})` : '') +
    `; peak RSS = max, CPU = median user+sys, of ${rssRuns} further runs via ${RSS_METHOD}; binary ${BIN.startsWith(ROOT) ? BIN.slice(ROOT.length) : BIN}.`,
);

mkdirSync(join(opts.out, '..'), { recursive: true });
const payload = {
  date: new Date().toISOString(),
  machine,
  config: {
    runs,
    warmup,
    rssRuns,
    seed,
    agents,
    plugins: Number(opts.plugins),
    trees: generatedTrees,
    rssMethod: RSS_METHOD,
    bin: BIN.startsWith(ROOT) ? BIN.slice(ROOT.length) : BIN,
    env: 'temp HOME, LANG=C, NO_COLOR=1',
  },
  bareNode: bare,
  rows: results,
};
writeFileSync(opts.out, `${JSON.stringify(payload, null, 2)}\n`);
log(`raw numbers: ${opts.out}`);

cleanupHomes();
cleanupScratch();
if (opts.keep) log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
