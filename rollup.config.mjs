// rollup.config.mjs — the drop-in bundle. Input is tsc's output (dist/, from `tsc -p tsconfig.build.json`);
// the library build is that per-module output itself (lit, @lit/* and dompurify stay bare imports).
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

export default [
  // dist/cdn/mag-elements.js: self-contained (lit, @lit/context, @lit/task, dompurify inlined), minified.
  // One <script type="module"> registers every element and exports the adapters.
  {
    input: 'dist/mag-elements.js',
    onwarn,
    output: { file: 'dist/cdn/mag-elements.js', format: 'es', sourcemap: true },
    plugins: [minifyCssLiterals(), nodeResolve({ browser: true }), terser(terserOptions)],
  },
];
