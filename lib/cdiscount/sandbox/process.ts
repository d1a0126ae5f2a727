// Starts the sandbox as its own process on a free loopback port, as npm start and the
// test harness do: the product always talks to it over real HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SandboxAdmin } from "./admin-client";

export interface SandboxProcess {
  url: string;
  admin: SandboxAdmin;
  child: ChildProcess;
  stop(): Promise<void>;
}

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), "cli.ts");

export async function startSandboxProcess(options: { data: string; port?: number; args?: string[]; inheritOutput?: boolean }): Promise<SandboxProcess> {
  const tsx = createRequire(import.meta.url).resolve("tsx");
  // SANDBOX_NODE_FLAGS: e.g. "--cpu-prof" to see where the sandbox spends its time.
  const nodeFlags = process.env.SANDBOX_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeFlags, "--import", tsx, CLI, "--port", String(options.port ?? 0), "--data", options.data, ...(options.args ?? [])], {
    stdio: ["ignore", "pipe", options.inheritOutput ? "inherit" : "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`sandbox did not start in 30 s: ${err || out}`)), 30_000);
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /SANDBOX_READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with code ${code}: ${err || out}`));
    });
  });
  if (options.inheritOutput) child.stdout!.pipe(process.stdout);
  else child.stdout!.resume();
  return {
    url,
    admin: new SandboxAdmin(url),
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
