import { configDefaults, defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";
import { postgresAvailable } from "./prisma/tools/pg-cluster.ts";

// Two projects. "default" runs every suite; setupTestDatabase() gives them SQLite. The
// integration suites listed here run a second time in "postgresql", each on a PostgreSQL
// database of its own. Not listed: suites that hold both engines themselves (queue,
// review, migrations: postgresTestDatabase), the SQLite adapter's own test, and the crash
// test (its CLI runs on SQLite). `*.built.test.ts` need the built app: npm run test:multi.
const ON_BOTH_ENGINES = [
  "lib/api/api.test.ts",
  "lib/auth/access.test.ts",
  "lib/db/data-layer.test.ts",
  "lib/export/export-orders-csv.test.ts",
  "lib/order-actions/order-actions.test.ts",
  "lib/orders/saved-views.test.ts",
  "lib/review/review-access.test.ts",
  "lib/sync/order-writer.test.ts",
  "lib/sync/sync.test.ts",
];

const postgres = postgresAvailable() || Boolean(process.env.TEST_DATABASE_URL);
if (!postgres) {
  console.warn("\n*** PostgreSQL binaries (initdb, pg_ctl) not found and TEST_DATABASE_URL unset: the PostgreSQL project (integration suites on PostgreSQL) is SKIPPED ***\n");
}

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside React Server Components; tests run on plain Node.
      "server-only": fileURLToPath(new URL("./lib/testing/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    // next-auth imports "next/server" without an extension, which Node's resolver refuses:
    // Vite resolves it, so tests can load the real Auth.js (the fuzzed sign-in action).
    server: { deps: { inline: ["next-auth"] } },
    // The fault and crash suites have their own run (vitest.faults.config.mts).
    // `*.built.test.ts` need the built app: npm run test:multi runs them after the build.
    exclude: [...configDefaults.exclude, "lib/testing/faults/**", ...(process.env.DESK_BUILT_TESTS ? [] : ["**/*.built.test.ts"])],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One PostgreSQL server for the run; each suite copies its migrated template.
    globalSetup: postgres ? ["lib/testing/postgres-global-setup.ts"] : [],
    projects: [
      { extends: true as const, test: { name: "default", include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "components/**/*.test.ts?(x)"] } },
      ...(postgres ? [{ extends: true as const, test: { name: "postgresql", include: ON_BOTH_ENGINES, env: { DESK_TEST_ENGINE: "postgresql" } } }] : []),
    ],
  },
});
