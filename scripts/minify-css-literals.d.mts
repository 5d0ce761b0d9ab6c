// Types of scripts/minify-css-literals.mjs (imported by test/build/minify-css.test.ts).
import type { Plugin } from 'rollup';
export function minifyCss(text: string): string;
export function minifyCssLiterals(): Plugin;
