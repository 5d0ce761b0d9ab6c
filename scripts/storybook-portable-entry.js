// Single ESM bundle of Storybook's browser-side portable-stories API for web-test-runner.
// Storybook's browser chunks import CommonJS deps (aria-query, ...) that @web/dev-server cannot serve as ESM,
// so esbuild pre-bundles them here; `lit` stays external so tests and stories share one Lit instance.
export * from '@storybook/web-components';
export { composeStories, composeStory } from 'storybook/preview-api';
