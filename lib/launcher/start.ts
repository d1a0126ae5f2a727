// npm start: everything a seller needs on one machine. Secrets, build (if needed),
// migrations, demo data, the built-in Cdiscount sandbox, then the web server; Ctrl-C
// stops it all.
// Flags: --port <n> (default $PORT or 3000), --host <h>, --fresh (start from an empty
// database -- SQLite file deleted, PostgreSQL schema dropped -- and a new sandbox: used by
// the end-to-end tests).
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { ensureLocalEnv } from "./env-file";
import { buildIsCurrent } from "./fingerprint";
import { runBuild } from "./build";
import { DEMO_SHOP, DEMO_USERS, seedDemo } from "./demo";
import { waitForHealth } from "./wait-for-health";
import { startSandboxProcess } from "@/lib/cdiscount/sandbox/process";
import { databaseUrl, engineOf } from "@/lib/db/url";
import { deployMigrations, resetDatabase, targetForUrl } from "@/prisma/tools/migrate";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    host: { type: "string", default: process.env.HOST ?? "127.0.0.1" },
    fresh: { type: "boolean", default: false },
  },
});

const children: ChildProcess[] = [];
function stopAll(code = 0): never {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
}

const SANDBOX_DATA = process.env.SANDBOX_DATA ?? ".data/sandbox.db";

/** The built-in Cdiscount sandbox, with the demo seller account and some history. */
async function startSandbox(fresh: boolean): Promise<string> {
  if (fresh) for (const f of [SANDBOX_DATA, `${SANDBOX_DATA}-wal`, `${SANDBOX_DATA}-shm`]) rmSync(f, { force: true });
  const sandbox = await startSandboxProcess({ data: SANDBOX_DATA, port: Number(process.env.SANDBOX_PORT ?? 4010), args: ["--orders-per-hour", process.env.SANDBOX_ORDERS_PER_HOUR ?? "12"] });
  children.push(sandbox.child);
  sandbox.child.on("exit", (code) => {
    console.error(`The Cdiscount sandbox stopped (exit ${code}).`);
    stopAll(code ?? 1);
  });
  await sandbox.admin.createAccount(DEMO_SHOP.apiLogin, DEMO_SHOP.apiPassword);
  const demo = (await sandbox.admin.accounts()).find((a) => a.login === DEMO_SHOP.apiLogin);
  if (!demo?.orders) await sandbox.admin.seed(DEMO_SHOP.apiLogin, 60, { days: 5 });
  return sandbox.url;
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const { generated } = ensureLocalEnv();
  if (generated.length) console.log(`Generated ${generated.join(", ")} into .env.local (keep this file private).`);

  const url = databaseUrl();

  if (!buildIsCurrent()) {
    console.log("Building the app (first start or changed sources)…");
    runBuild();
  }

  const target = targetForUrl(url);
  const applied = values.fresh ? await resetDatabase(target) : await deployMigrations(target);
  if (applied.length) console.log(`Database ready (${engineOf(url)}): applied ${applied.length} migration(s).`);
  const seeded = await seedDemo();

  process.env.CDISCOUNT_SANDBOX_URL ||= await startSandbox(values.fresh);

  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const web = spawn(process.execPath, [nextBin, "start", "-H", values.host, "-p", values.port], { stdio: "inherit", env: process.env });
  children.push(web);
  web.on("exit", (code) => stopAll(code ?? 1));
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));

  const base = `http://${values.host}:${values.port}`;
  await waitForHealth(`${base}/api/health`, 60_000);
  console.log(`\nCdiscount Order Desk is running at ${base}`);
  console.log(`Cdiscount sandbox: ${process.env.CDISCOUNT_SANDBOX_URL}`);
  console.log(seeded ? "Demo users created:" : "Demo users (if not changed):");
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(8)} ${u.email}  /  ${u.password}`);
  console.log("Press Ctrl-C to stop.\n");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
});
