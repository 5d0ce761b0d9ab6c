// Types of scripts/minify-html-literals.mjs (imported by test/build/minify-html.test.ts).
import type { Plugin } from 'rollup';

export function minifyHtml(text: string): string;
export function minifyHtmlLiterals(): Plugin;
