// Verdicts and the printed table.

const fmtMs = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : '-');
const fmtMb = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(1)} MB` : '-');

/** Compute the derived figures of a measured row and whether it meets its target. */
export function judge(row) {
  const { target } = row;
  if (row.status !== 'measured') return { ...row, verdict: row.status === 'n/a' ? 'n/a' : 'ERROR' };
  const ratio = row.median / row.bareMedian;
  const out = { ...row, ratio, overBareMs: row.median - row.bareMedian };
  // CPU time (user + sys) against the baseline's: far less sensitive to the machine's load than wall time.
  if (row.baselineCpuMedianMs > 0) out.cpuRatio = row.cpuMedianMs / row.baselineCpuMedianMs;
  if (target.kind === 'ratio') return { ...out, targetText: targetText(target, row.baseline), verdict: ratio <= target.max ? 'PASS' : 'MISS' };
  const filesPerSec = target.files / (Math.max(out.overBareMs, 1e-9) / 1000);
  const rssMb = row.peakRssKb / 1024;
  const pass = filesPerSec >= target.minFilesPerSec && rssMb <= target.maxRssMb;
  return {
    ...out,
    filesPerSec,
    targetText: `≥ ${target.minFilesPerSec.toLocaleString('en')} files/s, ≤ ${target.maxRssMb} MB`,
    verdict: pass ? 'PASS' : 'MISS',
  };
}

function pad(text, width, right = false) {
  const t = String(text);
  return right ? t.padStart(width) : t.padEnd(width);
}

/** The human table: one line per row, then the bare-node reference. */
export function formatTable(rows, bare) {
  const header = ['command', 'median', 'baseline', 'ratio', 'files/s', 'peak RSS', 'CPU', 'target', 'result'];
  const lines = rows.map((r) => {
    if (r.verdict === 'n/a' || r.verdict === 'ERROR') {
      const why = r.verdict === 'n/a' ? `n/a (${r.reason})` : `ERROR (${r.reason})`;
      return [r.label, '-', '-', '-', '', '-', '-', r.targetText ?? targetText(r.target, r.baselineLabel), why];
    }
    return [
      r.label,
      fmtMs(r.median),
      fmtMs(r.bareMedian),
      `${r.ratio.toFixed(2)}×`,
      r.filesPerSec !== undefined ? Math.round(r.filesPerSec).toLocaleString('en') : '',
      fmtMb(r.peakRssKb),
      fmtMs(r.cpuMedianMs),
      r.targetText,
      r.verdict,
    ];
  });
  lines.push(['node -e 0 (reference)', fmtMs(bare.median), '', '1.00×', '', fmtMb(bare.peakRssKb), fmtMs(bare.cpuMedianMs), '', '']);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => String(l[c]).length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6]);
  const render = (cells) =>
    cells
      .map((cell, c) => pad(cell, widths[c], numeric.has(c)))
      .join('  ')
      .trimEnd();
  return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(render)].join('\n');
}

/** The target as printed; a ratio to anything but bare `node -e 0` names its baseline (e.g. `≤ 3× read`). */
function targetText(target, baseline) {
  if (target.kind !== 'ratio') return `≥ ${target.minFilesPerSec.toLocaleString('en')} files/s, ≤ ${target.maxRssMb} MB`;
  return baseline && baseline !== 'node -e 0' ? `≤ ${target.max}× ${baseline}` : `≤ ${target.max}×`;
}

export { fmtMs, fmtMb };
