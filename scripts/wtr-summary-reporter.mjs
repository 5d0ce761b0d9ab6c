// Prints one plain closing line "wtr: N passed, N failed[, N skipped]" after a web-test-runner run
// (the default reporter draws its summary inside a progress bar), and writes the counts, with each
// failure (file, test, error), to coverage/test-summary.json so that scripts/test.mjs can repeat them
// at the very end of `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

function count(suite, acc, file, path = []) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else {
      acc.failed++;
      acc.failures.push({ file: relative(process.cwd(), file), test: [...path, t.name].join(' > '), error: errorText(t.error) });
    }
  }
  for (const s of suite?.suites ?? []) count(s, acc, file, [...path, s.name]);
  return acc;
}

/** An error as a few lines: its name and message, what was expected, and the stack's frames. */
function errorText(error) {
  if (!error) return 'failed';
  const lines = [`${error.name ?? 'Error'}: ${error.message}`];
  if (error.expected !== undefined || error.actual !== undefined) lines.push(`expected: ${error.expected}`, `actual:   ${error.actual}`);
  for (const line of (error.stack ?? '').split('\n')) if (/^\s*at /.test(line)) lines.push(line.trim());
  return lines.join('\n');
}

export function summaryReporter() {
  let line = '';
  // Printed at process exit: anything written earlier is redrawn over by the default reporter.
  process.once('exit', () => {
    if (line) process.stdout.write(line);
  });
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        const own = count(session.testResults, { passed: 0, failed: 0, skipped: 0, failures: [] }, session.testFile);
        // A file that failed to load, or whose hooks failed, has no failed test but must still fail the summary.
        if (!session.passed && own.failed === 0) {
          own.failed++;
          const errors = session.errors?.length ? session.errors.map(errorText).join('\n') : 'the test file failed (see the full log)';
          own.failures.push({ file: relative(process.cwd(), session.testFile), test: '(the file itself)', error: errors });
        }
        acc.passed += own.passed;
        acc.failed += own.failed;
        acc.skipped += own.skipped;
        acc.failures.push(...own.failures);
      }
      const skipped = acc.skipped ? `, ${acc.skipped} skipped` : '';
      line = `wtr: ${acc.passed} passed, ${acc.failed} failed${skipped}\n`;
      mkdirSync('coverage', { recursive: true });
      writeFileSync('coverage/test-summary.json', JSON.stringify(acc));
    },
  };
}
