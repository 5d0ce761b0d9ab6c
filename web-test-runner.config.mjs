// web-test-runner.config.mjs — runs the tests in Debian's Chromium (apt-get install -y chromium); no browser download.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { testEndpointsMiddleware } from './scripts/wtr-test-endpoints.mjs';
import { backendsPlugin } from './scripts/backends/wtr-plugin.mjs';
import { cspMiddleware } from './test/fixtures/csp/csp-middleware.mjs';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// Portable stories: Storybook's browser code imports CommonJS packages that @web/dev-server cannot serve,
// so `npm run test:vendor` pre-bundles it into test/vendor/storybook-portable.js, aliased here.
const storybookBrowserEntries = new Set(['@storybook/web-components-vite', '@storybook/web-components', 'storybook/preview-api']);
const storybookPortableAlias = {
  name: 'storybook-portable-alias',
  resolveImport({ source }) {
    if (storybookBrowserEntries.has(source)) return '/test/vendor/storybook-portable.js';
  },
};

// Every test file first loads test/helpers/lit-warnings.ts, which fails a test when Lit's dev build warns.
const litWarnings = {
  name: 'lit-warnings',
  transform(context) {
    if (context.path.endsWith('.test.ts')) return { body: `import '/test/helpers/lit-warnings.ts';\n${context.body}` };
  },
};

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  rootDir: '.',
  middleware: [testEndpointsMiddleware(), cspMiddleware()],
  // backendsPlugin() starts a real WordPress and a feed server on 127.0.0.1 for the adapter tests.
  // They start on the first request for their addresses, so runs without adapter tests do not pay for them.
  plugins: [backendsPlugin({ lazy: true }), litWarnings, storybookPortableAlias, esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
  // One test file at a time: a background tab gets no animation frames in headless Chromium, so
  // fixtures waiting for one would hang when files run side by side.
  concurrency: 1,
  testsFinishTimeout: 600000,
  coverageConfig: {
    include: ['src/**/*.ts'],
    report: true,
    reportDir: 'coverage',
    threshold: { statements: 90, branches: 80, functions: 90, lines: 90 },
  },
  reporters: [defaultReporter(), summaryReporter()],
  testFramework: { config: { timeout: 10000 } },
};
