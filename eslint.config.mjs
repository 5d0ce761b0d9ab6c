// eslint.config.mjs — ESLint 10 flat config: typescript-eslint (type-aware, TS files only) + eslint-plugin-lit + eslint-plugin-wc.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

const TS = ['**/*.ts'];
const COMPONENT_CODE = ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts'];

export default defineConfig(
  {
    ignores: ['dist/', 'coverage/', 'storybook-static/', 'test/vendor/', 'node_modules/', '.backends/', 'bench-results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: TS })),
  {
    files: TS,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/components/**/*.ts'],
    // Lit calls a template's event listeners with the element as `this`: elements pass their methods
    // (`@click=${this._onPrint}`, docs/decisions/code-style.md).
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  { ...litConfigs['flat/recommended'], files: COMPONENT_CODE },
  {
    ...wcConfigs['flat/best-practice'],
    files: COMPONENT_CODE,
    // without this, eslint-plugin-wc only treats `extends HTMLElement` classes as custom elements
    settings: { wc: { elementBaseClasses: ['LitElement', 'MagElement'] } },
    // LitElement always implements the lifecycle callbacks, so guarding super.connectedCallback() is noise
    rules: { ...wcConfigs['flat/best-practice'].rules, 'wc/guard-super-call': 'off' },
  },
  {
    files: ['test/**/*.ts', 'stories/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      // @open-wc/semantic-dom-diff types chai's equal() as returning a Promise: every expect() would be
      // reported. Off in tests: always `await expect(el).to.be.accessible()`.
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  {
    // Server rendering runs in Node.
    files: ['src/server/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.server.json', projectService: false }, globals: { ...globals.node } },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
