// npm run bench:load -- [--engine both|sqlite|postgresql] [--sellers 50] [--shops 5]
//                       [--orders 20000] [--rounds 2] [--think 1000-3000] [--quick]
//                       [--instances N] [--port N] [--sandbox-port N]
// 50 sellers at once on the real app: `next start` (built if the sources changed) on a
// fresh database, the Cdiscount sandbox as its own process, a store of N orders over a
// few shops placed in the sandbox and brought in by the real sync. Each seller signs in
// through Auth.js's credentials callback, then plays a seller's session: the queue page
// and its tabs, the queue JSON TanStack Query refreshes, search and filters, order pages,
// and accept / refuse / ship through the real server action (the POST the browser sends,
// Next-Action id read from the build) on orders of the seller's own, each acted on once.
// The session is played twice by the 50 at once, on other orders each time:
//  - at a seller's pace (the goal): a think time before each request, 1-3 s (--think),
//    brisker than a person working a queue;
//  - without pause, each clicking again the instant an answer arrives: what one app
//    process can serve (its capacity), not how sellers use it.
// Every request is sent and timed by autocannon. Reported: p50 / p95 / p99, requests/s,
// non-2xx and connection errors for reads and for actions, the CPU each request costs the
// app and (PostgreSQL) the database server, and how busy the whole machine was;
// then every action must have reached the sandbox exactly once (its call log).
// Baselines, same run: the session played by one seller alone (what the requests cost
// without a queue), and GET /api/health without pause (the server's floor for a request).
// `both` (the default) runs SQLite, then PostgreSQL on a throwaway cluster
// (prisma/tools/pg-cluster.ts), each in a process of its own. SQLite serves one app
// instance; PostgreSQL, the engine for several, is measured with one instance per core
// (--instances), each seller served by one of them as a reverse proxy's round robin would.
// --quick: a smaller store and one round instead of two; still 50 sellers.
// A report, not a test: it always exits 0. Figures go to .data/bench/load-<engine>.json.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { startSandboxProcess, type SandboxProcess } from "@/lib/cdiscount/sandbox/process";
import { DEFAULT_TIMINGS } from "@/lib/cdiscount/sandbox/lifecycle";
import { freePort, postgresAvailable, startTempCluster, type TempCluster } from "@/prisma/tools/pg-cluster";
import { deployMigrations, targetForUrl } from "@/prisma/tools/migrate";
import { BENCH_RESULTS_DIR, clearBenchResult, figure, writeBenchResult } from "./bench-result";
import { runBuild } from "./build";
import { buildIsCurrent } from "./fingerprint";
import { waitForHealth } from "./wait-for-health";

const { values } = parseArgs({
  options: {
    engine: { type: "string", default: "both" },
    sellers: { type: "string", default: "50" },
    shops: { type: "string", default: "5" },
    orders: { type: "string" },
    rounds: { type: "string" },
    quick: { type: "boolean", default: false },
    think: { type: "string", default: "1000-3000" },
    instances: { type: "string" },
    port: { type: "string" },
    "sandbox-port": { type: "string" },
  },
});
const SELLERS = Number(values.sellers);
/**
 * App processes on the one database, each seller sent to one of them as a reverse proxy's
 * round robin would. SQLite is the single-instance engine (README: Running in production);
 * PostgreSQL is what several instances share, and is measured as it is deployed: one
 * instance per core.
 */
const INSTANCES = Number(values.instances ?? (values.engine === "sqlite" ? 1 : cpus().length));
const SHOPS = Math.min(Number(values.shops), SELLERS);
const ORDERS = Number(values.orders ?? (values.quick ? 8_000 : 20_000));
const ROUNDS = Number(values.rounds ?? (values.quick ? 1 : 2));
/** The session is played twice, on orders of its own each time: without pause, then paced. */
const TOTAL_ROUNDS = 2 * ROUNDS;
const [thinkMin, thinkMax] = values.think.split("-").map(Number);
/** A seller's think time before each request, in ms (--think min-max). */
const THINK = { minMs: thinkMin!, maxMs: thinkMax ?? thinkMin! };
if (!(THINK.minMs >= 0 && THINK.maxMs >= THINK.minMs)) throw new Error("--think takes min-max in ms, e.g. 1000-3000");
const GOALS = { p95Ms: 300, errors: 0 };
/** Passes over the session's reads before anything is measured. */
const WARM_UP_PASSES = 10;
const PASSWORD = "vendeur-charge";
const DAY = 86_400_000;
/** Far enough that no order the sellers act on changes on the marketplace's side mid-run. */
const NEVER = 10 * 365 * DAY;

type Engine = "sqlite" | "postgresql";
type Kind = "page" | "navigation" | "queue" | "detail" | "action";
const READ_KINDS: readonly Kind[] = ["page", "navigation", "queue", "detail"];
const KIND_LABELS: Record<Kind, string> = {
  page: "page load (HTML)",
  navigation: "client navigation (RSC)",
  queue: "queue JSON (/api/orders)",
  detail: "order JSON (/api/orders/:id)",
  action: "action (server action)",
};

// ---------------------------------------------------------------------------------------
// Both engines: one process each, so each has its own database client and memory.

