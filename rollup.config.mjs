// rollup.config.mjs — the drop-in bundle. Input is tsc's output (dist/, from `tsc -p tsconfig.build.json`);
// the library build is that per-module output itself (lit, @lit/* and dompurify stay bare imports).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyCssLiterals } from './scripts/minify-css-literals.mjs';

export const terserOptions = {
  ecma: 2022,
  module: true,
  compress: { passes: 2 },
  format: { comments: false },
};

// tsc's `__decorate` helper starts with `(this && this.__decorate)`; rollup rewrites top-level `this`
// to undefined and warns. Harmless (Lit's starter kit filters it too).
export const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

/** The drop-in bundle's files: the entry, then the further adapters, loaded on demand (or imported by scripts). */
const dropInInput = {
  'mag-elements': 'dist/drop-in.js',
  'adapters/wordpress': 'dist/adapters/wordpress/wordpress-adapter.js',
  'adapters/feed': 'dist/adapters/feed/feed-adapter.js',
  // A JsonAdapter that keeps posted comments in memory (demos, prototypes): for scripts only.
  'adapters/memory': 'dist/adapters/json/memory-adapter.js',
};

const CORE = 'mag-elements';
/** The further adapters' entries: their module paths and names (`adapters/feed` → `feed`). */
const adapterEntries = new Map(
  Object.entries(dropInInput)
    .filter(([name]) => name !== CORE)
    .map(([name, file]) => [resolve(file), name.replace('adapters/', '')]),
);
/** The library's core helpers (src/core/): in the entry file even when only adapters use them (core/inert.js). */
const CORE_DIR = resolve('dist/core');
/** An adapter's copy of a module: `<file>?adapter=<name>`. */
const COPY = /\?adapter=([\w-]+)$/;
const FILE_ONLY = 'one-file-per-adapter: the file';

/**
 * Where each module goes in dist/cdn/:
 * - every module the entry imports statically (lit, DOMPurify, every element, the JSON adapter…) and
 *   every module of the library's core (dist/core/) stays in dist/cdn/mag-elements.js itself, once per
 *   page: the adapter files import what they use of it from there (one `MagAdapterError` class, and one
 *   Trusted Types policy, `mag-elements`, which a strict `trusted-types` directive lets a page create once);
 * - each adapter file gets its own copy of the other modules it imports, even those it shares with
 *   another adapter file (html-text.js): a page that asks for an adapter fetches one file.
 * Without this, rollup would move the code shared by the entries into more files (shared chunks),
 * more requests, each compressed on its own. An adapter's copy of a module is the module
 * `<file>?adapter=<name>` (read from the file), imported from the adapter's entry or its other copies.
 * The build fails if a file other than the entries comes out anyway. Returns the plugin, and the
 * `manualChunks` option that keeps the core in the entry file.
 */
function oneFilePerAdapter() {
  /** The modules of the entry's static graph, and the promise of their loading. */
  const core = new Set();
  let coreLoaded;
  const inCore = (id) => core.has(id) || id.startsWith(`${CORE_DIR}/`);
  /** The adapter a module belongs to: the adapter of a copy, or the adapter whose entry it is. */
  const ownerOf = (id) => COPY.exec(id)?.[1] ?? adapterEntries.get(id);
  const plugin = {
    name: 'one-file-per-adapter',
    buildStart() {
      // The entry's static graph, loaded first (the adapters' imports wait for it).
      core.clear();
      const walk = async (id) => {
        if (core.has(id)) return;
        core.add(id);
        const { importedIds } = await this.load({ id, resolveDependencies: true });
        await Promise.all(importedIds.map(walk));
      };
      coreLoaded = this.resolve(dropInInput[CORE], undefined, { isEntry: true }).then((entry) => walk(entry.id));
    },
    async resolveId(source, importer, options) {
      const owner = importer && ownerOf(importer);
      // (node-resolve, resolving the file for the call below, comes through this hook again: let it)
      if (!owner || options.custom?.[FILE_ONLY]) return null;
      const resolved = await this.resolve(source, importer.replace(COPY, ''), { ...options, custom: { ...options.custom, [FILE_ONLY]: true } });
      await coreLoaded;
      return !resolved || resolved.external || inCore(resolved.id) ? resolved : `${resolved.id}?adapter=${owner}`;
    },
    load(id) {
      return COPY.test(id) ? readFileSync(id.replace(COPY, ''), 'utf8') : null;
    },
    generateBundle(_options, bundle) {
      const extra = Object.values(bundle).filter((file) => file.type === 'chunk' && !file.isEntry);
      if (extra.length) this.error(`files no entry asked for (each adapter should be one file): ${extra.map((c) => c.fileName).join(', ')}`);
    },
  };
  return { plugin, manualChunks: (id) => (inCore(id) ? CORE : undefined) };
}
const chunks = oneFilePerAdapter();

export default [
  // dist/cdn/: self-contained (lit, @lit/context, @lit/task, dompurify inlined), minified. One
  // <script type="module" src=".../mag-elements.js"> registers every element and exports the API;
  // dist/cdn/adapters/<name>.js are fetched (relative to it) when <mag-provider adapter="name"> asks.
  {
    input: dropInInput,
    onwarn,
    // mag-elements.js may export more than src/drop-in.ts does: the (minified) names the adapter files import from it.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      // The source of an adapter's copy of a module is that module's file.
      sourcemapPathTransform: (path) => path.replace(COPY, ''),
      manualChunks: chunks.manualChunks,
    },
    plugins: [chunks.plugin, minifyCssLiterals(), nodeResolve({ browser: true }), terser(terserOptions)],
  },
];
