// PostgreSQL for integration tests: a throwaway cluster started from the system's binaries
// (initdb/pg_ctl), or the server of TEST_DATABASE_URL. Either way each suite gets a
// database of its own, dropped afterwards: suites run side by side and some of them empty
// whole tables. Under vitest the server is shared by the whole run and a suite's database
// is a copy of a migrated template (postgres-global-setup.ts); elsewhere (the e2e runner)
// a cluster is started for it. Without binaries or TEST_DATABASE_URL, suites are skipped
// with a loud notice -- .ci/run installs PostgreSQL so that CI always runs them.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "@/lib/db/client";
import { deployMigrations, targetForUrl } from "@/prisma/tools/migrate";
import { postgresAvailable, startTempCluster, type TempCluster } from "@/prisma/tools/pg-cluster";

export const postgresTestAvailable = postgresAvailable() || Boolean(process.env.TEST_DATABASE_URL);

export const POSTGRES_SKIPPED_NOTICE = "PostgreSQL binaries (initdb, pg_ctl) not found and TEST_DATABASE_URL unset";

export function warnIfPostgresSkipped(suite: string): void {
  if (!postgresTestAvailable) console.warn(`\n*** ${POSTGRES_SKIPPED_NOTICE}: PostgreSQL ${suite} tests SKIPPED ***\n`);
}

/** Set by vitest's global setup (postgres-global-setup.ts): the migrated database suites copy. */
export const SHARED_TEMPLATE_ENV = "DESK_TEST_POSTGRES_TEMPLATE";

/** The same server and credentials, another database. */
function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer(url: string, sql: string): Promise<void> {
  // The maintenance database: a template being copied must have no connection.
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new database on the server of `url`, named after `name` with a random suffix (another
 * run may use the same server at the same time), empty or a copy of `template`.
 */
export async function createServerDatabase(url: string, name: string, template = "template0"): Promise<{ url: string; drop(): Promise<void> }> {
  const database = `${name}_${randomBytes(4).toString("hex")}`;
  await onServer(url, `CREATE DATABASE "${database}" TEMPLATE "${template}"`);
  return { url: withDatabase(url, database), drop: () => onServer(url, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`) };
}

export interface PostgresTestDatabase {
  /** Creates the database, migrated (unless told not to) and empty, and returns its URL. */
  create(options?: { migrate?: boolean }): Promise<string>;
  /** create(), plus a client of its own. */
  open(): Promise<{ db: Db; url: string }>;
  close(): Promise<void>;
}

/** A migrated database named after `name`, in a throwaway cluster or on TEST_DATABASE_URL's server. */
export function postgresTestDatabase(name: string): PostgresTestDatabase {
  let cluster: TempCluster | undefined;
  let db: Db | undefined;
  let dropOnClose: (() => Promise<void>) | undefined;
  const create = async ({ migrate = true } = {}) => {
    const template = process.env[SHARED_TEMPLATE_ENV];
    if (template) {
      // Under vitest: a copy of the global setup's migrated template, or an empty database.
      const created = await createServerDatabase(template, name, migrate ? new URL(template).pathname.slice(1) : "template0");
      dropOnClose = created.drop;
      return created.url;
    }
    let url: string;
    const server = process.env.TEST_DATABASE_URL;
    if (server) {
      const created = await createServerDatabase(server, name);
      dropOnClose = created.drop;
      url = created.url;
    } else {
      cluster = await startTempCluster();
      url = cluster.createDatabase(name);
    }
    if (migrate) await deployMigrations(targetForUrl(url));
    return url;
  };
  return {
    create,
    async open() {
      const url = await create();
      db = createDb(url);
      return { db, url };
    },
    async close() {
      await db?.$disconnect();
      await dropOnClose?.();
      cluster?.stop();
    },
  };
}
