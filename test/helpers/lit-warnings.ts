/**
 * Fails a test when Lit's development build warns (an update scheduled during an update, a reactive
 * property shadowed by a class field, …): those are bugs even when the page still looks right.
 * web-test-runner.config.mjs adds this module to every test file.
 */
const warnings: string[] = [];
const original = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const first = typeof args[0] === 'string' ? args[0] : '';
  if (first.includes('lit.dev/msg/') && !first.includes('lit.dev/msg/dev-mode')) warnings.push(first);
  original(...args);
};

afterEach(function litWarnings() {
  if (warnings.length) {
    const list = warnings.splice(0);
    throw new Error(`Lit warned during this test:\n${list.join('\n')}`);
  }
});
