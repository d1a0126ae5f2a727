import { describe, expect, it } from "vitest";
import { setupTestDatabase, testEngine } from "@/lib/testing/test-database";
import { eventually } from "@/lib/testing/eventually";
import { db, Prisma } from "@/lib/db/client";
import { createShop } from "@/lib/shops/create-shop";
import { updateShop } from "@/lib/shops/update-shop";
import { decryptShopPassword } from "@/lib/shops/shop-secret";
import { addMember } from "@/lib/users/add-member";
import { removeMember, setMemberRole } from "@/lib/users/change-membership";
import { seedDemo, DEMO_USERS } from "@/lib/launcher/demo";
import { verifyCredentials } from "@/lib/auth/credentials";
import type { Actor, ShopAccess } from "@/lib/auth/access";

setupTestDatabase();

async function makeActor(email: string): Promise<Actor> {
  const u = await db.user.create({ data: { email, name: email, passwordHash: "x" } });
  return { id: u.id, email: u.email, name: u.name };
}

const shopInput = { name: "Shop", apiLogin: "shop-api", apiPassword: "pw-123", environment: "SANDBOX" as const, syncIntervalMinutes: 15, initialImportDays: 30 };

function orderData(shopId: string, orderNumber: string, amount = "29.90") {
  const d = new Prisma.Decimal(amount);
  return {
    shopId,
    orderNumber,
    marketplaceState: "WaitingForShipmentAcceptation",
    status: "WaitingForShipmentAcceptation",
    bucket: "WAITING_SHIPMENT",
    initialTotalAmount: d,
    initialTotalShippingChargesAmount: d,
    validatedTotalAmount: d,
    validatedTotalShippingCharges: d,
    shippedTotalAmount: d,
    shippedTotalShippingCharges: d,
    siteCommissionPromisedAmount: d,
    siteCommissionValidatedAmount: d,
    siteCommissionShippedAmount: d,
    marketplaceCreatedAt: new Date("2026-11-20T10:15:00Z"),
  };
}

