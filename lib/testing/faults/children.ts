// The crash suite's processes: the product's own entry points (the sync CLI, a bulk
// shipment) in a child process, killed with SIGKILL at a point drawn from a seeded
// generator. The seed is printed: CRASH_SEED=<n> npm run test:faults replays the draws.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { Random } from "@/lib/cdiscount/sandbox/random";

export const KILLS = 10;

export function crashRandom(suite: string): Random {
  const seed = Number(process.env.CRASH_SEED) || Math.floor(Math.random() * 2 ** 31);
  console.info(`${suite}: CRASH_SEED=${seed}`);
  return new Random(seed);
}

const tsx = createRequire(import.meta.url).resolve("tsx");

export interface Child {
  output(): string;
  exited(): boolean;
  kill(): void;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A TypeScript entry point of the product in a process of its own (server-only modules allowed). */
export function startChild(args: readonly string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", tsx, ...args], {
    env: { ...process.env, DESK_SCHEDULER: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let exited = false;
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );
  children.add(child);
  void done.then(() => children.delete(child));
  return { output: () => output, exited: () => exited, kill: () => child.kill("SIGKILL"), done };
}

const children = new Set<ReturnType<typeof spawn>>();
/** A failed test leaves no child behind. */
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

/** Polls `reached` until it holds, or the child exits first (false). */
export async function whenReached(child: Child, reached: () => Promise<boolean>): Promise<boolean> {
  for (;;) {
    if (child.exited()) return false;
    if (await reached()) return true;
    await new Promise((r) => setTimeout(r, 40));
  }
}

/** SIGKILL after `delayMs`, unless the child ended on its own by then. */
export async function killAfter(child: Child, delayMs: number) {
  await new Promise((r) => setTimeout(r, delayMs));
  if (!child.exited()) child.kill();
  return child.done;
}
