import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The stories load local files (demo images) from the project root.
  staticDirs: [{ from: '../demo', to: '/demo' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