if (values.engine === "both") {
  if (!buildIsCurrent()) {
    console.log("Building the app (changed sources)…");
    runBuild();
  }
  const engines: Engine[] = ["sqlite"];
  if (postgresAvailable()) engines.push("postgresql");
  else {
    clearBenchResult("load-postgresql");
    console.error("\n*** PostgreSQL server binaries (initdb, pg_ctl) not found: bench:load ran on SQLite only. ***\n");
  }
  const self = fileURLToPath(import.meta.url);
  const tsx = createRequire(import.meta.url).resolve("tsx");
  const passed = process.argv.slice(2).filter((a, i, all) => a !== "--engine" && all[i - 1] !== "--engine" && !a.startsWith("--engine="));
  for (const engine of engines) spawnSync(process.execPath, ["--import", tsx, self, ...passed, "--engine", engine], { stdio: "inherit" });
  process.exit(0);
}

const ENGINE = values.engine as Engine;
if (ENGINE !== "sqlite" && ENGINE !== "postgresql") throw new Error("--engine must be both, sqlite or postgresql");
if (!(Number.isInteger(INSTANCES) && INSTANCES >= 1)) throw new Error("--instances takes a whole number, 1 or more");
if (ENGINE === "sqlite" && INSTANCES > 1) throw new Error("several app instances need PostgreSQL: SQLite serves one instance");

// ---------------------------------------------------------------------------------------
// The store: shops in the sandbox and in the desk, orders brought in by the real sync.

interface Target {
  orderId: string;
  orderNumber: string;
}

interface Seller {
  /** The app instance that serves this seller. */
  base: string;
  email: string;
  shopId: string;
  cookie: string;
  accept: Target[];
  refuse: Target[];
  ship: Target[];
  /** Orders to look at: shipped ones, one per round. */
  browse: string[];
  /** A customer's name prefix that finds a few shipped orders. */
  search: string;
}

const DIR = path.resolve(BENCH_RESULTS_DIR, "load", ENGINE);
const children: ChildProcess[] = [];

