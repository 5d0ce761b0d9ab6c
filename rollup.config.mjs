// rollup.config.mjs — the drop-in bundle. Input is tsc's output (dist/, from `tsc -p tsconfig.build.json`);
// the library build is that per-module output itself (lit, @lit/* and dompurify stay bare imports).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyCssLiterals } from './scripts/minify-css-literals.mjs';
import { minifyHtmlLiterals } from './scripts/minify-html-literals.mjs';

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

/**
 * Keeps every module the entry imports statically (lit, DOMPurify, every element, the JSON adapter…)
 * in dist/cdn/mag-elements.js itself: the adapter files import what they share with it from it, so a
 * page has one copy of the library whichever of the files it loads, and the drop-in stays one file
 * until a provider asks for an adapter. (Without this, rollup would move the code shared by the
 * entries into a third file that every page would have to fetch.)
 */
function coreInEntry(name, entrySuffix) {
  let core;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (!core) {
      const entry = [...getModuleIds()].find((m) => m.endsWith(entrySuffix) && getModuleInfo(m)?.isEntry);
      core = new Set();
      const queue = entry ? [entry] : [];
      while (queue.length) {
        const m = queue.pop();
        if (core.has(m)) continue;
        core.add(m);
        queue.push(...(getModuleInfo(m)?.importedIds ?? []));
      }
    }
    return core.has(id) ? name : undefined;
  };
}

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
      // Code shared by the adapter files only (not by the entry): next to them, under a stable name.
      chunkFileNames: 'adapters/shared-[name].js',
      manualChunks: coreInEntry('mag-elements', `/${dropInInput['mag-elements']}`),
    },
    plugins: [minifyCssLiterals(), minifyHtmlLiterals(), nodeResolve({ browser: true }), terser(terserOptions)],
  },
];
