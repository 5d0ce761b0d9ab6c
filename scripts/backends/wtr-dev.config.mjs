// Runs test files with the real backends while web-test-runner.config.mjs does not include them yet:
//   npx web-test-runner test/adapters/wordpress.test.ts --config scripts/backends/wtr-dev.config.mjs --static-logging
import base from '../../web-test-runner.config.mjs';
import { backendsPlugin } from './wtr-plugin.mjs';

const already = (base.plugins ?? []).some((p) => p?.name === 'mag-backends');
export default {
  ...base,
  plugins: already ? base.plugins : [backendsPlugin(), ...(base.plugins ?? [])],
};
