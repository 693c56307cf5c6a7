// Fallback peak-memory probe, loaded with `node --require` when GNU time (/usr/bin/time) is
// missing: on exit the measured process writes its own peak resident set size (KiB) to the file
// named by BENCH_RSS_FILE. It only sees its own process, not child processes; when several node
// processes of one measured command write it (the test task runs jest, tsc and eslint), the file
// keeps the largest, as GNU time's figure does.
import { readFileSync, writeFileSync } from 'fs';

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (!file) return;
  let previous = 0;
  try {
    previous = Number(readFileSync(file, 'utf8')) || 0;
  } catch {
    // first writer
  }
  writeFileSync(file, String(Math.max(previous, process.resourceUsage().maxRSS)));
});
