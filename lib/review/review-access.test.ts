// Who may review what, on a real store: the authorization helper the review pages and
// their data go through.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/access";
import { AppError } from "@/lib/errors/app-error";
import { reviewAccessFor } from "./review-access";

setupTestDatabase();

let shopA: string;
let shopB: string;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
  shopA = (await db.shop.create({ data: { name: "A", apiLogin: "a-api", apiPasswordEncrypted: "x" } })).id;
  shopB = (await db.shop.create({ data: { name: "B", apiLogin: "b-api", apiPasswordEncrypted: "x" } })).id;
  const make = async (key: string, memberships: { shopId: string; role: "SELLER" | "MANAGER" | "ADMIN" }[]) => {
    const user = await db.user.create({ data: { email: `${key}@review.test`, name: key, passwordHash: "x", memberships: { create: memberships } } });
    actors[key] = { id: user.id, email: user.email, name: user.name };
  };
  await make("sellerA", [{ shopId: shopA, role: "SELLER" }]);
  await make("managerA", [{ shopId: shopA, role: "MANAGER" }]);
  await make("managerAB", [
    { shopId: shopA, role: "MANAGER" },
    { shopId: shopB, role: "MANAGER" },
  ]);
  await make("adminA_sellerB", [
    { shopId: shopA, role: "ADMIN" },
    { shopId: shopB, role: "SELLER" },
  ]);
});

describe("review access", () => {
  it("refuses a seller with 403: the review pages and their data are not theirs", async () => {
    const refusal = await reviewAccessFor(actors.sellerA!, null).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "FORBIDDEN", status: 403 });
  });

  it("gives a manager their shops, and only theirs", async () => {
    await expect(reviewAccessFor(actors.managerA!, null)).resolves.toMatchObject({ shopIds: [shopA] });
    await expect(reviewAccessFor(actors.managerAB!, null)).resolves.toMatchObject({ shopIds: [shopA, shopB] });
    await expect(reviewAccessFor(actors.managerAB!, shopB)).resolves.toMatchObject({ shopIds: [shopB] });
  });

  it("answers 404 for another tenant's shop, as for a missing one", async () => {
    await expect(reviewAccessFor(actors.managerA!, shopB)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reviewAccessFor(actors.managerA!, "no-such-shop")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("judges each shop by the role held there: an admin reviews their shop, not the one they sell in", async () => {
    const access = await reviewAccessFor(actors.adminA_sellerB!, null);
    expect(access.shopIds).toEqual([shopA]);
    expect(access.reviewableShops.map((s) => s.shopName)).toEqual(["A"]);
    await expect(reviewAccessFor(actors.adminA_sellerB!, shopB)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
