// Prints one closing line for the whole suite from the unit and e2e JSON reports:
// "tests: N passed, N failed, N skipped".
import { existsSync, readFileSync } from "node:fs";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts {
  const r = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  const r = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped };
}

const parts: [string, Counts][] = [];
if (existsSync(".data/reports/unit.json")) parts.push(["unit+integration", vitestCounts(".data/reports/unit.json")]);
if (existsSync(".data/reports/faults.json")) parts.push(["faults+crashes", vitestCounts(".data/reports/faults.json")]);
if (existsSync("e2e/.artifacts/report.json")) parts.push(["e2e", playwrightCounts("e2e/.artifacts/report.json")]);
const total = parts.reduce((t, [, c]) => ({ passed: t.passed + c.passed, failed: t.failed + c.failed, skipped: t.skipped + c.skipped }), { passed: 0, failed: 0, skipped: 0 });
for (const [name, c] of parts) console.log(`  ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
if (total.failed > 0 || parts.length === 0) process.exitCode = 1;
