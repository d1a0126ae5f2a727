import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { db } from "@/lib/db/client";
import { checkAccess } from "./access";

setupTestDatabase();

let shopA: string;
let shopB: string;
const users: Record<string, string> = {};

beforeAll(async () => {
  shopA = (await db.shop.create({ data: { name: "A", apiLogin: "a-api", apiPasswordEncrypted: "x" } })).id;
  shopB = (await db.shop.create({ data: { name: "B", apiLogin: "b-api", apiPasswordEncrypted: "x" } })).id;
  const make = async (key: string, memberships: { shopId: string; role: "SELLER" | "MANAGER" | "ADMIN" }[], disabled = false) => {
    const user = await db.user.create({
      data: { email: `${key}@t.test`, name: key, passwordHash: "x", disabledAt: disabled ? new Date() : null, memberships: { create: memberships } },
    });
    users[key] = user.id;
  };
  await make("sellerA", [{ shopId: shopA, role: "SELLER" }]);
  await make("managerA", [{ shopId: shopA, role: "MANAGER" }]);
  await make("adminA_sellerB", [
    { shopId: shopA, role: "ADMIN" },
    { shopId: shopB, role: "SELLER" },
  ]);
  await make("disabled", [{ shopId: shopA, role: "ADMIN" }], true);
});

describe("authorization helper: session -> membership -> permission", () => {
  it("rejects a missing session", async () => {
    await expect(checkAccess(undefined, "orders.read", { shopId: shopA })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(checkAccess("no-such-user", "orders.read", { shopId: shopA })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("rejects a disabled user even with a valid session", async () => {
    await expect(checkAccess(users.disabled, "orders.read", { shopId: shopA })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("hides other shops: not a member means not found", async () => {
    await expect(checkAccess(users.sellerA, "orders.read", { shopId: shopB })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(checkAccess(users.sellerA, "orders.read", { shopId: "no-such-shop" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("grants each role its permissions in its own shop", async () => {
    await expect(checkAccess(users.sellerA, "orders.act", { shopId: shopA })).resolves.toMatchObject({ shopId: shopA, role: "SELLER" });
    await expect(checkAccess(users.managerA, "orders.review", { shopId: shopA })).resolves.toMatchObject({ role: "MANAGER" });
    await expect(checkAccess(users.adminA_sellerB, "shop.manage", { shopId: shopA })).resolves.toMatchObject({ role: "ADMIN" });
  });

  it("forbids what the role does not allow", async () => {
    await expect(checkAccess(users.managerA, "orders.act", { shopId: shopA })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(checkAccess(users.sellerA, "shop.manage", { shopId: shopA })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("judges each shop by the role held there", async () => {
    await expect(checkAccess(users.adminA_sellerB, "shop.manage", { shopId: shopB })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(checkAccess(users.adminA_sellerB, "orders.act", { shopId: shopB })).resolves.toMatchObject({ role: "SELLER" });
  });

  it("lists the shops where a permission is held", async () => {
    const access = await checkAccess(users.adminA_sellerB, "shop.manage", { anyShop: true });
    expect(access.shops.map((s) => s.shopName)).toEqual(["A"]);
    await expect(checkAccess(users.sellerA, "shop.manage", { anyShop: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
