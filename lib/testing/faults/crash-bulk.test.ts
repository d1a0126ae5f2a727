// Crash safety of a bulk shipment: the product's bulk shipment of 200 orders (plan,
// outbox, ValidateOrderList by 50, re-read) runs in a process of its own and is killed
// with SIGKILL at a random point, ten times. The seller then sends the same file again
// and the outbox's drain takes over what the dead sender held; afterwards every row is
// shipped, with its tracking, each order reached Cdiscount exactly once, every row has
// a clear outcome, and the store equals the sandbox.
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { db } from "@/lib/db/client";
import type { SandboxProcess } from "@/lib/cdiscount/sandbox/process";
import type { Actor } from "@/lib/auth/access";
import { storeDifferences } from "@/lib/sync/testing";
import { drainMarketplaceActions } from "@/lib/order-actions/drain-marketplace-actions";
import { executeBulkShipment } from "@/lib/order-actions/execute-bulk-shipment";
import { parseShipmentCsv } from "@/lib/order-actions/shipment-csv";
import { orderActionMessages } from "@/lib/order-actions/user-messages";
import { awaitingShipment, createTestShop, seedStoredOrders } from "@/lib/order-actions/testing";
import { crashRandom, KILLS, killAfter, startChild, whenReached } from "./children";
import { startSandboxWithSeller, writeCalls } from "./harness";

const ROWS = 200;
/** The dispatcher's claim lifetime (LOCK_TTL_MS): a dead sender's actions are taken over after it. */
const CLAIM_LAPSES_MS = 2 * 60_000 + 1_000;
const CONFIRMED = "Cdiscount a confirmé. Statut de la commande : Expédiée.";
const IN_PROGRESS = "Cette action est en cours d'envoi à Cdiscount.";

const database = setupTestDatabase();
let sandbox: SandboxProcess;
let seller: Actor;

beforeAll(async () => {
  ({ sandbox, seller } = await startSandboxWithSeller(db, 6));
});
afterAll(async () => {
  await sandbox?.stop();
});

