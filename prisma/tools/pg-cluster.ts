// A throwaway PostgreSQL cluster on a loopback port, from the system's server binaries
// (initdb / pg_ctl). Used to author PostgreSQL migrations and by the PostgreSQL test
// suites. PostgreSQL refuses to run as root, so as root the cluster runs as `postgres`.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import net from "node:net";

export interface TempCluster {
  /** Connection URL of the `desk` database created in the cluster. */
  url: string;
  /** A URL for another database name in the same cluster (created on demand). */
  createDatabase(name: string): string;
  /** The server's main process (its backends are its children); null once stopped. */
  serverPid(): number | null;
  stop(): void;
}

function findBinDir(): string | null {
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv && existsSync(path.join(fromEnv, "initdb"))) return fromEnv;
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(path.join(base, v, "bin", "initdb"))) return path.join(base, v, "bin");
  }
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  return which.status === 0 ? path.dirname(which.stdout.trim()) : null;
}

export function postgresAvailable(): boolean {
  return findBinDir() !== null;
}

/** A port nothing listens on right now, on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startTempCluster(): Promise<TempCluster> {
  const bin = findBinDir();
  if (!bin) throw new Error("PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's postgresql package");
  const dir = mkdtempSync(path.join(tmpdir(), "desk-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chmodSync(dir, 0o777);
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", full, ...args]] : [full, args];
    execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"] });
  };
  const data = path.join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
  run("pg_ctl", [
    "-D", data, "-l", path.join(dir, "log"), "-w", "-t", "60", "start",
    "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
  ]);
  const psql = (sql: string) => run("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", "postgres", "-qc", sql]);
  const createDatabase = (name: string) => {
    psql(`CREATE DATABASE "${name}"`);
    return `postgresql://postgres@127.0.0.1:${port}/${name}`;
  };
  const url = createDatabase("desk");
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const serverPid = () => {
    if (stopped) return null;
    const pid = Number(readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  };
  return { url, createDatabase, serverPid, stop };
}
