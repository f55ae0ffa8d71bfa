// Preloaded with `node --import` when /usr/bin/time is missing: writes this process's peak RSS (KB) at exit.
import { writeFileSync } from 'node:fs';

const file = process.env.AGENTPACK_BENCH_RSS_FILE;
// Same line format as `/usr/bin/time -f '%M %U %S'`: KB, user seconds, system seconds.
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}\n`);
  });
}
