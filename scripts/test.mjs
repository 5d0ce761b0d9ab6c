#!/usr/bin/env node
// `npm test`: every check, in order, with one plain summary line at the end.
// Steps: lint, typecheck, the data format's JSON Schema (generated, current, agreeing with the
// validator), browser tests (with coverage thresholds), build, the `mag-elements` command
// on the build (node:test), the built bundle under a strict CSP, the built drop-in's adapters loaded
// on demand (with a real WordPress), server rendering (pages rendered from JSON, inline JSON, a feed and
// a real WordPress, read without scripts, then taken over by the built bundle), PHP lint of the
// WordPress plugin, the built plugin zip installed into a real WordPress and checked in Chromium,
// manifest check, generated docs check (element tables, design tokens), size budgets, Storybook static build, every story rendered in
// Chromium, Storybook's dev server.
//
// Quiet by default: one line per step, then the counts and the closing line `N passed, N failed`
// (CI reads it). Each step's whole output goes to a log file, .cache/test-logs/<nn>-<step>.log, whose
// path the step's line ends with. A failing step also prints what failed: the failing browser tests
// with their errors, else its output (the last lines when it is long, with the path of the full log).
//
//   npm test -- --verbose     every step's output as it runs (MAG_TEST_VERBOSE=1 does the same)
//   npm test -- storybook     only the steps whose name contains one of the words given
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const steps = [
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['data format schema is generated and current', 'node', ['scripts/data-format-schema.mjs', '--check']],
  ['browser tests', 'npm', ['run', '--silent', 'test:browser']],
  ['build', 'npm', ['run', '--silent', 'build']],
  [
    'command line: mag-elements (built)',
    'node',
    ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=./scripts/node-test-summary-reporter.mjs', '--test-reporter-destination=coverage/cli-summary.json', 'test/cli/import-mt.test.mjs', 'test/cli/render.test.mjs'],
  ],
  ['strict CSP (built bundle)', 'node', ['scripts/check-csp.mjs']],
  ['drop-in: adapters on demand (built)', 'node', ['scripts/check-drop-in.mjs']],
  ['server rendering (built)', 'node', ['scripts/check-ssr.mjs']],
  ['php -l (WordPress plugin)', 'node', ['scripts/check-php.mjs']],
  ['WordPress plugin (built zip)', 'node', ['scripts/check-wordpress-plugin.mjs']],
  ['custom-elements.json is current', 'node', ['scripts/check-manifest.mjs']],
  ['docs/elements tables are current', 'node', ['scripts/element-docs.mjs', '--check']],
  ['docs/theming.md tokens are current', 'node', ['scripts/tokens-doc.mjs', '--check']],
  ['size budgets', 'node', ['scripts/size.mjs']],
  ['storybook build', 'npm', ['run', '--silent', 'build-storybook']],
  ['storybook stories render', 'node', ['scripts/check-storybook.mjs']],
  ['storybook dev server: one Lit, no checklist', 'node', ['scripts/check-storybook.mjs', '--dev']],
];

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v') || /^(1|true|yes)$/i.test(process.env.MAG_TEST_VERBOSE ?? '');
const only = args.filter((a) => !a.startsWith('-'));
/** Lines of a failing step's output printed when the step gives nothing more precise. */
const TAIL_LINES = 80;
const LOGS = join('.cache', 'test-logs');

const results = [];
rmSync('coverage/test-summary.json', { force: true });
rmSync('coverage/storybook-summary.json', { force: true });
rmSync('coverage/cli-summary.json', { force: true });
// (node:test writes its counts there, even when it runs before the browser tests have made the folder)
mkdirSync('coverage', { recursive: true });
rmSync(LOGS, { recursive: true, force: true });
mkdirSync(LOGS, { recursive: true });

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

/** Runs one step, its output into `logFile` (and onto the terminal with --verbose). */
function run(cmd, stepArgs, logFile) {
  return new Promise((resolveRun) => {
    const log = createWriteStream(logFile);
    const child = spawn(cmd, stepArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
    child.stdout.on('data', (chunk) => {
      log.write(chunk);
      if (verbose) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      log.write(chunk);
      if (verbose) process.stderr.write(chunk);
    });
    child.on('error', (error) => log.write(`\n${cmd} could not start: ${error.message}\n`));
    child.on('close', (code) => log.end(() => resolveRun(code === 0)));
  });
}

/** What a failed step shows in quiet mode: the failing browser tests, else the end of its output. */
function explainFailure(name, logFile) {
  const bar = '─'.repeat(72);
  console.log(bar);
  const browser = name === 'browser tests' ? read('coverage/test-summary.json') : undefined;
  if (browser?.failures?.length) {
    for (const f of browser.failures) console.log(`✘ ${f.file}\n  ${f.test}\n${f.error.replace(/^/gm, '    ')}\n`);
  } else {
    const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n');
    if (lines.length > TAIL_LINES) console.log(`… (the last ${TAIL_LINES} of ${lines.length} lines)`);
    console.log(lines.slice(-TAIL_LINES).join('\n'));
  }
  console.log(`${bar}\nFull output: ${logFile}`);
}

for (const [position, [name, cmd, stepArgs]] of steps.entries()) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  const logFile = join(LOGS, `${String(position + 1).padStart(2, '0')}-${slug(name)}.log`);
  const started = Date.now();
  if (verbose) console.log(`\n▶ ${name}`);
  else process.stdout.write(`  ${name} … `);
  const ok = await run(cmd, stepArgs, logFile);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok, seconds, logFile });
  if (verbose) console.log(`${ok ? '✔' : '✘'} ${name} (${seconds} s)`);
  else {
    console.log(`${ok ? '✔' : '✘'} ${seconds} s  ${logFile}`);
    if (!ok) explainFailure(name, logFile);
  }
}

const browser = read('coverage/test-summary.json');
const stories = read('coverage/storybook-summary.json');
const cli = read('coverage/cli-summary.json');

console.log('\nSummary:');
if (verbose) for (const r of results) console.log(`  ${r.ok ? '✔' : '✘'} ${r.name.padEnd(44)} ${r.seconds.padStart(6)} s`);
else for (const r of results.filter((r) => !r.ok)) console.log(`  ✘ ${r.name}: ${r.logFile}`);
if (browser) console.log(`  browser tests: ${browser.passed} passed, ${browser.failed} failed${browser.skipped ? `, ${browser.skipped} skipped` : ''}`);
if (stories) console.log(`  stories rendered: ${stories.passed} passed, ${stories.failed} failed`);
if (cli) console.log(`  command line tests: ${cli.passed} passed, ${cli.failed} failed`);
console.log(`  steps: ${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length} failed; logs in ${LOGS}/`);

const failedSteps = results.filter((r) => !r.ok).length;
const passed = (browser?.passed ?? 0) + (stories?.passed ?? 0) + (cli?.passed ?? 0) + results.filter((r) => r.ok).length;
const failed = (browser?.failed ?? 0) + (stories?.failed ?? 0) + (cli?.failed ?? 0) + failedSteps;
// The plain closing line CI reads: every test and every check step counted.
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && failedSteps === 0 ? 0 : 1);