/** The sellers (the last one plays alone, for the baseline) and how many orders the store holds. */
async function prepareStore(url: string, sandbox: SandboxProcess): Promise<{ sellers: Omit<Seller, "cookie" | "base">[]; stored: number }> {
  const { createDb } = await import("@/lib/db/client");
  const { hashPassword } = await import("@/lib/auth/password");
  const { encryptShopPassword } = await import("@/lib/shops/shop-secret");
  const { marketplaceClientFor } = await import("@/lib/cdiscount/for-shop");
  const { syncShop } = await import("@/lib/sync/sync-shop");
  const db = createDb(url);
  try {
    const passwordHash = await hashPassword(PASSWORD);
    const started = performance.now();
    const shops: { id: string; login: string }[] = [];
    for (let s = 1; s <= SHOPS; s++) {
      const login = `load-shop-${s}`;
      await sandbox.admin.createAccount(login, `${login}-pw`);
      // About 5 % of what the sandbox places belongs to another Octopia partner, which the sync skips.
      const placing = Math.ceil(ORDERS / 0.94);
      const perShop = Math.floor(placing / SHOPS) + (s <= placing % SHOPS ? 1 : 0);
      for (let placed = 0; placed < perShop; placed += 10_000) await sandbox.admin.seed(login, Math.min(10_000, perShop - placed), { days: 30 });
      const shop = await db.shop.create({ data: { name: `Boutique ${s}`, apiLogin: login, apiPasswordEncrypted: "", environment: "SANDBOX" }, select: { id: true } });
      await db.shop.update({ where: { id: shop.id }, data: { apiPasswordEncrypted: encryptShopPassword(shop.id, `${login}-pw`) } });
      await db.syncState.create({ data: { shopId: shop.id } });
      shops.push({ id: shop.id, login });
    }
    const now = new Date((await sandbox.admin.health()).now);
    let stored = 0;
    for (const shop of shops) {
      const connection = await db.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { id: true, apiLogin: true, apiPasswordEncrypted: true, environment: true } });
      const result = await syncShop(db, shop.id, { kind: "INCREMENTAL", client: marketplaceClientFor(connection), now });
      if (result.status !== "SUCCEEDED") throw new Error(`sync of ${shop.login}: ${result.status} ${"error" in result ? result.error : ""}`);
      stored += result.counts.newCount;
    }
    // The 30-day import covers the daily sweep's window: without this the app's scheduler
    // would start five sweeps at once, in the middle of the measurement.
    await db.syncState.updateMany({ data: { lastSweepAt: new Date() } });
    console.log(`store: ${stored.toLocaleString("en")} orders in ${SHOPS} shops, placed in the sandbox and synced in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const sellers: Omit<Seller, "cookie" | "base">[] = [];
    for (const [s, shop] of shops.entries()) {
      const emails = Array.from({ length: SELLERS + 1 }, (_, i) => i).filter((i) => i % SHOPS === s).map((i) => `vendeur${i + 1}@charge.test`);
      for (const email of emails) {
        await db.user.create({ data: { email, name: email.split("@")[0]!, passwordHash, memberships: { create: { shopId: shop.id, role: "SELLER" } } } });
      }
      // The newest orders to accept: their acceptance deadline is the farthest.
      const pick = (status: string, take: number) =>
        db.order.findMany({ where: { shopId: shop.id, status }, orderBy: { marketplaceCreatedAt: "desc" }, take, select: { id: true, orderNumber: true } });
      const news = await pick("WaitingForSellerAcceptation", emails.length * TOTAL_ROUNDS * 3);
      const toShip = await pick("WaitingForShipmentAcceptation", emails.length * TOTAL_ROUNDS * 2);
      const shipped = await db.order.findMany({ where: { shopId: shop.id, status: "Shipped", customerLastName: { not: null } }, take: 200, select: { id: true, customerLastName: true } });
      if (news.length < emails.length * TOTAL_ROUNDS * 3 || toShip.length < emails.length * TOTAL_ROUNDS * 2 || shipped.length < emails.length * TOTAL_ROUNDS) {
        throw new Error(`shop ${shop.login}: ${news.length} orders to accept, ${toShip.length} to ship, ${shipped.length} shipped: too few for ${emails.length} sellers × ${TOTAL_ROUNDS} rounds (raise --orders)`);
      }
      const target = (o: { id: string; orderNumber: string }): Target => ({ orderId: o.id, orderNumber: o.orderNumber });
      emails.forEach((email, i) => {
        const mine = <T>(list: T[], perRound: number) => list.slice(i * TOTAL_ROUNDS * perRound, (i + 1) * TOTAL_ROUNDS * perRound);
        const newOnes = mine(news, 3).map(target);
        sellers.push({
          email,
          shopId: shop.id,
          accept: newOnes.filter((_, k) => k % 3 !== 2),
          refuse: newOnes.filter((_, k) => k % 3 === 2),
          ship: mine(toShip, 2).map(target),
          browse: mine(shipped, 1).map((o) => o.id),
          search: shipped[i % shipped.length]!.customerLastName!.slice(0, 3),
        });
      });
    }
    return { sellers: sellers.sort((a, b) => Number(/\d+/.exec(a.email)![0]) - Number(/\d+/.exec(b.email)![0])), stored };
  } finally {
    await db.$disconnect();
  }
}

// ---------------------------------------------------------------------------------------
// The app, and the sellers' sessions

/** Stops a child and waits for it: a profiled app writes its profile on the way out. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** One instance of the app; every instance gets the same AUTH_SECRET, so a session is good on all. */
async function startApp(url: string, sandboxUrl: string, port: number, authSecret: string, instance: number): Promise<{ base: string; pid: number }> {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const log = createWriteStream(path.join(DIR, instance === 0 ? "app.log" : `app-${instance + 1}.log`));
  // LOAD_BENCH_NODE_FLAGS: e.g. "--cpu-prof --cpu-prof-dir=.data/bench/profile" to see where the app spends its time.
  const nodeFlags = process.env.LOAD_BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const app = spawn(process.execPath, [...nodeFlags, nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: url,
      CDISCOUNT_SANDBOX_URL: sandboxUrl,
      AUTH_SECRET: authSecret,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  app.stdout!.pipe(log);
  app.stderr!.pipe(log);
  children.push(app);
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(`${base}/api/health`, 60_000);
  return { base, pid: app.pid! };
}

/** A process's fields after "(comm) ": state first, then ppid; utime, stime, cutime, cstime 12th to 15th, in 10 ms ticks. */
function procStat(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
  } catch {
    return null;
  }
}

/** CPU time processes have used so far, in ms, from Linux's /proc (null elsewhere). */
function cpuMs(pids: readonly number[]): number | null {
  let total = 0;
  for (const pid of pids) {
    const fields = procStat(pid);
    if (!fields) return null;
    total += (Number(fields[11]) + Number(fields[12])) * 10;
  }
  return total;
}

/**
 * PostgreSQL's CPU: the server process, the backends and workers it has reaped (its
 * children's time), and those still running (the pool's connections).
 */
function clusterCpuMs(serverPid: number | null): number | null {
  const server = serverPid === null ? null : procStat(serverPid);
  if (!server) return null;
  let total = server.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = procStat(entry);
    if (fields && Number(fields[1]) === serverPid) total += Number(fields[11]) + Number(fields[12]);
  }
  return total * 10;
}

/** Busy and total time of the whole machine, all cores, in ticks (/proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  // idle and iowait are the 4th and 5th.
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

/** Auth.js's own sign-in: a CSRF token, then the credentials callback; returns the session cookie. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar, Origin: base },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: `${base}/orders` }),
  });
  const session = response.headers.getSetCookie().find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in of ${email}: HTTP ${response.status}, no session cookie (${response.headers.get("location")})`);
  return session.split(";")[0]!;
}

/** The id the browser sends as Next-Action for a server action, from the build's manifest. */
function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, a]) => a.exportedName === exportedName && a.filename === "lib/order-actions/actions.ts")?.[0];
  if (!id) throw new Error(`no server action ${exportedName} in the build`);
  return id;
}

/**
 * A client navigation's URL. Next.js answers a flight request only when its `_rsc` search
 * parameter matches the router headers; without a router state tree that is the empty
 * value. No tree means the whole tree is rendered, layout included: a little more than the
 * browser asks for when it moves between two pages of the desk.
 */
const rscPath = (p: string) => `${p}${p.includes("?") ? "&" : "?"}_rsc`;

interface Step {
  kind: Kind;
  path: (s: Seller) => string;
  /** For actions: what the seller does, on which order. */
  act?: (s: Seller) => { action: "accept" | "refuse" | "ship"; target: Target };
}

