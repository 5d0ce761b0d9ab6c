#!/usr/bin/env node
// `npm run size`: minified, gzip and brotli sizes of the drop-in bundle, of each entry point (each
// element, each adapter) and of the floor (lit + @lit/context + @lit/task + dompurify alone), built in
// the same run from tsc's output in dist/. Fails when a budget is exceeded.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { terserOptions, onwarn } from '../rollup.config.mjs';

const KB = 1024;
const BUDGETS = {
  // Every element and the JSON adapter, self-contained (issue 7).
  core: 28 * KB,
  // Each further adapter on its own, with the library's shared code and dependencies external.
  adapter: 4 * KB,
};

if (!existsSync('dist/mag-elements.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const external = [/^lit(\/.*)?$/, /^@lit\//, /^dompurify$/];
const virtual = (modules) => ({
  name: 'virtual',
  resolveId: (id) => (id in modules ? id : null),
  load: (id) => (id in modules ? modules[id] : null),
});

async function bundle(code, { selfContained = true, externalAlso = [] } = {}) {
  const build = await rollup({
    input: 'entry',
    onwarn,
    external: selfContained ? externalAlso : [...external, ...externalAlso],
    plugins: [virtual({ entry: code }), nodeResolve({ browser: true })],
  });
  const { output } = await build.generate({ format: 'es', plugins: [terser(terserOptions)] });
  await build.close();
  return output[0].code;
}

function measure(code) {
  const buffer = Buffer.from(code);
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const rel = (path) => new URL(`../${path}`, import.meta.url).pathname;
const rows = [];
const add = (name, code, budget) => rows.push({ name, ...measure(code), budget });

// The floor: our dependencies alone, each used trivially.
add(
  'floor: lit + @lit/context + @lit/task + dompurify',
  await bundle(`
    import { LitElement, html, render } from 'lit';
    import { createContext, ContextProvider, ContextConsumer } from '@lit/context';
    import { Task } from '@lit/task';
    import DOMPurify from 'dompurify';
    export { LitElement, html, render, createContext, ContextProvider, ContextConsumer, Task, DOMPurify };
  `),
);

// The drop-in bundle as shipped.
add('dist/cdn/mag-elements.js (drop-in, all adapters)', readFileSync('dist/cdn/mag-elements.js', 'utf8'));

// Every element and the JSON adapter: the budgeted core of the drop-in bundle.
const defines = readdirSync('dist/define').filter((f) => f.endsWith('.js')).sort();
add(
  'core: every element + JSON adapter',
  await bundle(`${defines.map((f) => `import ${JSON.stringify(rel(`dist/define/${f}`))};`).join('\n')}
    export { JsonAdapter } from ${JSON.stringify(rel('dist/adapters/json/json-adapter.js'))};
    export { MagAdapterError } from ${JSON.stringify(rel('dist/core/errors.js'))};`),
  BUDGETS.core,
);

// Each element alone (dependencies external: what it adds to a page that already has Lit).
for (const f of defines) {
  add(`element ${f.replace('.js', '')} (deps external)`, await bundle(`import ${JSON.stringify(rel(`dist/define/${f}`))};`, { selfContained: false }));
}

// Each further adapter on its own: the library's core modules and dependencies are external.
const coreFiles = readdirSync('dist/core').filter((f) => f.endsWith('.js')).map((f) => rel(`dist/core/${f}`));
const adapters = readdirSync('dist/adapters').filter((d) => d !== 'json' && existsSync(`dist/adapters/${d}/${d}-adapter.js`));
for (const name of adapters) {
  add(
    `adapter ${name} (on its own)`,
    await bundle(`export * from ${JSON.stringify(rel(`dist/adapters/${name}/${name}-adapter.js`))};`, { selfContained: false, externalAlso: coreFiles }),
    BUDGETS.adapter,
  );
}

const fmt = (n) => n.toLocaleString('en');
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
console.log('| bundle | min | gzip | brotli | budget (gzip) |');
console.log('|---|---:|---:|---:|---:|');
let over = 0;
for (const r of rows) {
  const status = r.budget === undefined ? '' : r.gzip <= r.budget ? `≤ ${kb(r.budget)} ✔` : `≤ ${kb(r.budget)} ✘ OVER`;
  if (r.budget !== undefined && r.gzip > r.budget) over++;
  console.log(`| ${r.name} | ${fmt(r.min)} | ${fmt(r.gzip)} (${kb(r.gzip)}) | ${fmt(r.brotli)} | ${status} |`);
}
mkdirSync('coverage', { recursive: true });
writeFileSync('coverage/size.json', JSON.stringify(rows, null, 2));
if (over) {
  console.error(`\n${over} bundle(s) over budget.`);
  process.exit(1);
}
console.log('\nAll size budgets met.');