describe("shops", () => {
  it("creates a shop with its creator as ADMIN, a sync state and an audit row; the password is encrypted", async () => {
    const actor = await makeActor("creator@t.test");
    const { id } = await createShop({ actor, input: shopInput });
    const shop = await db.shop.findUniqueOrThrow({ where: { id }, include: { memberships: true, syncState: true } });
    expect(shop.memberships).toEqual([expect.objectContaining({ userId: actor.id, role: "ADMIN" })]);
    expect(shop.syncState).not.toBeNull();
    expect(shop.apiPasswordEncrypted).not.toContain("pw-123");
    expect(decryptShopPassword(id, shop.apiPasswordEncrypted)).toBe("pw-123");
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: id, action: "shop.create" } });
    expect(audit.actorId).toBe(actor.id);
    expect(JSON.stringify(audit.details)).not.toContain("pw-123");
  });

  it("keeps the stored password when an edit leaves it blank, replaces it otherwise", async () => {
    const actor = await makeActor("editor@t.test");
    const { id } = await createShop({ actor, input: shopInput });
    const access: ShopAccess = { actor, shopId: id, role: "ADMIN" };
    const before = (await db.shop.findUniqueOrThrow({ where: { id } })).apiPasswordEncrypted;
    await updateShop({ access, input: { ...shopInput, shopId: id, name: "Renamed", apiPassword: undefined } });
    const kept = await db.shop.findUniqueOrThrow({ where: { id } });
    expect(kept.name).toBe("Renamed");
    expect(kept.apiPasswordEncrypted).toBe(before);
    await updateShop({ access, input: { ...shopInput, shopId: id, apiPassword: "new-pw" } });
    expect(decryptShopPassword(id, (await db.shop.findUniqueOrThrow({ where: { id } })).apiPasswordEncrypted)).toBe("new-pw");
  });

  it("refuses an update for another shop than the one authorized", async () => {
    const actor = await makeActor("cross@t.test");
    const a = await createShop({ actor, input: shopInput });
    const b = await createShop({ actor, input: shopInput });
    await expect(updateShop({ access: { actor, shopId: a.id, role: "ADMIN" }, input: { ...shopInput, shopId: b.id, apiPassword: undefined } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("members", () => {
  it("creates an account only with a name and password, adds existing accounts, refuses duplicates", async () => {
    const actor = await makeActor("admin-m@t.test");
    const { id: shopId } = await createShop({ actor, input: shopInput });
    const access: ShopAccess = { actor, shopId, role: "ADMIN" };
    await expect(addMember({ access, input: { shopId, email: "new@t.test", role: "SELLER", name: undefined, password: undefined } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { name: ["requiredForNewAccount"], password: ["requiredForNewAccount"] },
    });
    expect(await db.user.count({ where: { email: "new@t.test" } })).toBe(0);

    const created = await addMember({ access, input: { shopId, email: "new@t.test", role: "SELLER", name: "New", password: "long-enough-pw" } });
    expect(created.created).toBe(true);
    expect(await verifyCredentials({ email: "new@t.test", password: "long-enough-pw" })).toMatchObject({ email: "new@t.test" });

    const { id: otherShop } = await createShop({ actor, input: shopInput });
    const added = await addMember({ access: { ...access, shopId: otherShop }, input: { shopId: otherShop, email: "new@t.test", role: "MANAGER", name: undefined, password: undefined } });
    expect(added).toEqual({ userId: created.userId, created: false });
    await expect(addMember({ access, input: { shopId, email: "new@t.test", role: "SELLER", name: undefined, password: undefined } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("never leaves a shop without an admin", async () => {
    const actor = await makeActor("lone-admin@t.test");
    const { id: shopId } = await createShop({ actor, input: shopInput });
    const access: ShopAccess = { actor, shopId, role: "ADMIN" };
    await expect(setMemberRole({ access, userId: actor.id, role: "SELLER" })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(removeMember({ access, userId: actor.id })).rejects.toMatchObject({ code: "INVALID_STATE" });

    const second = await addMember({ access, input: { shopId, email: "second-admin@t.test", role: "ADMIN", name: "Second", password: "long-enough-pw" } });
    await setMemberRole({ access, userId: actor.id, role: "SELLER" });
    expect((await db.membership.findFirstOrThrow({ where: { shopId, userId: actor.id } })).role).toBe("SELLER");
    await expect(removeMember({ access, userId: second.userId })).rejects.toMatchObject({ code: "INVALID_STATE" });
    const audit = await db.auditLog.findMany({ where: { shopId, action: { startsWith: "member." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["member.add", "member.role"]);
  });
});

/**
 * Runs `changes` so that they truly overlap. On PostgreSQL the shop's membership rows are
 * held until every change waits on a lock -- on those rows, or on each other -- so each
 * has read what it reads before any of them writes; then they are let go. SQLite runs
 * one write transaction at a time: they simply start together.
 */
async function overlapping(shopId: string, changes: () => Promise<unknown>[]): Promise<PromiseSettledResult<unknown>[]> {
  if (testEngine !== "postgresql") return Promise.allSettled(changes());
  let holding!: () => void;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const holder = db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Membership" WHERE "shopId" = ${shopId} FOR SHARE`;
      holding();
      await released;
    },
    { timeout: 60_000 },
  );
  await held;
  const started = changes();
  const settled = Promise.allSettled(started);
  const waiting = async () => (await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)[0]!.n;
  await eventually(async () => Number(await waiting()) >= started.length, { what: `${started.length} transactions waiting on a lock` });
  release();
  await holder;
  return settled;
}

describe("the last admin, under concurrent changes", () => {
  async function shopWithTwoAdmins(prefix: string) {
    const first = await makeActor(`${prefix}-first@t.test`);
    const { id: shopId } = await createShop({ actor: first, input: shopInput });
    const access: ShopAccess = { actor: first, shopId, role: "ADMIN" };
    const second = await addMember({ access, input: { shopId, email: `${prefix}-second@t.test`, role: "ADMIN", name: "Second", password: "long-enough-pw" } });
    return { shopId, access, admins: [first.id, second.userId] as const };
  }
  const adminsOf = (shopId: string) => db.membership.count({ where: { shopId, role: "ADMIN" } });
  const refusedAsLastAdmin = (outcomes: PromiseSettledResult<unknown>[]) =>
    outcomes.filter((o) => o.status === "rejected" && (o.reason as { code?: string }).code === "INVALID_STATE").length;

  it("two admins demoting each other at once: one is demoted, the other is refused", async () => {
    const { shopId, access, admins } = await shopWithTwoAdmins("demote");
    const outcomes = await overlapping(shopId, () => admins.map((userId) => setMemberRole({ access, userId, role: "SELLER" })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(refusedAsLastAdmin(outcomes)).toBe(1);
    expect(await adminsOf(shopId)).toBe(1);
  });

  it("the last two admins removed at once: one leaves, the other stays", async () => {
    const { shopId, access, admins } = await shopWithTwoAdmins("remove");
    const outcomes = await overlapping(shopId, () => admins.map((userId) => removeMember({ access, userId })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(refusedAsLastAdmin(outcomes)).toBe(1);
    expect(await adminsOf(shopId)).toBe(1);
  });
});

describe("orders", () => {
  it("keeps amounts exact", async () => {
    const actor = await makeActor("orders@t.test");
    const { id: shopId } = await createShop({ actor, input: shopInput });
    for (const amount of ["0.1", "0.18", "19.99", "1234567.89", "0.30"]) {
      const order = await db.order.create({ data: orderData(shopId, `ORD-${amount}`, amount) });
      const read = await db.order.findUniqueOrThrow({ where: { id: order.id } });
      expect(read.initialTotalAmount.equals(new Prisma.Decimal(amount))).toBe(true);
    }
    const sum = await db.order.aggregate({ where: { shopId }, _sum: { initialTotalAmount: true } });
    expect(sum._sum.initialTotalAmount?.toFixed(2)).toBe("1234588.46");
  });

  it("makes the order number unique per shop, not across shops", async () => {
    const actor = await makeActor("unique@t.test");
    const a = await createShop({ actor, input: shopInput });
    const b = await createShop({ actor, input: shopInput });
    await db.order.create({ data: orderData(a.id, "2611201015ABCDE") });
    await db.order.create({ data: orderData(b.id, "2611201015ABCDE") });
    await expect(db.order.create({ data: orderData(a.id, "2611201015ABCDE") })).rejects.toThrow();
  });

  it("stores lines, events, addresses and a missing customer; deleting the shop removes them", async () => {
    const actor = await makeActor("cascade@t.test");
    const { id: shopId } = await createShop({ actor, input: shopInput });
    const address = { FirstName: "Jeanne", LastName: "Martin", City: "Lyon", ZipCode: "69003", RelayId: null };
    const order = await db.order.create({
      data: {
        ...orderData(shopId, "2611201015LINES"),
        shippingAddress: address,
        lines: {
          create: [
            { position: 0, sellerProductId: "SKU-1", quantity: 2, purchasePrice: new Prisma.Decimal("12.50"), unitShippingCharges: new Prisma.Decimal("4.90"), unitAdditionalShippingCharges: new Prisma.Decimal("0") },
            { position: 1, sellerProductId: null, isFeeLine: true, quantity: 1, purchasePrice: new Prisma.Decimal("0.99"), unitShippingCharges: new Prisma.Decimal("0"), unitAdditionalShippingCharges: new Prisma.Decimal("0") },
          ],
        },
        events: { create: { kind: "MARKETPLACE_STATE_CHANGE", occurredAt: new Date(), toStatus: "WaitingForShipmentAcceptation" } },
      },
    });
    const read = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: { orderBy: { position: "asc" } }, events: true } });
    expect(read.customerLastName).toBeNull();
    expect(read.shippingAddress).toEqual(address);
    expect(read.lines.map((l) => [l.sellerProductId, l.isFeeLine, l.purchasePrice.toString()])).toEqual([
      ["SKU-1", false, "12.5"],
      [null, true, "0.99"],
    ]);
    expect(read.events).toHaveLength(1);

    await db.shop.delete({ where: { id: shopId } });
    expect(await db.order.count({ where: { id: order.id } })).toBe(0);
    expect(await db.orderLine.count({ where: { orderId: order.id } })).toBe(0);
    expect(await db.orderEvent.count({ where: { orderId: order.id } })).toBe(0);
  });
});

describe("demo seed", () => {
  it("seeds once, with one user per role, and the demo passwords work", async () => {
    await db.membership.deleteMany();
    await db.user.deleteMany();
    expect(await seedDemo()).toBe(true);
    expect(await seedDemo()).toBe(false);
    for (const u of DEMO_USERS) {
      expect(await verifyCredentials({ email: u.email, password: u.password })).toMatchObject({ email: u.email });
      const m = await db.membership.findFirstOrThrow({ where: { user: { email: u.email } }, include: { shop: true } });
      expect(m.role).toBe(u.role);
      expect(m.shop.environment).toBe("SANDBOX");
    }
    expect(await verifyCredentials({ email: DEMO_USERS[0]!.email, password: "wrong" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@t.test", password: "x" })).toBeNull();
    expect(await verifyCredentials({ email: 42 })).toBeNull();
  });
});
