// npm run db:migrate -- --name <name> [--create-only] [--accept-data-loss]
// npm run db:deploy | db:status ; also: diff [--from-empty], reset --force
// deploy/status/diff/reset target DATABASE_URL (default: the embedded SQLite file).
// dev writes the migration for both engines under one name, so the SQLite and the
// PostgreSQL histories stay in step: SQLite against DATABASE_URL, PostgreSQL against a
// throwaway cluster (or --postgres-url).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
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

/** Pending migrations, then the new one, each in a process of its own (see createMigration). */
function devInChildren(url: string) {
  const tsx = createRequire(import.meta.url).resolve("tsx");
  const self = fileURLToPath(import.meta.url);
  const flags = [`--name=${values.name}`, ...(values["create-only"] ? ["--create-only"] : []), ...(values["accept-data-loss"] ? ["--accept-data-loss"] : [])];
  for (const args of [["deploy"], ["create", ...flags]]) {
    const r = spawnSync(process.execPath, ["--import", tsx, self, ...args], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
    if (r.status !== 0) throw new Error(`${args[0]} failed (exit ${r.status})`);
  }
}

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
      const sqliteUrl = process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : DEFAULT_DATABASE_URL;
      console.log("SQLite:");
      devInChildren(sqliteUrl);
      console.log("PostgreSQL:");
      if (values["postgres-url"]) {
        devInChildren(values["postgres-url"]);
      } else if (postgresAvailable()) {
        const cluster = await startTempCluster();
        try {
          devInChildren(cluster.url);
        } finally {
          cluster.stop();
        }
      } else {
        throw new Error("PostgreSQL binaries not found: install Debian's postgresql package or pass --postgres-url");
      }
      return;
    }
    case "create": {
      // Internal step of dev, in its own process: see createMigration.
      if (!values.name) throw new Error("create needs --name <migration_name>");
      await createMigration(target, { name: values.name, createOnly: values["create-only"], acceptDataLoss: values["accept-data-loss"] });
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
