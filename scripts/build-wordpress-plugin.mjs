#!/usr/bin/env node
// `npm run build` (after rollup): the WordPress plugin as an installable archive,
// dist/wordpress/mag-elements.zip, holding the folder mag-elements/: the plugin's files
// (wordpress-plugin/mag-elements/) and the drop-in bundle with its adapter files (dist/cdn/*.js,
// dist/cdn/adapters/*.js; no source maps) in cdn/<version>-<hash>/, a folder named after the build so
// that browsers never mix the files of two versions; includes/bundle-build.php tells the plugin its name.
// Fails when the plugin's version (its header, MAG_ELEMENTS_VERSION, readme.txt's stable tag) is not
// package.json's.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zip } from './wordpress-plugin/zip.mjs';

const SOURCE = 'wordpress-plugin/mag-elements';
const CDN = 'dist/cdn';
const OUT = 'dist/wordpress/mag-elements.zip';

/** Every file under `dir`, sorted, as paths relative to it with `/`. */
function files(dir) {
  const found = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found;
}

const fail = (message) => {
  console.error(`build-wordpress-plugin: ${message}`);
  process.exit(1);
};

if (!existsSync(join(CDN, 'mag-elements.js'))) fail(`${CDN}/mag-elements.js is missing: run rollup first (npm run build).`);
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const main = readFileSync(join(SOURCE, 'mag-elements.php'), 'utf8');
const readme = readFileSync(join(SOURCE, 'readme.txt'), 'utf8');
const found = {
  'the plugin header (Version:)': /^\s*\*\s*Version:\s*(\S+)/m.exec(main)?.[1],
  MAG_ELEMENTS_VERSION: /define\(\s*'MAG_ELEMENTS_VERSION',\s*'([^']+)'/.exec(main)?.[1],
  "readme.txt's Stable tag": /^Stable tag:\s*(\S+)/m.exec(readme)?.[1],
};
for (const [where, value] of Object.entries(found)) {
  if (value !== version) fail(`${where} says ${value ?? 'nothing'}, package.json says ${version}: make them the same.`);
}

const bundle = files(CDN).filter((f) => f.endsWith('.js'));
const hash = createHash('sha256');
for (const f of bundle) hash.update(f).update(readFileSync(join(CDN, f)));
const build = `${version}-${hash.digest('hex').slice(0, 8)}`;

const entries = [];
const folders = new Set();
const add = (name, data) => {
  const parts = name.split('/');
  for (let i = 1; i < parts.length; i++) {
    const folder = `${parts.slice(0, i).join('/')}/`;
    if (!folders.has(folder)) {
      folders.add(folder);
      entries.push({ name: folder });
    }
  }
  entries.push({ name, data });
};
for (const f of files(SOURCE)) {
  if (f === 'includes/bundle-build.php') continue;
  add(`mag-elements/${f}`, readFileSync(join(SOURCE, f)));
}
add('mag-elements/includes/bundle-build.php', `<?php\n// Written by scripts/build-wordpress-plugin.mjs: the folder of the bundle under cdn/.\nreturn '${build}';\n`);
for (const f of bundle) add(`mag-elements/cdn/${build}/${f}`, readFileSync(join(CDN, f)));

const archive = zip(entries);
mkdirSync('dist/wordpress', { recursive: true });
writeFileSync(OUT, archive);
console.log(`${OUT}: ${entries.filter((e) => !e.name.endsWith('/')).length} files, ${(archive.length / 1024).toFixed(1)} KB (bundle in cdn/${build}/)`);