it(`a bulk shipment of ${ROWS} orders killed at ${KILLS} random points ships every row once`, async () => {
  const random = crashRandom("crash: bulk shipment");
  const dir = mkdtempSync(path.join(tmpdir(), "desk-crash-"));
  const messages = await orderActionMessages();
  const report: string[] = [];
  let midWork = 0;
  let resentWhileHeld = false;

  for (let round = 1; round <= KILLS; round++) {
    // A shop of its own per round: its orders, its sandbox account and call log.
    const shop = await createTestShop(db, sandbox, seller, `crash-ship-${round}-api`);
    const batch = await seedStoredOrders(db, sandbox, shop, ROWS, awaitingShipment("TRK"));
    const tracking = (i: number) => `6A${round}${String(i).padStart(8, "0")}`;
    const csv = ["numero_commande;transporteur;numero_suivi", ...batch.map((o, i) => `${o.orderNumber};Colissimo;${tracking(i)}`)].join("\n");
    const input = { shopId: shop.shopId, rows: parseShipmentCsv(csv).rows, idempotencyKey: randomUUID() };
    const requestFile = path.join(dir, `round-${round}.json`);
    writeFileSync(requestFile, JSON.stringify({ access: shop.access, input }));

    // A random point of the work: after a random number of its steps (a row's action
    // stored, a row's outcome recorded), a random time into the next. The first kill
    // falls while rows are being sent, so that a resend meets actions the dead sender holds.
    const steps = round === 1 ? random.int(ROWS + 1, 2 * ROWS - 1) : random.int(0, 2 * ROWS - 1);
    const extraMs = random.int(0, 150);
    const progress = async () => {
      const [stored, settled] = await Promise.all([
        db.marketplaceAction.count({ where: { batchId: input.idempotencyKey } }),
        db.marketplaceAction.count({ where: { batchId: input.idempotencyKey, status: { in: ["SUCCEEDED", "FAILED"] } } }),
      ]);
      return stored + settled;
    };
    const child = startChild(["lib/testing/faults/bulk-ship-child.ts", requestFile], { DATABASE_URL: database.url(), CDISCOUNT_SANDBOX_URL: sandbox.url });
    expect(await whenReached(child, async () => child.output().includes("BULK_SHIP_STARTED")), child.output()).toBe(true);
    await whenReached(child, async () => (await progress()) >= steps);
    const { signal } = await killAfter(child, extraMs);
    const atKill = await progress();
    if (signal === "SIGKILL" && atKill < 2 * ROWS) midWork++;
    report.push(`${round}: after ${steps} steps +${extraMs} ms -> ${signal ?? "exit"} at ${atKill}/${2 * ROWS}`);

    const held = await db.marketplaceAction.count({ where: { batchId: input.idempotencyKey, status: "SENDING" } });
    if (held > 0 && !resentWhileHeld) {
      // Once: the seller sends the same file again (the dialog keeps the batch's key) while
      // the dead sender's claims still hold. Every row gets an outcome, after one wait for
      // all the held ones together.
      resentWhileHeld = true;
      const early = await executeBulkShipment(db, { access: shop.access, input });
      expect(early.outcomes.map((o) => o.line)).toEqual(input.rows.map((r) => r.line));
      expect(early.outcomes.filter((o) => o.outcome.status === "inProgress")).toHaveLength(held);
      for (const { outcome } of early.outcomes) expect([CONFIRMED, IN_PROGRESS]).toContain(messages.outcome(outcome));
    }
    // The outbox's drain takes over what the dead sender held once its claims lapse, and
    // sends what it had stored but not sent.
    await drainMarketplaceActions(db, { now: new Date(Date.now() + CLAIM_LAPSES_MS) });
    // The seller sends the file again: the rows the dead sender never stored are sent now,
    // the others get their recorded outcome.
    const again = await executeBulkShipment(db, { access: shop.access, input });
    expect(again.outcomes.map((o) => [o.line, messages.outcome(o.outcome)])).toEqual(input.rows.map((r) => [r.line, CONFIRMED]));

    const actions = await db.marketplaceAction.findMany({ where: { batchId: input.idempotencyKey }, select: { status: true, openOrderKey: true } });
    expect(actions).toHaveLength(ROWS);
    expect(actions.every((a) => a.status === "SUCCEEDED" && a.openOrderKey === null), report.join("\n")).toBe(true);
    const sent = await writeCalls(sandbox.admin, shop.login);
    expect(batch.filter((o) => sent.get(o.orderNumber) !== 1).map((o) => `${o.orderNumber} sent ${sent.get(o.orderNumber) ?? 0} times`), report.join("\n")).toEqual([]);
    const { orders: marketplace } = await sandbox.admin.state(shop.login);
    const shipped = new Map(marketplace.map((o) => [o.orderNumber, [o.orderState, o.parcels[0]?.realCarrierCode]]));
    expect(batch.map((o) => shipped.get(o.orderNumber))).toEqual(batch.map((_, i) => ["Shipped", tracking(i)]));
    const stored = await db.order.findMany({ where: { shopId: shop.shopId }, select: { orderNumber: true, status: true, trackingNumber: true } });
    expect(stored.filter((o) => o.status !== "Shipped" || !o.trackingNumber)).toEqual([]);
    expect(await storeDifferences(db, shop.shopId, marketplace)).toEqual([]);

    // And once more, now that all is done: the same outcomes, nothing sent again.
    const callsBefore = await writeCalls(sandbox.admin, shop.login);
    expect((await executeBulkShipment(db, { access: shop.access, input })).outcomes).toEqual(again.outcomes);
    expect(await writeCalls(sandbox.admin, shop.login)).toEqual(callsBefore);
  }
  console.info(`crash: bulk shipment\n  ${report.join("\n  ")}`);
  expect(midWork, report.join("\n")).toBeGreaterThanOrEqual(KILLS - 2);
  expect(resentWhileHeld, "no kill left actions held by the dead sender").toBe(true);
}, 600_000);
