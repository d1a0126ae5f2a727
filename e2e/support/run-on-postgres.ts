// npm run test:e2e:postgres [-- playwright options]: the whole Playwright suite again, on
// PostgreSQL. The database lives for the run only: in a throwaway cluster started from the
// system's binaries, or created on TEST_DATABASE_URL's server (and dropped afterwards).
// Without either, a loud notice, and a report saying so for npm test's summary.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { POSTGRES_SKIPPED_NOTICE, postgresTestAvailable, postgresTestDatabase } from "@/lib/testing/postgres-database";

// Where playwright.config.ts writes the PostgreSQL run's report; lib/testing/summary.ts reads it.
const POSTGRES_E2E_REPORT = "e2e/.artifacts/report-postgresql.json";

async function main(): Promise<number> {
  rmSync(POSTGRES_E2E_REPORT, { force: true });
  if (!postgresTestAvailable) {
    console.warn(`\n*** ${POSTGRES_SKIPPED_NOTICE}: the end-to-end suite on PostgreSQL is SKIPPED ***\n`);
    mkdirSync(path.dirname(POSTGRES_E2E_REPORT), { recursive: true });
    writeFileSync(POSTGRES_E2E_REPORT, JSON.stringify({ skipped: POSTGRES_SKIPPED_NOTICE }));
    return 0;
  }
  const database = postgresTestDatabase("desk_e2e");
  try {
    // The launcher migrates it (playwright.config.ts starts it with --fresh).
    const url = await database.create({ migrate: false });
    console.log(`End-to-end suite on PostgreSQL (${url.replace(/\/\/[^@]*@/, "//")})`);
    const playwright = spawn("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, E2E_DATABASE_URL: url } });
    // Ctrl-C reaches Playwright too (same process group): wait for it, then drop the database.
    const ignore = () => undefined;
    process.on("SIGINT", ignore).on("SIGTERM", () => playwright.kill("SIGTERM"));
    return await new Promise<number>((resolve) => playwright.once("exit", (code) => resolve(code ?? 1)));
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
