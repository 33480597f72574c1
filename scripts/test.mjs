// `npm test`: every check, in order, on a fresh clone. Finds Chromium or Chrome by itself.
// A failed step's failures are printed again after the summary, so that the end of the log says what broke.
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
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

/** Lines that name a failure, in the reports of node:test, web-test-runner, eslint and tsc. */
const FAILURE = /❌|✘|✖|\bnot ok\b|\bfail(ed|ing|ure)?\b|error|expected|assert|timed? ?out|at .*\.(ts|js|mjs):\d+/i;
/** Lines that only name what passed (a test's name can hold "error"), or that count no failures. */
const PASSED = /^\s*(ok \d|# Subtest:|✓|✔)|# fail 0|\b0 failed|duration_ms/;
const EXCERPT_LINES = 120;

/** Runs a step with its output shown as it comes; resolves with whether it passed and what it printed. */
function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['inherit', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** The lines of a failed step's output that say what failed, each with the line after it, at most EXCERPT_LINES. */
function failures(output) {
  const lines = stripVTControlCharacters(output).split('\n');
  const keep = new Set();
  lines.forEach((line, i) => {
    if (FAILURE.test(line) && !PASSED.test(line)) {
      keep.add(i);
      if (i + 1 < lines.length) keep.add(i + 1);
    }
  });
  const picked = [...keep].sort((a, b) => a - b).map((i) => lines[i]);
  const tail = lines.slice(-20);
  return [...picked.slice(0, EXCERPT_LINES - tail.length), '…', ...tail].join('\n');
}

const results = [];
for (const [name, command] of steps) {
  console.log(`\n━━ ${name}: ${command}`);
  results.push([name, await run(command)]);
}

console.log('\n━━ summary');
for (const [name, { ok }] of results) console.log(`${ok ? '✔' : '✘'} ${name}`);
const failed = results.filter(([, { ok }]) => !ok);
for (const [name, { output }] of failed) console.log(`\n━━ what failed in "${name}"\n${failures(output)}`);
console.log(
  failed.length === 0
    ? `\nAll ${results.length} steps passed.`
    : `\n${failed.length} of ${results.length} steps failed.`,
);
process.exit(failed.length === 0 ? 0 : 1);