/** One round of a seller's session: 30 requests, 5 of them actions. */
function round(r: number): Step[] {
  const get = (kind: Kind, p: string | ((s: Seller) => string)): Step => ({ kind, path: typeof p === "string" ? () => p : p });
  const act = (page: string | ((s: Seller) => string), action: "accept" | "refuse" | "ship", target: (s: Seller) => Target): Step => ({
    ...get("action", page),
    act: (s) => ({ action, target: target(s) }),
  });
  const order = (t: (s: Seller) => Target) => (s: Seller) => `/orders/${t(s).orderId}`;
  const accept1 = (s: Seller) => s.accept[2 * r]!;
  const accept2 = (s: Seller) => s.accept[2 * r + 1]!;
  const ship1 = (s: Seller) => s.ship[2 * r]!;
  const ship2 = (s: Seller) => s.ship[2 * r + 1]!;
  const byAmount = "view=WAITING_SHIPMENT&sort=amount&dir=desc";
  const month = (from: number, to: number) => `from=${new Date(Date.now() - from * DAY).toISOString().slice(0, 10)}&to=${new Date(Date.now() - to * DAY).toISOString().slice(0, 10)}`;
  return [
    get("page", "/orders"),
    get("queue", "/api/orders"),
    get("navigation", order(accept1)),
    act(order(accept1), "accept", accept1),
    get("detail", (s) => `/api/orders/${accept1(s).orderId}`),
    get("navigation", "/orders"),
    get("queue", "/api/orders"),
    act("/orders", "accept", accept2),
    get("queue", "/api/orders"),
    act("/orders", "refuse", (s) => s.refuse[r]!),
    get("queue", "/api/orders"),
    get("navigation", "/orders?view=WAITING_SHIPMENT"),
    get("queue", "/api/orders?view=WAITING_SHIPMENT"),
    get("navigation", order(ship1)),
    act(order(ship1), "ship", ship1),
    get("detail", (s) => `/api/orders/${ship1(s).orderId}`),
    get("navigation", `/orders?${byAmount}`),
    act(`/orders?${byAmount}`, "ship", ship2),
    get("queue", `/api/orders?${byAmount}`),
    get("navigation", "/orders?view=late"),
    get("queue", (s) => `/api/orders?view=SHIPPED&q=${encodeURIComponent(s.search)}`),
    get("queue", "/api/orders?view=SHIPPED&shipping=TRK&fulfillment=SELLER"),
    get("navigation", `/orders?view=SHIPPED&${month(20, 10)}`),
    get("page", (s) => `/orders/${s.browse[r]!}`),
    get("detail", (s) => `/api/orders/${s.browse[r]!}`),
    get("queue", "/api/orders?view=CANCELED"),
    get("queue", "/api/orders?view=attention"),
    get("queue", "/api/orders?view=SHIPPED&sort=amount&size=100"),
    get("queue", "/api/orders"),
    get("page", "/orders?view=WAITING_SHIPMENT"),
  ];
}

/** Nearest-rank percentile of unsorted samples. */
function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface Tally {
  latencies: number[];
  non2xx: number;
  failed: number;
}

interface LoadRun {
  byKind: Record<Kind, Tally>;
  seconds: number;
  errors: number;
  timeouts: number;
  /** The order numbers of the actions sent, of those answered, and the first few failures' bodies. */
  sent: string[];
  acted: string[];
  failures: string[];
  /** Connection errors by message. */
  errorKinds: string;
  /** The machine's 1-minute load average after the run: others' work shares the cores. */
  load: number;
}

/** What a run's requests tally as they complete. */
function newRun(): Omit<LoadRun, "seconds" | "errors" | "timeouts" | "errorKinds" | "load"> {
  const byKind = Object.fromEntries((["page", "navigation", "queue", "detail", "action"] as const).map((k) => [k, { latencies: [], non2xx: 0, failed: 0 }])) as unknown as Record<Kind, Tally>;
  return { byKind, sent: [], acted: [], failures: [] };
}

/**
 * A step as the request autocannon sends: the seller's cookie, the headers the browser
 * sends for that kind, and for an action the server action's POST and the check of its
 * answer. `sellerOf` says whose session the connection plays.
 */
type StepRequest = autocannon.Request & { onResponse: (status: number, body: string, context: object) => void };

function stepRequest(step: Step, base: string, actionId: string, run: ReturnType<typeof newRun>, sellerOf: (context: object) => Seller): StepRequest {
  const origin = new URL(base).origin;
  return {
    method: step.act ? "POST" : "GET",
    setupRequest: (request: autocannon.Request, context: object) => {
      const seller = sellerOf(context);
      const headers: Record<string, string> = { cookie: seller.cookie };
      if (step.kind === "page") headers.accept = "text/html,application/xhtml+xml";
      if (step.kind === "navigation") headers.rsc = "1";
      const out: autocannon.Request = { ...request, path: step.kind === "navigation" ? rscPath(step.path(seller)) : step.path(seller), headers };
      if (step.act) {
        const { action, target } = step.act(seller);
        run.sent.push(target.orderNumber);
        const input = {
          action,
          orderId: target.orderId,
          idempotencyKey: randomUUID(),
          ...(action === "ship" ? { carrierName: "Colissimo", trackingNumber: `6A${String(Math.floor(Math.random() * 1e11)).padStart(11, "0")}` } : {}),
        };
        Object.assign(headers, { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin });
        out.body = JSON.stringify([input]);
      }
      return out;
    },
    onResponse: (status: number, body: string, context: object) => {
      const tally = run.byKind[step.kind];
      if (status < 200 || status > 299) tally.non2xx++;
      if (!step.act) return;
      const { target } = step.act(sellerOf(context));
      run.acted.push(target.orderNumber);
      // The action's result travels in the RSC payload: next-safe-action's { data: outcome }.
      if (!body.includes('"status":"succeeded"')) {
        tally.failed++;
        if (run.failures.length < 5) run.failures.push(`${target.orderNumber}: HTTP ${status} ${body.slice(0, 400)}`);
      }
    },
  };
}

