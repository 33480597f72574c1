// `npm test`: every check, in order, on a fresh clone. Finds Chromium or Chrome by itself.
import { spawnSync } from 'node:child_process';
import { findChrome, NO_CHROME } from './find-chrome.mjs';

if (!findChrome()) {
  console.error(NO_CHROME);
  process.exit(1);
}

const steps = [
  ['lint', 'npm run lint'],
  ['type-check', 'npm run typecheck'],
  ['build', 'npm run build'],
  ['bundles an app makes of one widget', 'npm run test:dist'],
  ['documentation and language checks', 'npm run test:tooling'],
  ['server tests', 'npm run test:server'],
  ['server tests on PostgreSQL (a throw-away server)', 'npm run test:server:postgres'],
  ['browser tests', 'npm run test:browser'],
  ['end-to-end tests', 'npm run test:e2e'],
  [
    'every story (built Storybook: console errors, failed requests, axe; light, dark, high contrast, Arabic, forced colours)',
    'npm run test:stories',
  ],
];

const results = [];
for (const [name, command] of steps) {
  console.log(`\n━━ ${name}: ${command}`);
  const run = spawnSync(command, { shell: true, stdio: 'inherit', env: process.env });
  results.push([name, run.status === 0]);
}

console.log('\n━━ summary');
for (const [name, ok] of results) console.log(`${ok ? '✔' : '✘'} ${name}`);
const failed = results.filter(([, ok]) => !ok).length;
console.log(failed === 0 ? `All ${results.length} steps passed.` : `${failed} of ${results.length} steps failed.`);
process.exit(failed === 0 ? 0 : 1);
