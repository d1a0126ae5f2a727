// Integration tests run against a real store, migrated by the project's own tool: a SQLite
// file, or -- in vitest's "postgresql" project (DESK_TEST_ENGINE=postgresql, see
// vitest.config.mts) -- a PostgreSQL database of the suite's own. Each test file (a
// separate process under vitest's forks pool) gets its own database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { deployMigrations, targetForUrl } from "@/prisma/tools/migrate";
import { getDb } from "@/lib/db/client";
import type { DatabaseEngine } from "@/lib/db/url";
import { postgresTestDatabase } from "./postgres-database";

/** The engine this test process runs its setupTestDatabase() suites on. */
export const testEngine: DatabaseEngine = process.env.DESK_TEST_ENGINE === "postgresql" ? "postgresql" : "sqlite";

export function setupTestDatabase(): { url: () => string } {
  let dir: string | undefined;
  const postgres = testEngine === "postgresql" ? postgresTestDatabase("suite") : undefined;
  let url = "";
  beforeAll(async () => {
    process.env.DESK_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
    if (postgres) {
      url = await postgres.create();
    } else {
      dir = mkdtempSync(path.join(tmpdir(), "desk-test-"));
      url = `file:${path.join(dir, "test.db")}`;
      await deployMigrations(targetForUrl(url));
    }
    // Before the process-wide client is first used: it reads DATABASE_URL then.
    process.env.DATABASE_URL = url;
  });
  afterAll(async () => {
    await getDb().$disconnect();
    await postgres?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return { url: () => url };
}
