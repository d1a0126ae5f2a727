// Two app instances on one PostgreSQL database, as behind a load balancer: the built app
// started twice with `next start`, schedulers on, each reaching the sandbox through a
// recording proxy of its own, so that every marketplace call is known by instance, shop
// and time. Real `next start` processes rather than two Node processes running the
// scheduler code: the instrumentation hook, both schedulers and the API route are then
// the product's own. Needs the build (npm run test:multi, after npm run build).
//
// Proved: runs of a shop never overlap, whichever instance runs them, although both find
// it due at the same tick; every sync call of a shop is made inside one run, by one
// instance; 40 accepts left in the outbox and 10 posted to both instances at once each
// reach the sandbox exactly once; a sweep both instances found due is run once; the
// store then equals the sandbox.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, Prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/access";
import { startTestSandbox } from "@/lib/cdiscount/testing";
import type { SandboxProcess } from "@/lib/cdiscount/sandbox/process";
import { createApiToken } from "@/lib/api/tokens/create-api-token";
import { enqueueOrderAction } from "@/lib/order-actions/enqueue-order-action";
import { createTestShop, type TestShop } from "@/lib/order-actions/testing";
import { buildIsCurrent } from "@/lib/launcher/fingerprint";
import { storeDifferences } from "@/lib/sync/testing";
import { DAY } from "@/lib/sync/windows";
import { freePort } from "@/prisma/tools/pg-cluster";
import { eventually } from "./eventually";
import { postgresTestAvailable, postgresTestDatabase, warnIfPostgresSkipped } from "./postgres-database";

const built = buildIsCurrent();
warnIfPostgresSkipped("several-instances");
if (!built) console.warn("\n*** The built app is missing or older than the sources (npm run build): the several-instances test is SKIPPED ***\n");

/** A marketplace call as a proxy saw it. `login` is read from the answer (SellerLogin). */
interface ProxiedCall {
  instance: string;
  operation: string;
  login: string | null;
  /** A sync's window read (GetOrderList by modification date), not an outbox re-read. */
  sync: boolean;
  start: number;
  end: number;
}

interface RecordingProxy {
  url: string;
  /** Calls received and not yet answered. */
  inFlight(): number;
  close(): Promise<void>;
}

async function startRecordingProxy(instance: string, target: string, log: ProxiedCall[]): Promise<RecordingProxy> {
  let inFlight = 0;
  const server = http.createServer((req, res) => {
    inFlight++;
    void (async () => {
      const start = Date.now();
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(["content-type", "soapaction", "authorization"].flatMap((h) => (typeof req.headers[h] === "string" ? [[h, req.headers[h]]] : [])));
      const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers, body: req.method === "POST" ? body : undefined });
      const answer = await upstream.text();
      log.push({
        instance,
        operation: /(\w+)"?$/.exec(headers.soapaction ?? "")?.[1] ?? "STS",
        login: /SellerLogin>([^<]+)</.exec(answer)?.[1] ?? null,
        sync: /BeginModificationDate>[^<]/.test(body),
        start,
        end: Date.now(),
      });
      res.writeHead(upstream.status, { "Content-Type": upstream.headers.get("content-type") ?? "text/plain" });
      res.end(answer);
    })()
      .catch((error: unknown) => {
        res.writeHead(502, { "Content-Type": "text/plain" });
        res.end(`proxy ${instance}: ${String(error)}`);
      })
      .finally(() => inFlight--);
  });
  // As the sandbox does: the client keeps connections alive between calls.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    inFlight: () => inFlight,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}

interface AppInstance {
  name: string;
  url: string;
  child: ChildProcess;
  output: () => string;
}

async function startAppInstance(name: string, env: Record<string, string>): Promise<AppInstance> {
  const port = await freePort();
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST") && key !== "DESK_SCHEDULER"));
  const child = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...inherited, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`instance ${name} exited (${child.exitCode}): ${output}`);
      return fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    },
    { what: `instance ${name} to answer on ${url}`, timeoutMs: 90_000, intervalMs: 200 },
  );
  return { name, url, child, output: () => output };
}

