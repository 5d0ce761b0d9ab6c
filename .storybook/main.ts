import type { StorybookConfig } from '@storybook/web-components-vite';

// Lit's packages: served as the ES modules they are, never pre-bundled (see viteFinal below).
const LIT_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context'];

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The stories load the demo's files: its images and data under /demo, and, for the whole-page story,
  // at /data and /img too, where the demo page's relative URLs (`data/le-mag.json`, `img/…`) point;
  // the video list's stories play the tests' video file, at /media.
  staticDirs: [
    { from: '../demo', to: '/demo' },
    { from: '../demo/data', to: '/data' },
    { from: '../demo/img', to: '/img' },
    { from: '../test/fixtures/media', to: '/media' },
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // No onboarding checklist in the sidebar or in the menu: the index opens on the stories.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  // One Lit on the page in `storybook dev`. Vite pre-bundles the Lit entry points the stories import
  // (`lit`, `lit/directives/*.js`) into bundles that share one copy of lit-html. Storybook's
  // web-components renderer is served unbundled from node_modules, and Vite pre-bundles no import
  // made from node_modules: the renderer's `lit/directive-helpers.js` would load the lit-html module
  // itself, a second lit-html ("Multiple versions of Lit loaded"). With Lit never pre-bundled, every
  // import of it (stories, renderer, pre-bundled dependencies) resolves to the same files. The
  // static build bundles everything in one pass and has one Lit either way.
  viteFinal(viteConfig) {
    const optimizeDeps = viteConfig.optimizeDeps ?? {};
    return {
      ...viteConfig,
      optimizeDeps: {
        ...optimizeDeps,
        exclude: [...(optimizeDeps.exclude ?? []), ...LIT_PACKAGES],
        include: (optimizeDeps.include ?? []).filter((name) => !LIT_PACKAGES.some((lit) => name === lit || name.startsWith(`${lit}/`))),
      },
    };
  },
};

export default config;
