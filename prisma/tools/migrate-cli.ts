// npm run db:migrate -- --name <name> [--create-only] [--accept-data-loss]
// npm run db:deploy | db:status ; also: diff [--from-empty], reset --force
// deploy/status/diff/reset target DATABASE_URL (default: the embedded SQLite file).
// dev writes the migration for both engines under one name, so the SQLite and the
// PostgreSQL histories stay in step: SQLite against DATABASE_URL, PostgreSQL against a
// throwaway cluster (or --postgres-url).
import { parseArgs } from "node:util";
import { DEFAULT_DATABASE_URL } from "../../lib/db/url";
import { createMigration, deployMigrations, diffSchema, migrationStatus, resetDatabase, targetForUrl } from "./migrate";
import { postgresAvailable, startTempCluster } from "./pg-cluster";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: "string" },
    "create-only": { type: "boolean", default: false },
    "accept-data-loss": { type: "boolean", default: false },
    "from-empty": { type: "boolean", default: false },
    force: { type: "boolean", default: false },
    "postgres-url": { type: "string" },
  },
});

async function main() {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const target = targetForUrl(url);
  switch (positionals[0]) {
    case "deploy": {
      const applied = await deployMigrations(target);
      console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "No pending migrations.");
      return;
    }
    case "status": {
      const s = await migrationStatus(target);
      console.log(JSON.stringify(s, null, 2));
      if (s.unappliedMigrationNames.length || s.failedMigrationNames.length) process.exitCode = 1;
      return;
    }
    case "diff":
      process.stdout.write(await diffSchema(target, { fromEmpty: values["from-empty"] }));
      return;
    case "reset": {
      if (!values.force) throw new Error("reset drops all data; pass --force");
      const applied = await resetDatabase(target);
      console.log(`Database reset; applied ${applied.length} migration(s).`);
      return;
    }
    case "dev": {
      if (!values.name) throw new Error("dev needs --name <migration_name>");
      const opts = { name: values.name, createOnly: values["create-only"], acceptDataLoss: values["accept-data-loss"] };
      const sqliteUrl = process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : DEFAULT_DATABASE_URL;
      console.log("SQLite:");
      await createMigration(targetForUrl(sqliteUrl), opts);
      console.log("PostgreSQL:");
      if (values["postgres-url"]) {
        await createMigration(targetForUrl(values["postgres-url"]), opts);
      } else if (postgresAvailable()) {
        const cluster = await startTempCluster();
        try {
          await createMigration(targetForUrl(cluster.url), opts);
        } finally {
          cluster.stop();
        }
      } else {
        throw new Error("PostgreSQL binaries not found: install Debian's postgresql package or pass --postgres-url");
      }
      return;
    }
    default:
      throw new Error("usage: migrate-cli <dev --name N [--create-only] [--accept-data-loss] | deploy | status | diff [--from-empty] | reset --force>");
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
