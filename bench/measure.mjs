// Timing and memory probes: wall-clock time of a child process, and its peak resident set size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const PRELOAD = new URL('./rss-preload.mjs', import.meta.url).href;
const scratch = mkdtempSync(join(tmpdir(), 'agentpack-bench-rss-'));

/** Wall time of one run of `node <argv>`, output discarded (as when piped to a file). */
export function timeOnce(options) {
  const { argv, env, cwd } = options;
  const start = performance.now();
  const child = spawnSync(process.execPath, argv, { env, cwd, stdio: 'ignore' });
  const ms = performance.now() - start;
  return { ms, status: child.status, signal: child.signal };
}

/** One run with output captured, to check that the command really did its job before timing it. */
export function runCaptured(options) {
  const { argv, env, cwd } = options;
  const child = spawnSync(process.execPath, argv, { env, cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return { status: child.status, signal: child.signal, stdout: child.stdout ?? '', stderr: child.stderr ?? '' };
}

export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median absolute deviation, a spread measure that ignores the odd slow run. */
export function mad(values) {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

function gnuTimeWorks() {
  if (!existsSync('/usr/bin/time')) return false;
  const out = join(scratch, 'probe');
  const child = spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, process.execPath, '-e', '0'], { stdio: 'ignore' });
  if (child.status !== 0 || !existsSync(out)) return false;
  return /^\d+$/.test(readFileSync(out, 'utf8').trim().split('\n').pop() ?? '');
}

/**
 * How peak RSS is read: GNU time's `%M` (kilobytes, the child's getrusage ru_maxrss) when
 * /usr/bin/time exists, otherwise `process.resourceUsage().maxRSS` written at exit by a preloaded module.
 */
export const RSS_METHOD = gnuTimeWorks() ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS (preloaded at exit)';

/** Peak RSS (kilobytes) and CPU time (user + system, ms) of one run of `node <argv>`. */
export function rssOnce(options) {
  const { argv, env, cwd } = options;
  const out = join(scratch, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  if (RSS_METHOD.startsWith('/usr/bin/time')) {
    spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', out, process.execPath, ...argv], { env, cwd, stdio: 'ignore' });
  } else {
    spawnSync(process.execPath, ['--import', PRELOAD, ...argv], { env: { ...env, AGENTPACK_BENCH_RSS_FILE: out }, cwd, stdio: 'ignore' });
  }
  const text = existsSync(out) ? readFileSync(out, 'utf8').trim() : '';
  rmSync(out, { force: true });
  const [kb, user, sys] = (text.split('\n').pop() ?? '').split(' ').map(Number);
  return { kb: Number.isFinite(kb) ? kb : Number.NaN, cpuMs: Number.isFinite(user) && Number.isFinite(sys) ? (user + sys) * 1000 : Number.NaN };
}

export function cleanupScratch() {
  rmSync(scratch, { recursive: true, force: true });
}
