// Sums the results of every test runner into one line: "N passed, N failed, N skipped".
// Reads TRX files (dotnet test), Vitest JSON, Playwright JSON and hygiene.json (scripts/hygiene.sh) from the results folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
const add = (p, f, s, source) => {
  passed += p; failed += f; skipped += s;
  console.error(`${source}: ${p} passed, ${f} failed, ${s} skipped`);
};

for (const file of readdirSync(dir)) {
  const text = readFileSync(join(dir, file), 'utf8');
  if (file.endsWith('.trx')) {
    const counters = text.match(/<Counters\s[^>]*>/);
    if (!counters) { add(0, 1, 0, `${file} (no counters)`); continue; }
    const get = (name) => Number((counters[0].match(new RegExp(`\\b${name}="(\\d+)"`)) ?? [0, 0])[1]);
    const notRun = get('notExecuted');
    const failures = get('failed') + get('error') + get('timeout') + get('aborted');
    // A test host that crashed leaves counters of the tests it finished and an outcome other than Completed:
    // the run itself counts as a failure, or the line would say "0 failed" over tests that never ran.
    const outcome = (text.match(/<ResultSummary\s+outcome="(\w+)"/) ?? [0, 'Completed'])[1];
    add(get('passed'), failures + (outcome !== 'Completed' && failures === 0 ? 1 : 0), notRun, `${file} (${outcome})`);
  } else if (file === 'vitest.json') {
    const r = JSON.parse(text);
    add(r.numPassedTests, r.numFailedTests + (r.success === false && r.numFailedTests === 0 ? 1 : 0),
        r.numPendingTests + r.numTodoTests, file);
  } else if (file === 'playwright.json') {
    const s = JSON.parse(text).stats;
    add(s.expected + s.flaky, s.unexpected, s.skipped, file);
  } else if (file === 'hygiene.json') {
    // scripts/hygiene.sh: each check (dotnet format, eslint, prettier) is one test.
    const checks = JSON.parse(text).checks;
    const ok = checks.filter((c) => c.passed).length;
    add(ok, checks.length - ok, 0, file);
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
