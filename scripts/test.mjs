#!/usr/bin/env node
// `npm test`: every check, in order, with one plain summary line at the end.
// Steps: lint, typecheck, browser tests (with coverage thresholds), build, the built bundle under a
// strict CSP, the built drop-in's adapters loaded on demand (with a real WordPress), manifest check,
// the table of design tokens in docs/theming.md, size budgets, Storybook static build, every story rendered in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['data format schema agrees with the validator', 'node', ['scripts/check-schema.mjs']],
  ['browser tests', 'npm', ['run', '--silent', 'test:browser']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['strict CSP (built bundle)', 'node', ['scripts/check-csp.mjs']],
  ['drop-in: adapters on demand (built)', 'node', ['scripts/check-drop-in.mjs']],
  ['custom-elements.json is current', 'node', ['scripts/check-manifest.mjs']],
  ['docs/theming.md tokens are current', 'node', ['scripts/tokens-doc.mjs', '--check']],
  ['size budgets', 'node', ['scripts/size.mjs']],
  ['storybook build', 'npm', ['run', '--silent', 'build-storybook']],
  ['storybook stories render', 'node', ['scripts/check-storybook.mjs']],
];

const only = process.argv.slice(2);
const results = [];
rmSync('coverage/test-summary.json', { force: true });
rmSync('coverage/storybook-summary.json', { force: true });

for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  results.push({ name, ok, seconds });
  console.log(`${ok ? '✔' : '✘'} ${name} (${seconds} s)`);
}

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const browser = read('coverage/test-summary.json');
const stories = read('coverage/storybook-summary.json');

console.log('\nSummary:');
for (const r of results) console.log(`  ${r.ok ? '✔' : '✘'} ${r.name.padEnd(34)} ${r.seconds.padStart(6)} s`);
if (browser) console.log(`  browser tests: ${browser.passed} passed, ${browser.failed} failed${browser.skipped ? `, ${browser.skipped} skipped` : ''}`);
if (stories) console.log(`  stories rendered: ${stories.passed} passed, ${stories.failed} failed`);

const failedSteps = results.filter((r) => !r.ok).length;
const passed = (browser?.passed ?? 0) + (stories?.passed ?? 0) + results.filter((r) => r.ok).length;
const failed = (browser?.failed ?? 0) + (stories?.failed ?? 0) + failedSteps;
// The plain closing line CI reads: every test and every check step counted.
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && failedSteps === 0 ? 0 : 1);
