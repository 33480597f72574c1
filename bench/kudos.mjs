// Rendering kudos: <peer-kudos-feed> against a plain-DOM baseline that builds the same markup,
// in the same headless Chromium run, several rounds, medians and ratios printed.
// Run after `npm run build`: `node bench/kudos.mjs [rounds]`.
// Targets: 1,000 kudos within 1.3× of the baseline; 10,000 (virtualised) no slower than 1,000 not virtualised.
import { median, openBenchPage } from './harness.mjs';

const rounds = Number(process.argv[2] ?? 9);
const { page, close } = await openBenchPage('/bench/kudos-page.js');
const samples = { baseline: [], widget: [], virtual: [] };
let virtualArticles = 0;
for (let round = 0; round < rounds + 1; round++) {
  const result = await page.evaluate(async () => {
    const small = window.bench.makeKudos(1000);
    const large = window.bench.makeKudos(10000);
    const out = {};
    // Alternate the order between rounds so that neither side always runs on a warmer page.
    const order = Math.random() < 0.5 ? ['baseline', 'widget', 'virtual'] : ['virtual', 'widget', 'baseline'];
    for (const kind of order) {
      if (kind === 'baseline') out.baseline = await window.bench.renderBaseline(small);
      if (kind === 'widget') out.widget = (await window.bench.renderWidget(small, { virtual: false })).elapsed;
      if (kind === 'virtual') {
        const run = await window.bench.renderWidget(large, { virtual: true });
        out.virtual = run.elapsed;
        out.articles = run.articles;
      }
    }
    return out;
  });
  if (round === 0) continue; // warm-up
  samples.baseline.push(result.baseline);
  samples.widget.push(result.widget);
  samples.virtual.push(result.virtual);
  virtualArticles = result.articles;
}
await close();

const base = median(samples.baseline);
const widget = median(samples.widget);
const virtual = median(samples.virtual);
const ms = (n) => `${n.toFixed(1)} ms`;
console.log(`rounds: ${rounds} (after one warm-up), medians:`);
console.log(`  plain DOM, 1,000 kudos:                  ${ms(base)}`);
console.log(
  `  <peer-kudos-feed>, 1,000 (all rendered): ${ms(widget)}  = ${(widget / base).toFixed(2)}× baseline (target ≤ 1.30×)`,
);
console.log(
  `  <peer-kudos-feed>, 10,000 (virtualised): ${ms(virtual)}  = ${(virtual / widget).toFixed(2)}× the 1,000 render (target ≤ 1.00×), ${virtualArticles} articles in the DOM`,
);
const ok = widget / base <= 1.3 && virtual <= widget;
console.log(ok ? 'targets met' : 'TARGET MISSED');
process.exit(ok ? 0 : 1);
