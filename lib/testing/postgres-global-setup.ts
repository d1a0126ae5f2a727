// Vitest's global setup: one PostgreSQL server for the whole run, with a migrated template
// database. Each suite's database is then a copy of it (CREATE DATABASE … TEMPLATE), made
// in a fraction of a second, where a cluster of its own and its migrations took seconds.
// The server is a throwaway cluster from the system's binaries, or TEST_DATABASE_URL's.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { postgresAvailable, startTempCluster, type TempCluster } from "@/prisma/tools/pg-cluster";
import { createServerDatabase, SHARED_TEMPLATE_ENV } from "./postgres-database";

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  // The root config and each project extending it run this: the first one sets up.
  if (process.env[SHARED_TEMPLATE_ENV]) return undefined;
  const server = process.env.TEST_DATABASE_URL;
  if (!server && !postgresAvailable()) return undefined;
  let cluster: TempCluster | undefined;
  let template: { url: string; drop(): Promise<void> } | undefined;
  const teardown = async () => {
    await template?.drop();
    cluster?.stop();
  };
  try {
    if (server) template = await createServerDatabase(server, "desk_template");
    else {
      cluster = await startTempCluster();
      template = { url: cluster.url, drop: async () => undefined };
    }
    // In a process of its own: vitest's module runner cannot load the wasm schema engine.
    const tsx = createRequire(import.meta.url).resolve("tsx");
    const migrated = spawnSync(process.execPath, ["--import", tsx, "prisma/tools/migrate-cli.ts", "deploy"], { env: { ...process.env, DATABASE_URL: template.url }, encoding: "utf8" });
    if (migrated.status !== 0) throw new Error(`migrating the PostgreSQL test template failed: ${migrated.stderr || migrated.stdout}`);
  } catch (error) {
    await teardown();
    throw error;
  }
  // Forked workers inherit the environment.
  process.env[SHARED_TEMPLATE_ENV] = template.url;
  return teardown;
}
