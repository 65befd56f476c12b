// Prints the gzipped size of the JavaScript a first visit loads (the entry script and what it preloads; lazy
// pages excluded) and fails the build above the budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const html = readFileSync('dist/index.html', 'utf8');
const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/app\/([^"]+\.js)"/g)].map((m) => m[1]);
if (files.length === 0) {
  console.error('bundle-size: no script found in dist/index.html');
  process.exit(1);
}
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length;
  total += size;
  console.log(`  ${file}: ${(size / 1024).toFixed(1)} KB gzipped`);
}
console.log(`Initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
process.exit(total > BUDGET_KB * 1024 ? 1 : 0);
