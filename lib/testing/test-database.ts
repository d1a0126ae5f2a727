// Integration tests run against a real SQLite file, migrated by the project's own tool.
// Each test file (a separate process under vitest's forks pool) gets its own database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { deployMigrations, targetForUrl } from "@/prisma/tools/migrate";
import { getDb } from "@/lib/db/client";

export function setupTestDatabase(): { url: () => string } {
  let dir: string | undefined;
  let url = "";
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "desk-test-"));
    url = `file:${path.join(dir, "test.db")}`;
    process.env.DATABASE_URL = url;
    process.env.DESK_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
    await deployMigrations(targetForUrl(url));
  });
  afterAll(async () => {
    await getDb().$disconnect();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return { url: () => url };
}