/** The rounds a run plays: each round's actions are on orders of their own. */
const roundsFrom = (first: number) => Array.from({ length: ROUNDS }, (_, r) => round(first + r)).flat();

/** Every seller at once, each clicking again the instant an answer arrives: the app's capacity. */
async function runLoad(sellers: Seller[], actionId: string, firstRound: number): Promise<LoadRun> {
  const run = newRun();
  // autocannon calls onResponse, then emits "response" with the latency, in the same tick.
  let completed: Kind = "page";
  type Context = { seller?: Seller };
  const started = performance.now();
  // One autocannon per instance, with that instance's sellers, all at once.
  const played = await Promise.all(
    [...byInstance(sellers)].map(([base, group]) => {
      let nextSeller = 0;
      // One connection per seller, for the whole session: the first request picks who.
      const sellerOf = (context: object) => ((context as Context).seller ??= group[nextSeller++ % group.length]!);
      const requests = roundsFrom(firstRound).map((step) => {
        const request = stepRequest(step, base, actionId, run, sellerOf);
        return { ...request, onResponse: (status: number, body: string, context: object) => ((completed = step.kind), request.onResponse(status, body, context)) };
      });
      return cannon({ url: base, connections: group.length, amount: group.length * requests.length, requests }, (ms) => run.byKind[completed].latencies.push(ms));
    }),
  );
  return {
    ...run,
    seconds: (performance.now() - started) / 1000,
    errors: played.reduce((n, p) => n + p.result.errors, 0),
    errorKinds: played.map((p) => p.errorKinds).filter(Boolean).join(", "),
    timeouts: played.reduce((n, p) => n + p.result.timeouts, 0),
    load: loadavg()[0]!,
  };
}

function byInstance(sellers: readonly Seller[]): Map<string, Seller[]> {
  const groups = new Map<string, Seller[]>();
  for (const seller of sellers) groups.set(seller.base, [...(groups.get(seller.base) ?? []), seller]);
  return groups;
}

/** A seeded generator (mulberry32): the same think times from run to run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every seller at once, each at a person's pace: a think time before each request, drawn
 * between THINK.minMs and THINK.maxMs. autocannon has no pause between the requests of a
 * connection, so each request is an autocannon run of its own (one connection, one
 * request): autocannon still sends and times every request.
 */
async function runPaced(sellers: Seller[], actionId: string, firstRound: number): Promise<LoadRun> {
  const run = newRun();
  const steps = roundsFrom(firstRound);
  const errorKinds: string[] = [];
  let errors = 0;
  let timeouts = 0;
  const started = performance.now();
  await Promise.all(
    sellers.map(async (seller, i) => {
      const think = seeded(i + 1);
      // Sellers at work are at different points of their sessions, not all opening the
      // queue in the same second: each starts its session at a point of its own, and
      // within a first think time.
      const start = Math.floor((i * steps.length) / sellers.length);
      const session = [...steps.slice(start), ...steps.slice(0, start)];
      await new Promise((resolve) => setTimeout(resolve, think() * THINK.maxMs));
      for (const [n, step] of session.entries()) {
        if (n > 0) await new Promise((resolve) => setTimeout(resolve, THINK.minMs + think() * (THINK.maxMs - THINK.minMs)));
        const request = stepRequest(step, seller.base, actionId, run, () => seller);
        // autocannon ends a run at its next sample tick: every second by default, which would add up to a second to each think time.
        const { result, errorKinds: kinds } = await cannon({ url: seller.base, connections: 1, amount: 1, sampleInt: 10, requests: [request] }, (ms) => run.byKind[step.kind].latencies.push(ms));
        errors += result.errors;
        timeouts += result.timeouts;
        if (kinds) errorKinds.push(kinds);
      }
    }),
  );
  return { ...run, seconds: (performance.now() - started) / 1000, errors, errorKinds: errorKinds.join(", "), timeouts, load: loadavg()[0]! };
}

/**
 * autocannon, with every response's latency handed to `onLatency` (its own result only
 * keeps a histogram), and its connection errors counted by message.
 */
function cannon(options: autocannon.Options, onLatency: (ms: number) => void): Promise<{ result: autocannon.Result; errorKinds: string }> {
  const kinds = new Map<string, number>();
  return new Promise((resolve, reject) => {
    const instance = autocannon({ timeout: 30, ...options }, (error, result) =>
      error ? reject(error) : resolve({ result, errorKinds: [...kinds].map(([message, n]) => `${n}× ${message}`).join(", ") }),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => onLatency(responseTime));
    instance.on("reqError", (error: Error) => kinds.set(error.message, (kinds.get(error.message) ?? 0) + 1));
  });
}

