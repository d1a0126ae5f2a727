// PostgreSQL for integration tests: TEST_DATABASE_URL when set, else a throwaway cluster
// started from the system's binaries (initdb/pg_ctl). Without either, suites are skipped
// with a loud notice -- .ci/run installs PostgreSQL so that CI always runs them.
import { createDb, type Db } from "@/lib/db/client";
import { deployMigrations, targetForUrl } from "@/prisma/tools/migrate";
import { postgresAvailable, startTempCluster, type TempCluster } from "@/prisma/tools/pg-cluster";

export const postgresTestAvailable = postgresAvailable() || Boolean(process.env.TEST_DATABASE_URL);

export function warnIfPostgresSkipped(suite: string): void {
  if (!postgresTestAvailable) console.warn(`\n*** PostgreSQL binaries not found and TEST_DATABASE_URL unset: PostgreSQL ${suite} tests SKIPPED ***\n`);
}

/** A migrated database named `name` (in the throwaway cluster), opened on demand. */
export function postgresTestDatabase(name: string): { open(): Promise<{ db: Db; url: string }>; close(): Promise<void> } {
  let cluster: TempCluster | undefined;
  let db: Db | undefined;
  return {
    async open() {
      let url = process.env.TEST_DATABASE_URL;
      if (!url) {
        cluster = await startTempCluster();
        url = cluster.createDatabase(name);
      }
      await deployMigrations(targetForUrl(url));
      db = createDb(url);
      return { db, url };
    },
    async close() {
      await db?.$disconnect();
      cluster?.stop();
    },
  };
}
