#!/usr/bin/env node
// Fails when the committed custom-elements.json is not what the analyzer produces from src/ now.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

// The analyzer writes to <cwd>/<outdir>, so the scratch folder is inside the project (gitignored).
mkdirSync('.cache', { recursive: true });
const dir = relative(process.cwd(), mkdtempSync(join('.cache', 'cem-')));
try {
  const run = spawnSync('npx', ['cem', 'analyze', '--outdir', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) {
    console.error('The custom elements manifest analyzer failed.');
    process.exitCode = 1;
  } else {
    const fresh = readFileSync(join(dir, 'custom-elements.json'), 'utf8');
    const committed = existsSync('custom-elements.json') ? readFileSync('custom-elements.json', 'utf8') : '';
    if (fresh !== committed) {
      console.error('custom-elements.json is out of date: run `npm run analyze` and commit the result.');
      process.exitCode = 1;
    } else {
      console.log('custom-elements.json is current.');
    }
  }
} finally {
  // (process.exitCode rather than process.exit(), so that the scratch folder is always removed.)
  rmSync(dir, { recursive: true, force: true });
}