/** GET /api/health without pause, the connections shared out over the instances. */
async function baseline(bases: readonly string[], connections: number, amount: number): Promise<{ p50: number; p95: number; rps: number; errors: string }> {
  const latencies: number[] = [];
  const started = performance.now();
  const played = await Promise.all(
    bases.map((base, i) => {
      const share = (total: number) => Math.floor(total / bases.length) + (i < total % bases.length ? 1 : 0);
      return cannon({ url: `${base}/api/health`, connections: share(connections), amount: share(amount) }, (ms) => latencies.push(ms));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const connectionErrors = played.reduce((n, p) => n + p.result.errors, 0);
  const non2xx = played.reduce((n, p) => n + p.result.non2xx, 0);
  const errorKinds = played.map((p) => p.errorKinds).filter(Boolean).join(", ");
  const errors = connectionErrors + non2xx ? `${connectionErrors} connection errors${errorKinds ? ` (${errorKinds})` : ""}, ${non2xx} non-2xx` : "no errors";
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), rps: amount / seconds, errors };
}

// ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  clearBenchResult(`load-${ENGINE}`);
  if (!buildIsCurrent()) {
    console.log("Building the app (changed sources)…");
    runBuild();
  }
  // Shops' Cdiscount passwords are encrypted by this process and decrypted by the app.
  process.env.DESK_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  let cluster: TempCluster | null = null;
  let sandbox: SandboxProcess | null = null;
  try {
    const url = ENGINE === "sqlite" ? `file:${path.join(DIR, "desk.db")}` : (cluster = await startTempCluster()).url;
    await deployMigrations(targetForUrl(url));
    sandbox = await startSandboxProcess({ data: path.join(DIR, "sandbox.db"), port: Number(values["sandbox-port"] ?? 0), args: ["--seed", "7"] });
    process.env.CDISCOUNT_SANDBOX_URL = sandbox.url;
    // No quota in the way, no new orders, and no customer cancelling an order a seller is about to accept.
    await sandbox.admin.configure({
      quotaPerMinute: 1_000_000,
      maxOrdersPerResponse: 1_000_000,
      ordersPerHour: 0,
      timings: { ...DEFAULT_TIMINGS, customerCancelDelayMs: NEVER, cancellationRequestDelayMs: NEVER },
    });
    const { sellers: planned, stored } = await prepareStore(url, sandbox);

    const authSecret = randomBytes(32).toString("base64");
    const apps: { base: string; pid: number }[] = [];
    for (let i = 0; i < INSTANCES; i++) {
      const port = values.port ? Number(values.port) + i : await freePort();
      apps.push(await startApp(url, sandbox.url, port, authSecret, i));
    }
    const bases = apps.map((a) => a.base);
    const pids = apps.map((a) => a.pid);
    const signInStart = performance.now();
    const sellers: Seller[] = [];
    for (const [i, s] of planned.entries()) {
      const base = bases[i % bases.length]!;
      sellers.push({ ...s, base, cookie: await signIn(base, s.email) });
    }
    console.log(`${sellers.length} sellers signed in through Auth.js in ${((performance.now() - signInStart) / 1000).toFixed(1)} s; app on ${bases.join(" and ")}, sandbox on ${sandbox.url}`);

    // Warm-up, as a server that has run for a while is: the session's reads played a few
    // times (code loaded, V8's optimizing compiler done with the hot paths), and the action
    // with an input it refuses (nothing is sent).
    const actionId = serverActionId("orderActionAction");
    for (const [base, [first]] of byInstance(sellers)) {
      for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
        for (const step of round(0)) {
          const rsc = step.kind === "navigation";
          if (!step.act) await (await fetch(`${base}${rsc ? rscPath(step.path(first!)) : step.path(first!)}`, { headers: { cookie: first!.cookie, ...(rsc ? { rsc: "1" } : {}) } })).arrayBuffer();
        }
      }
      await (
        await fetch(`${base}/orders`, {
          method: "POST",
          headers: { cookie: first!.cookie, "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: base },
          body: JSON.stringify([{ action: "accept", orderId: first!.accept[0]!.orderId, idempotencyKey: "not-a-uuid" }]),
        })
      ).arrayBuffer();
    }

    const steps = ROUNDS * round(0).length;
    const crowd = sellers.slice(0, SELLERS);
    const floor = await baseline(bases, crowd.length, crowd.length * steps);
    const validationsBefore = (await Promise.all(Array.from({ length: SHOPS }, (_, s) => sandbox!.admin.calls(`load-shop-${s + 1}`, "ValidateOrderList")))).flat().length;
    // The same session played by one seller alone: what each request costs without a queue.
    const solo = await runLoad(sellers.slice(SELLERS), actionId, 0);
    const cpuPerRequest = async (play: () => Promise<LoadRun>): Promise<{ played: LoadRun; cpu: CpuUse }> => {
      const databaseCpu = () => (cluster ? clusterCpuMs(cluster.serverPid()) : null);
      const before = { app: cpuMs(pids), database: databaseCpu(), machine: machineTicks() };
      const played = await play();
      const after = { app: cpuMs(pids), database: databaseCpu(), machine: machineTicks() };
      const answered = merged(played, KINDS).latencies.length;
      const perRequest = (from: number | null, to: number | null) => (from === null || to === null || answered === 0 ? null : (to - from) / answered);
      return {
        played,
        cpu: {
          app: perRequest(before.app, after.app),
          database: perRequest(before.database, after.database),
          machineBusy: (after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total),
        },
      };
    };
    const { played: saturated, cpu: saturatedCpu } = await cpuPerRequest(() => runLoad(crowd, actionId, 0));
    const { played: paced, cpu: pacedCpu } = await cpuPerRequest(() => runPaced(crowd, actionId, ROUNDS));

    // Exactly once: each action sent by a seller in one ValidateOrderList, and nothing
    // else. An action whose answer timed out, or that failed after it was queued, is
    // still finished by the app or its outbox: wait for those a little.
    const sent = [...solo.sent, ...saturated.sent, ...paced.sent];
    const validated = async () => {
      const calls = (await Promise.all(Array.from({ length: SHOPS }, (_, s) => sandbox!.admin.calls(`load-shop-${s + 1}`, "ValidateOrderList")))).flat();
      const counts = new Map<string, number>();
      for (const call of calls) for (const o of call.detail as { orderNumber: string }[]) counts.set(o.orderNumber, (counts.get(o.orderNumber) ?? 0) + 1);
      return { calls: calls.length, counts };
    };
    let validations = await validated();
    for (let waited = 0; waited < 60_000 && sent.some((n) => !validations.counts.has(n)); waited += 1_000) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      validations = await validated();
    }
    const expected = new Set(sent);
    const notOnce = sent.filter((n) => validations.counts.get(n) !== 1).length;
    const unexpected = [...validations.counts.keys()].filter((n) => !expected.has(n)).length;
    const exactlyOnce = validationsBefore === 0 && notOnce === 0 && unexpected === 0;
    report({ paced, saturated, solo, floor, stored, steps, pacedCpu, saturatedCpu, sent: sent.length, exactlyOnce, notOnce, unexpected, validationCalls: validations.calls });
  } finally {
    await Promise.all(children.map(stop));
    await sandbox?.stop();
    cluster?.stop();
  }
}