async function stopAppInstance(instance: AppInstance): Promise<void> {
  if (instance.child.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once("exit", resolve));
  instance.child.kill("SIGTERM");
  await exited;
}

/** Sweep rounds in the last test, the last one after the marketplace is frozen. */
const SWEEP_ROUNDS = 4;

describe.skipIf(!postgresTestAvailable || !built)("two app instances on one PostgreSQL database", () => {
  const postgres = postgresTestDatabase("multi_instance");
  let db: Db;
  let sandbox: SandboxProcess;
  const calls: ProxiedCall[] = [];
  const proxies: RecordingProxy[] = [];
  const instances: AppInstance[] = [];
  const shops: (TestShop & { token: string })[] = [];

  /** Sandbox orders stop moving on by themselves, so that the store can be compared with them. */
  async function freeze(login: string): Promise<void> {
    for (const { orderNumber } of (await sandbox.admin.state(login)).orders) {
      const entry = (await sandbox.admin.order(login, orderNumber)) as { plan: { next: unknown } };
      entry.plan.next = null;
      await sandbox.admin.putOrder(login, entry);
    }
  }

  /** Waits for a successful run of every shop; a failed run (one syncer cutting another short, say) ends the wait. */
  const everyShopHasRun = (what: string, where: Prisma.SyncRunWhereInput = {}) => {
    const shopId = { in: shops.map((s) => s.shopId) };
    return eventually(
      async () => {
        const failed = await db.syncRun.findMany({ where: { shopId, status: "FAILED" }, select: { error: true } });
        if (failed.length) throw new Error(`${failed.length} sync run(s) failed: ${[...new Set(failed.map((r) => r.error))].join("; ")}`);
        return (await db.syncRun.groupBy({ by: ["shopId"], where: { ...where, shopId, status: "SUCCEEDED" } })).length === shops.length;
      },
      { what, timeoutMs: 60_000, intervalMs: 100 },
    );
  };

  /** Makes every shop's daily sweep due -- both instances see it at their next tick -- and waits for each shop's sweep. */
  async function sweepRound(): Promise<void> {
    const since = new Date();
    await db.syncState.updateMany({ where: { shopId: { in: shops.map((s) => s.shopId) } }, data: { lastSweepAt: new Date(since.getTime() - 2 * DAY) } });
    await everyShopHasRun("a daily sweep of every shop", { kind: "DAILY_SWEEP", startedAt: { gte: since } }).catch(async (error: unknown) => {
      // What stopped a shop's sweep: its state (lease, last sweep) and its last runs.
      const shopId = { in: shops.map((s) => s.shopId) };
      const states = await db.syncState.findMany({ where: { shopId }, select: { shopId: true, lastSweepAt: true, leaseOwner: true, leaseExpiresAt: true } });
      const runs = await db.syncRun.findMany({ where: { shopId }, orderBy: { startedAt: "desc" }, take: 12, select: { shopId: true, kind: true, status: true, startedAt: true, finishedAt: true } });
      throw new Error(`${String(error)} (since ${since.toISOString()})\nstates: ${JSON.stringify(states)}\nlast runs: ${JSON.stringify(runs)}`);
    });
  }

  beforeAll(async () => {
    process.env.DESK_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
    const opened = await postgres.open();
    db = opened.db;
    sandbox = await startTestSandbox(["--seed", "29"]);
    const seller = await db.user.create({ data: { email: "seller@multi.test", name: "Seller", passwordHash: "unused" } });
    const adminUser = await db.user.create({ data: { email: "admin@multi.test", name: "Admin", passwordHash: "unused" } });
    const admin: Actor = { id: adminUser.id, email: adminUser.email, name: adminUser.name };
    for (let i = 1; i <= 3; i++) {
      const shop = await createTestShop(db, sandbox, { id: seller.id, email: seller.email, name: seller.name }, `multi-${i}-api`);
      await db.shop.update({ where: { id: shop.shopId }, data: { syncIntervalMinutes: 1, initialImportDays: 4 } });
      await db.membership.create({ data: { userId: admin.id, shopId: shop.shopId, role: "ADMIN" } });
      const { token } = await createApiToken(db, { access: { actor: admin, shopId: shop.shopId, role: "ADMIN" }, input: { name: "ERP" } });
      await sandbox.admin.seed(shop.login, 40, { days: 3 });
      await sandbox.admin.seed(shop.login, 20, { kind: "seller", state: "fresh" });
      await freeze(shop.login);
      shops.push({ ...shop, token });
    }
    for (const name of ["A", "B"]) proxies.push(await startRecordingProxy(name, sandbox.url, calls));
    const env = { DATABASE_URL: opened.url, AUTH_SECRET: randomBytes(32).toString("base64url"), DESK_ENCRYPTION_KEY: process.env.DESK_ENCRYPTION_KEY };
    instances.push(...(await Promise.all(["A", "B"].map((name, i) => startAppInstance(name, { ...env, CDISCOUNT_SANDBOX_URL: proxies[i]!.url })))));
  }, 240_000);

  afterAll(async () => {
    for (const instance of instances) {
      // What the instances said about syncs and actions, for whoever reads a failure.
      const notes = instance.output().split("\n").filter((l) => /"module":"(sync|order-actions)"|Error/.test(l));
      if (notes.length) console.info(`instance ${instance.name}:\n${notes.slice(-20).join("\n")}`);
    }
    await Promise.all(instances.map(stopAppInstance));
    await Promise.all(proxies.map((p) => p.close()));
    await sandbox?.stop();
    await postgres.close();
  }, 60_000);

  it("imports every shop, both instances at work", async () => {
    await everyShopHasRun("the first import of every shop");
    expect(new Set(calls.filter((c) => c.sync).map((c) => c.instance))).toEqual(new Set(["A", "B"]));
  }, 90_000);

  it("sends each action to the marketplace once: 40 left in the outbox, 10 posted to both instances at once", async () => {
    const waiting = await db.order.findMany({
      where: { shopId: { in: shops.map((s) => s.shopId) }, status: "WaitingForSellerAcceptation" },
      orderBy: { orderNumber: "asc" },
      take: 50,
      select: { id: true, shopId: true, orderNumber: true },
    });
    expect(waiting).toHaveLength(50);
    const shopOf = (shopId: string) => shops.find((s) => s.shopId === shopId)!;

    // What a crashed request leaves behind: the instances' outbox schedulers race for them.
    const queued = waiting.slice(0, 40);
    for (const o of queued) await enqueueOrderAction(db, { access: shopOf(o.shopId).access, input: { action: "accept", orderId: o.id, idempotencyKey: randomUUID() } });

    // A back office retrying on the other instance while the first still works on it.
    const posted = waiting.slice(40);
    const answers = await Promise.all(
      posted.map((o) => {
        const key = randomUUID();
        return Promise.all(
          instances.map(async (instance) => {
            const response = await fetch(`${instance.url}/api/v1/orders/${o.id}/actions`, {
              method: "POST",
              headers: { Authorization: `Bearer ${shopOf(o.shopId).token}`, "Idempotency-Key": key, "Content-Type": "application/json" },
              body: JSON.stringify({ action: "accept" }),
            });
            return { status: response.status, body: (await response.json()) as Record<string, unknown> };
          }),
        );
      }),
    );
    for (const [first, second] of answers) {
      expect(first).toMatchObject({ status: 200, body: { status: "succeeded", order_status: "AcceptedBySeller" } });
      expect(second).toEqual(first);
    }

    const actionIds = (await db.marketplaceAction.findMany({ where: { orderId: { in: waiting.map((o) => o.id) } }, select: { id: true } })).map((a) => a.id);
    expect(actionIds).toHaveLength(50);
    await eventually(async () => (await db.marketplaceAction.count({ where: { id: { in: actionIds }, status: "SUCCEEDED" } })) === 50, {
      what: "every action to succeed",
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    // Claimed once each, and each order number in exactly one ValidateOrderList entry.
    expect(await db.marketplaceAction.count({ where: { id: { in: actionIds }, attempts: 1 } })).toBe(50);
    const sent = [];
    for (const shop of shops) {
      for (const call of await sandbox.admin.calls(shop.login, "ValidateOrderList")) sent.push(...(call.detail as { orderNumber: string }[]).map((d) => d.orderNumber));
    }
    expect(sent.sort()).toEqual(waiting.map((o) => o.orderNumber).sort());
    expect(calls.filter((c) => c.operation === "ValidateOrderList")).toHaveLength((await Promise.all(shops.map((s) => sandbox.admin.calls(s.login, "ValidateOrderList")))).flat().length);
  }, 120_000);

  it("never runs a shop's sync on both instances at once, though both find it due at the same tick; the store equals the sandbox", async () => {
    for (let round = 0; round < SWEEP_ROUNDS - 1; round++) await sweepRound();
    // The marketplace stops moving; one more round brings the last changes in.
    for (const shop of shops) await freeze(shop.login);
    await sweepRound();
    for (const shop of shops) expect(await storeDifferences(db, shop.shopId, (await sandbox.admin.state(shop.login)).orders), shop.login).toEqual([]);

    // Stopped, the instances make no more calls: the proxies' log is complete. A run cut
    // short stays "running" (open-ended below).
    await Promise.all(instances.map(stopAppInstance));
    await eventually(() => proxies.every((p) => p.inFlight() === 0), { what: "the proxies to answer their last calls" });
    const seen = [...calls];
    const ranBy = new Map<string, string>();
    for (const shop of shops) {
      const runs = await db.syncRun.findMany({ where: { shopId: shop.shopId }, orderBy: { startedAt: "asc" } });
      const spans = runs.map((r) => ({ id: r.id, status: r.status, from: r.startedAt.getTime(), to: r.finishedAt?.getTime() ?? Infinity }));
      expect(spans.length, shop.login).toBeGreaterThanOrEqual(5);
      // Both instances found each sweep due; the one that got the lease second saw it done.
      expect(runs.filter((r) => r.kind === "DAILY_SWEEP"), `${shop.login}: one daily sweep per round`).toHaveLength(SWEEP_ROUNDS);
      // One run at a time: a second syncer taking over would also mark the first "interrupted".
      for (const [i, span] of spans.entries()) if (i > 0) expect(span.from, `${shop.login}: run ${span.id} starts before the previous one ends`).toBeGreaterThanOrEqual(spans[i - 1]!.to);
      expect(spans.filter((s) => s.status === "FAILED"), shop.login).toEqual([]);

      const syncCalls = seen.filter((c) => c.sync && c.login === shop.login);
      for (const call of syncCalls) {
        const run = spans.find((s) => s.from <= call.start && call.end <= s.to);
        expect(run, `${shop.login}: a sync call by ${call.instance} at ${new Date(call.start).toISOString()} outside every run`).toBeDefined();
        expect(ranBy.get(run!.id) ?? call.instance, `${shop.login}: run ${run!.id} made calls from both instances`).toBe(call.instance);
        ranBy.set(run!.id, call.instance);
      }
      // Every call went through a proxy: none is missing from what the instances were seen doing.
      expect(seen.filter((c) => c.login === shop.login && c.operation === "GetOrderList").length).toBe((await sandbox.admin.calls(shop.login, "GetOrderList")).length);
    }
    expect(new Set(ranBy.values())).toEqual(new Set(["A", "B"]));
    console.info(`several instances: ${ranBy.size} sync runs (A ${[...ranBy.values()].filter((i) => i === "A").length}, B ${[...ranBy.values()].filter((i) => i === "B").length}), ${seen.filter((c) => c.operation === "ValidateOrderList").length} ValidateOrderList calls`);
  }, 180_000);
});
