// Rendering a 300 × 60 skill matrix: <peer-skill-map> against a plain-DOM baseline that builds
// the same grid, in the same headless Chromium run, several rounds, medians and ratios printed.
// Run after `npm run build`: `node bench/skill-map.mjs [rounds]`.
// Target: the whole matrix rendered (no height limit, so nothing is left out) within 1.3× of the baseline.
import { median, openBenchPage } from './harness.mjs';

const rounds = Number(process.argv[2] ?? 7);
// Tall and wide enough that every row and column of 300 × 60 is visible at once.
const { page, close } = await openBenchPage('/bench/skill-map-page.js', { width: 3700, height: 12800 });
const samples = { baseline: [], full: [], windowed: [] };
let windowedCells = 0;
for (let round = 0; round < rounds + 1; round++) {
  const result = await page.evaluate(async () => {
    const matrix = window.bench.makeMatrix(300, 60);
    const out = {};
    const order = Math.random() < 0.5 ? ['baseline', 'full', 'windowed'] : ['windowed', 'full', 'baseline'];
    for (const kind of order) {
      if (kind === 'baseline') out.baseline = window.bench.renderBaseline(matrix);
      if (kind === 'full') out.full = (await window.bench.renderWidget(matrix, { full: true })).elapsed;
      if (kind === 'windowed') {
        const run = await window.bench.renderWidget(matrix, { full: false });
        out.windowed = run.elapsed;
        out.cells = run.cells;
      }
    }
    return out;
  });
  if (round === 0) continue; // warm-up
  samples.baseline.push(result.baseline);
  samples.full.push(result.full);
  samples.windowed.push(result.windowed);
  windowedCells = result.cells;
}
await close();

const base = median(samples.baseline);
const full = median(samples.full);
const windowed = median(samples.windowed);
const ms = (n) => `${n.toFixed(1)} ms`;
console.log(`rounds: ${rounds} (after one warm-up), medians, 300 people × 60 skills:`);
console.log(`  plain DOM, whole grid:                     ${ms(base)}`);
console.log(
  `  <peer-skill-map>, whole grid visible:      ${ms(full)}  = ${(full / base).toFixed(2)}× baseline (target ≤ 1.30×)`,
);
console.log(
  `  <peer-skill-map>, default 32rem area:      ${ms(windowed)}  = ${(windowed / base).toFixed(2)}× baseline, ${windowedCells} cells in the DOM`,
);
const ok = full / base <= 1.3;
console.log(ok ? 'target met' : 'TARGET MISSED');
process.exit(ok ? 0 : 1);