interface Measured {
  paced: LoadRun;
  saturated: LoadRun;
  solo: LoadRun;
  floor: Awaited<ReturnType<typeof baseline>>;
  stored: number;
  steps: number;
  pacedCpu: CpuUse;
  saturatedCpu: CpuUse;
  sent: number;
  exactlyOnce: boolean;
  notOnce: number;
  unexpected: number;
  validationCalls: number;
}

/** Per request answered, in ms; null where it could not be read. And how busy the whole machine was. */
interface CpuUse {
  app: number | null;
  /** PostgreSQL's own processes; SQLite runs inside the app's. */
  database: number | null;
  /** 0-1, every core and process on the machine (the sandbox and this load generator too). */
  machineBusy: number;
}

/** Every kind's tallies of a run, merged. */
function merged(run: LoadRun, kinds: readonly Kind[]): Tally {
  const tallies = kinds.map((k) => run.byKind[k]);
  return { latencies: tallies.flatMap((t) => t.latencies), non2xx: tallies.reduce((n, t) => n + t.non2xx, 0), failed: tallies.reduce((n, t) => n + t.failed, 0) };
}

const KINDS = Object.keys(KIND_LABELS) as Kind[];
const ms = (v: number) => `${v.toFixed(0)} ms`;

/** A run's table: each kind, reads, actions, all. */
function printRun(title: string, run: LoadRun, cpu: CpuUse): void {
  const line = (label: string, t: Tally) =>
    console.log(
      `${label.padEnd(32)} ${String(t.latencies.length).padStart(6)} ${ms(percentile(t.latencies, 50)).padStart(8)} ${ms(percentile(t.latencies, 95)).padStart(8)} ` +
        `${ms(percentile(t.latencies, 99)).padStart(8)} ${(t.latencies.length / run.seconds).toFixed(1).padStart(7)} ${String(t.non2xx).padStart(6)} ${String(t.failed).padStart(6)}`,
    );
  console.log(`\n${title}, ${run.seconds.toFixed(1)} s`);
  console.log(`${"requests".padEnd(32)} ${"count".padStart(6)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)} ${"req/s".padStart(7)} ${"non2xx".padStart(6)} ${"failed".padStart(6)}`);
  for (const k of KINDS) line(`  ${KIND_LABELS[k]}`, run.byKind[k]);
  line("reads", merged(run, READ_KINDS));
  line("actions", run.byKind.action);
  line("all", merged(run, KINDS));
  const threads = INSTANCES === 1 ? "one Node.js thread" : `${INSTANCES} instances of one Node.js thread each`;
  const app = cpu.app === null ? "CPU time unknown" : `${cpu.app.toFixed(0)} ms of CPU per request (${threads}: at most ${((1000 * INSTANCES) / cpu.app).toFixed(0)} req/s)`;
  const database = ENGINE === "sqlite" ? "in the app's process (SQLite)" : cpu.database === null ? "CPU time unknown" : `${cpu.database.toFixed(0)} ms of CPU per request in PostgreSQL's processes`;
  console.log(`app: ${app}; database: ${database}`);
  console.log(
    `machine: ${(cpu.machineBusy * 100).toFixed(0)} % of its ${cpus().length} cores busy (app, database, sandbox and this load generator); ` +
      `load average ${run.load.toFixed(1)} at the end; connection errors ${run.errors} (timeouts ${run.timeouts}${run.errorKinds ? `; ${run.errorKinds}` : ""})`,
  );
  for (const f of run.failures) console.log(`  failed action: ${f}`);
}

