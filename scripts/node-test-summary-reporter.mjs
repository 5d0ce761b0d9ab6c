// A reporter for `node --test` that writes one JSON line, {"passed", "failed", "skipped"}, to its
// destination: scripts/test.mjs adds these counts to its closing "N passed, N failed" line.
export default async function* summary(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    // (suites report too; only tests are counted)
    if (event.data?.details?.type === 'suite') continue;
    if (event.type === 'test:pass') counts[event.data.skip || event.data.todo ? 'skipped' : 'passed']++;
    else if (event.type === 'test:fail') counts.failed++;
  }
  yield `${JSON.stringify(counts)}\n`;
}
