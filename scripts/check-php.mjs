#!/usr/bin/env node
// `npm test`: `php -l` (PHP's own syntax check, Debian's php-cli) of every PHP file of the WordPress
// plugin (wordpress-plugin/) and of the test WordPress (scripts/backends/wordpress/).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['wordpress-plugin', 'scripts/backends/wordpress'];
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.php')) files.push(path);
  }
};
roots.forEach(walk);

const failed = [];
for (const file of files) {
  const run = spawnSync('php', ['-l', '-d', 'display_errors=1', file], { encoding: 'utf8' });
  if (run.error) {
    console.error(`php -l: PHP is missing (apt-get install php-cli): ${run.error.message}`);
    process.exit(1);
  }
  if (run.status !== 0) failed.push(`${file}: ${(run.stdout + run.stderr).trim()}`);
}
for (const f of failed) console.error(`✘ ${f}`);
console.log(`php -l: ${files.length - failed.length} of ${files.length} PHP files without a syntax error`);
process.exit(failed.length ? 1 : 0);
