// Fallback peak-memory probe, loaded with `node --require` when GNU time (/usr/bin/time) is
// missing: on exit the measured process writes its own peak resident set size (KiB) to the file
// named by BENCH_RSS_FILE. It only sees its own process, not child processes.
import { writeFileSync } from 'fs';

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