function report({ paced, saturated, solo, floor, stored, steps, pacedCpu, saturatedCpu, sent, exactlyOnce, notOnce, unexpected, validationCalls }: Measured): void {
  const all = (run: LoadRun) => merged(run, KINDS);
  const errorsOf = (run: LoadRun) => run.errors + all(run).non2xx + all(run).failed;
  const errors = errorsOf(paced) + errorsOf(saturated) + errorsOf(solo);
  const p95 = percentile(all(paced).latencies, 95);
  const p50 = percentile(all(paced).latencies, 50);
  const soloP95 = percentile(all(solo).latencies, 95);
  const saturatedP95 = percentile(all(saturated).latencies, 95);
  const capacity = all(saturated).latencies.length / saturated.seconds;
  const pacedRps = all(paced).latencies.length / paced.seconds;

  console.log(
    `\nNode ${process.version}, ${ENGINE}, ${cpus().length} cores, ${INSTANCES === 1 ? "one app instance" : `${INSTANCES} app instances (each seller served by one, as a reverse proxy's round robin does)`}; ${stored.toLocaleString("en")} orders in ${SHOPS} shops; ${SELLERS} sellers at once, each playing a ` +
      `${steps}-request session (${ROUNDS} round${ROUNDS > 1 ? "s" : ""}) on orders of its own, twice: at a seller's pace, then without pause`,
  );
  printRun(`${SELLERS} sellers at a seller's pace: a think time of ${THINK.minMs / 1000}–${THINK.maxMs / 1000} s before each request (the goal)`, paced, pacedCpu);
  printRun(`${SELLERS} sellers without pause: each clicks again the instant an answer arrives (the app's capacity)`, saturated, saturatedCpu);
  console.log(`\none seller alone (same session): p50 ${ms(percentile(all(solo).latencies, 50))}, p95 ${ms(soloP95)}; p50 by kind: ${KINDS.map((k) => `${k} ${ms(percentile(solo.byKind[k].latencies, 50))}`).join(", ")}`);
  console.log(`baseline GET /api/health, ${SELLERS} at once without pause: p50 ${ms(floor.p50)}, p95 ${ms(floor.p95)}, ${floor.rps.toFixed(0)} req/s, ${floor.errors}`);
  console.log(`sandbox: ${validationCalls} ValidateOrderList calls for ${sent} actions sent; ${notOnce} not sent to Cdiscount exactly once, ${unexpected} sent without an action`);
  for (const f of solo.failures) console.log(`  failed action (alone): ${f}`);

  const row = (figure: string, goal: string, measured: string, verdict: boolean | null) =>
    console.log(`${figure.padEnd(44)} ${goal.padEnd(12)} ${measured.padEnd(28)} ${verdict === null ? "" : verdict ? "PASS" : "FAIL"}`);
  console.log(`\n${"figure".padEnd(44)} ${"goal".padEnd(12)} ${"measured".padEnd(28)} verdict`);
  row(`p95, ${SELLERS} sellers at a seller's pace`, `≤ ${GOALS.p95Ms} ms`, `${ms(p95)} (p50 ${ms(p50)})`, p95 <= GOALS.p95Ms);
  row("ratio (p95 / one seller alone's p95)", "—", `${(p95 / soloP95).toFixed(2)}× (${ms(soloP95)})`, null);
  row("throughput at that pace", "—", `${pacedRps.toFixed(1)} req/s`, null);
  row("errors (connection, non-2xx, failed), all runs", `${GOALS.errors}`, String(errors), errors === GOALS.errors);
  row("each action sent to Cdiscount once", "yes", exactlyOnce ? `yes (${sent})` : "no", exactlyOnce);
  row(`capacity: ${SELLERS} sellers without pause`, "—", `${capacity.toFixed(1)} req/s, p95 ${ms(saturatedP95)}`, null);
  row("baseline: GET /api/health without pause", "—", `${floor.rps.toFixed(0)} req/s, p95 ${ms(floor.p95)}`, null);

  const setup = `${SELLERS} sellers × ${steps} requests, ${stored.toLocaleString("en")} orders, ${INSTANCES === 1 ? "one app instance" : `${INSTANCES} app instances`}`;
  writeBenchResult(`load-${ENGINE}`, setup, [
    figure({
      figure: `load ${ENGINE}${INSTANCES === 1 ? "" : ` (${INSTANCES} instances)`}: p95, ${SELLERS} sellers at a seller's pace (${THINK.minMs / 1000}–${THINK.maxMs / 1000} s think)`,
      goal: `≤ ${GOALS.p95Ms} ms`,
      measured: round1(p95),
      unit: "ms",
      ratio: round2(p95 / soloP95),
      baseline: `one seller alone, p95 ${ms(soloP95)}`,
      met: p95 <= GOALS.p95Ms,
    }),
    figure({ figure: `load ${ENGINE}: p50 at that pace`, goal: "—", measured: round1(p50), unit: "ms" }),
    figure({ figure: `load ${ENGINE}: p95 reads at that pace`, goal: "—", measured: round1(percentile(merged(paced, READ_KINDS).latencies, 95)), unit: "ms" }),
    figure({ figure: `load ${ENGINE}: p95 actions at that pace`, goal: "—", measured: round1(percentile(paced.byKind.action.latencies, 95)), unit: "ms" }),
    figure({
      figure: `load ${ENGINE}: capacity, ${SELLERS} sellers without pause`,
      goal: "—",
      measured: round1(capacity),
      unit: "req/s",
      ratio: round2(capacity / floor.rps),
      baseline: `GET /api/health ${floor.rps.toFixed(0)} req/s; p95 without pause ${ms(saturatedP95)}`,
    }),
    ...(pacedCpu.app === null
      ? []
      : [
          figure({
            figure: `load ${ENGINE}: CPU per request at that pace, app + database`,
            goal: "—",
            measured: round1(pacedCpu.app + (pacedCpu.database ?? 0)),
            unit: "ms",
            baseline: `app ${ms(pacedCpu.app)}, database ${ENGINE === "sqlite" ? "in the app" : pacedCpu.database === null ? "unknown" : ms(pacedCpu.database)}; machine ${(pacedCpu.machineBusy * 100).toFixed(0)} % busy`,
          }),
        ]),
    figure({ figure: `load ${ENGINE}: errors`, goal: "0", measured: errors, unit: "", met: errors === 0 }),
    figure({ figure: `load ${ENGINE}: actions sent once`, goal: "all", measured: sent - notOnce, unit: `of ${sent}`, met: exactlyOnce }),
  ]);
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const round2 = (v: number) => Math.round(v * 100) / 100;

try {
  await main();
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}
