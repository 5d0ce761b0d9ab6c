// Prints one plain closing line "wtr: N passed, N failed[, N skipped]" after a web-test-runner run
// (the default reporter draws its summary inside a progress bar), and writes the counts to
// coverage/test-summary.json so that scripts/test.mjs can repeat them at the very end of `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, acc) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite?.suites ?? []) count(s, acc);
  return acc;
}

export function summaryReporter() {
  let line = '';
  // Printed at process exit: anything written earlier is redrawn over by the default reporter.
  process.once('exit', () => {
    if (line) process.stdout.write(line);
  });
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const own = count(session.testResults, { passed: 0, failed: 0, skipped: 0 });
        // A file that failed to load, or whose hooks failed, has no failed test but must still fail the summary.
        if (!session.passed && own.failed === 0) own.failed++;
        acc.passed += own.passed;
        acc.failed += own.failed;
        acc.skipped += own.skipped;
      }
      const skipped = acc.skipped ? `, ${acc.skipped} skipped` : '';
      line = `wtr: ${acc.passed} passed, ${acc.failed} failed${skipped}\n`;
      mkdirSync('coverage', { recursive: true });
      writeFileSync('coverage/test-summary.json', JSON.stringify(acc));
    },
  };
}
