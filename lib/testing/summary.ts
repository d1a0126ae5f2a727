// Prints one closing line for the whole suite from the vitest and Playwright JSON reports:
// "tests: N passed, N failed, N skipped", after a line per part. A PostgreSQL part that
// could not run (no binaries, no TEST_DATABASE_URL) is said so loudly.
import { existsSync, readFileSync } from "node:fs";
import { postgresAvailable } from "@/prisma/tools/pg-cluster";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts {
  const r = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

/** Counts, or why the run did not happen (the PostgreSQL runner writes `{ skipped }`). */
function playwrightCounts(file: string): Counts | string {
  const r = JSON.parse(readFileSync(file, "utf8")) as { skipped?: string; stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  if (r.skipped) return r.skipped;
  return { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped };
}

const REPORTS: [string, string, (file: string) => Counts | string][] = [
  ["unit+integration", ".data/reports/unit.json", vitestCounts],
  ["faults+crashes", ".data/reports/faults.json", vitestCounts],
  ["e2e (SQLite)", "e2e/.artifacts/report.json", playwrightCounts],
  ["e2e (PostgreSQL)", "e2e/.artifacts/report-postgresql.json", playwrightCounts],
  ["two app instances on PostgreSQL", ".data/reports/multi-instance.json", vitestCounts],
];

const parts: [string, Counts][] = [];
const notRun: string[] = [];
for (const [name, file, read] of REPORTS) {
  if (!existsSync(file)) continue;
  const counts = read(file);
  if (typeof counts === "string") notRun.push(`${name}: SKIPPED (${counts})`);
  else parts.push([name, counts]);
}
if (!postgresAvailable() && !process.env.TEST_DATABASE_URL) notRun.push("every PostgreSQL suite: SKIPPED (no PostgreSQL binaries, TEST_DATABASE_URL unset)");
const total = parts.reduce((t, [, c]) => ({ passed: t.passed + c.passed, failed: t.failed + c.failed, skipped: t.skipped + c.skipped }), { passed: 0, failed: 0, skipped: 0 });
for (const [name, c] of parts) console.log(`  ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
for (const line of new Set(notRun)) console.log(`  *** ${line} ***`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
if (total.failed > 0 || parts.length === 0) process.exitCode = 1;
