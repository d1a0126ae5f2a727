// The data the fuzz suites aim at: a shop of the signed-in users ("mine") and another
// shop they are not in ("foreign"), each with orders in every actionable state and an
// API token, on a real store and a real sandbox process. A third shop ("spare") belongs
// to the admin alone, for the admin actions that may legitimately change a shop.
import { afterAll, beforeAll } from "vitest";
import { db as appDb, type Db } from "@/lib/db/client";
import type { Actor, ShopAccess } from "@/lib/auth/access";
import type { Role } from "@/lib/db/client";
import { startTestSandbox } from "@/lib/cdiscount/testing";
import type { SandboxProcess } from "@/lib/cdiscount/sandbox/process";
import { EffectProbe, type TestSandbox } from "./fuzz";
import { signInAs } from "./request-scope";
import { setupTestDatabase } from "./test-database";
import { createApiToken } from "@/lib/api/tokens/create-api-token";
import type { OrderActionInput } from "@/lib/order-actions/schemas";
import { canPerform, isDisplayedStatus, type SellerAction } from "@/lib/orders/status";
import { ZShipment } from "@/lib/orders/shipment-schema";
import { alreadyShipped, awaitingShipment, createTestShop, seedStoredOrders, type TestShop } from "@/lib/order-actions/testing";

export interface FuzzOrder {
  id: string;
  orderNumber: string;
  status: string;
  shippingCode: string | null;
  /** Seller product ids of the order's own lines (not fee lines). */
  skus: string[];
}

export interface FuzzShop extends TestShop {
  orders: { toAccept: FuzzOrder; toShip: FuzzOrder; shipped: FuzzOrder };
  token: { id: string; secret: string };
}

export interface FuzzWorld {
  sandbox: TestSandbox;
  /** seller, manager and admin are in "mine" with those roles; outsider is the admin of "foreign" only. */
  users: Record<"seller" | "manager" | "admin" | "outsider", Actor>;
  mine: FuzzShop;
  foreign: FuzzShop;
  /** A shop of the admin alone (no orders, no sandbox account). */
  spare: { shopId: string };
}

async function newUser(db: Db, key: string): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${key}@fuzz.test`, name: `Fuzz ${key}`, passwordHash: "unused" } });
  return { id: user.id, email: user.email, name: user.name };
}

async function join(db: Db, actor: Actor, shopId: string, role: Role): Promise<ShopAccess> {
  await db.membership.upsert({ where: { userId_shopId: { userId: actor.id, shopId } }, create: { userId: actor.id, shopId, role }, update: { role } });
  return { actor, shopId, role };
}

async function fuzzShop(db: Db, sandbox: SandboxProcess, owner: Actor, login: string, ownerRole: Role, admin: Actor): Promise<FuzzShop> {
  const shop = await createTestShop(db, sandbox, owner, login);
  await join(db, owner, shop.shopId, ownerRole);
  const adminAccess = await join(db, admin, shop.shopId, "ADMIN");
  // One order to accept, one to ship (tracked: carrier and tracking required), one shipped.
  const shapes = [() => {}, awaitingShipment("TRK"), alreadyShipped];
  const [toAccept, toShip, shipped] = (await seedStoredOrders(db, sandbox, shop, shapes.length, (o, i) => shapes[i]!(o))).map(
    (order): FuzzOrder => ({ id: order.id, orderNumber: order.orderNumber, status: order.status, shippingCode: order.shippingCode, skus: order.lines.filter((l) => !l.isFeeLine && l.sellerProductId).map((l) => l.sellerProductId!) }),
  );
  const orders = { toAccept: toAccept!, toShip: toShip!, shipped: shipped! };
  const created = await createApiToken(db, { access: adminAccess, input: { name: `${login} ERP` } });
  return { ...shop, orders, token: { id: created.id, secret: created.token } };
}

export async function createFuzzWorld(db: Db, seed: number): Promise<FuzzWorld> {
  const sandbox = await startTestSandbox(["--seed", String(seed)]);
  // The product's own client factory (lib/cdiscount/for-shop.ts) reaches the sandbox here.
  process.env.CDISCOUNT_SANDBOX_URL = sandbox.url;
  const users = { seller: await newUser(db, "seller"), manager: await newUser(db, "manager"), admin: await newUser(db, "admin"), outsider: await newUser(db, "outsider") };
  const [mine, foreign] = await Promise.all([
    fuzzShop(db, sandbox, users.seller, "fuzz-mine-api", "SELLER", users.admin),
    fuzzShop(db, sandbox, users.outsider, "fuzz-foreign-api", "ADMIN", users.outsider),
  ]);
  await join(db, users.manager, mine.shopId, "MANAGER");
  const spare = await db.shop.create({ data: { name: "Spare", apiLogin: "fuzz-spare-api", apiPasswordEncrypted: "", environment: "SANDBOX" } });
  await join(db, users.admin, spare.id, "ADMIN");
  await join(db, users.seller, spare.id, "SELLER");
  return { sandbox, users, mine, foreign, spare: { shopId: spare.id } };
}

/** The ids the fuzzers draw from: every order of both shops. */
export function ordersOf(shop: FuzzShop): FuzzOrder[] {
  return Object.values(shop.orders);
}

export function allows(order: FuzzOrder, action: SellerAction): boolean {
  return isDisplayedStatus(order.status) && canPerform(order.status, action);
}

/**
 * Whether the desk would send this to Cdiscount: the order's state allows the action and
 * its fields fit the order (its tracked delivery, its lines). The fuzzers leave such inputs
 * out: they are the legitimate path, which the other suites test.
 */
export function wouldSend(order: FuzzOrder, input: OrderActionInput): boolean {
  if (!allows(order, input.action)) return false;
  if (input.action === "ship") return ZShipment.safeParse({ shippingCode: order.shippingCode, carrierName: input.carrierName, trackingNumber: input.trackingNumber, trackingUrl: input.trackingUrl }).success;
  if (input.action === "refund") return input.lines.every((l) => order.skus.includes(l));
  return true;
}

/** Who calls: one of the world's users, or nobody signed in. */
export type Caller = keyof FuzzWorld["users"] | "nobody";

export function signInAsCaller(world: FuzzWorld, who: Caller): void {
  signInAs(who === "nobody" ? null : world.users[who].id);
}

/**
 * A test file's fuzz world on its own store and sandbox, and the probe that watches them:
 * `prepare` adds what the file needs before the probe takes its first look; `volatile`
 * names the columns a call may move without changing anything (see EffectProbe).
 */
export function setupFuzzWorld(
  seed: number,
  { prepare, volatile }: { prepare?: (world: FuzzWorld) => Promise<void>; volatile?: Record<string, string[]> } = {},
): { world: FuzzWorld; probe: EffectProbe } {
  setupTestDatabase();
  const state = {} as { world: FuzzWorld; probe: EffectProbe };
  beforeAll(async () => {
    state.world = await createFuzzWorld(appDb, seed);
    await prepare?.(state.world);
    state.probe = new EffectProbe(state.world.sandbox, volatile);
  });
  afterAll(async () => {
    state.probe?.close();
    await state.world?.sandbox.stop();
  });
  return state;
}
