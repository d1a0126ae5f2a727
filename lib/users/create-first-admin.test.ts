// The first account of a production installation, on a real store.
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { createFirstAdmin, type FirstAdminInput } from "./create-first-admin";

setupTestDatabase();

const input = (change: Partial<FirstAdminInput> = {}): FirstAdminInput => ({
  email: " Camille@Boutique.fr ",
  name: "Camille",
  password: "un-mot-de-passe-long",
  shop: { name: "Ma boutique", apiLogin: "ma-boutique-api", apiPassword: "secret-cdiscount", environment: "PRODUCTION", syncIntervalMinutes: 15, initialImportDays: 30 },
  ...change,
});

describe("createFirstAdmin", () => {
  it("refuses bad input field by field and creates nothing", async () => {
    const error = await createFirstAdmin(input({ email: "pas-un-email", password: "court" })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { email: ["email"], password: ["passwordTooShort"] } });
    expect(await db.user.count()).toBe(0);
    expect(await db.shop.count()).toBe(0);
  });

  it("creates the admin and their shop, the API password encrypted; then refuses a second time", async () => {
    const { userId, shopId } = await createFirstAdmin(input());
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: true } });
    expect(user.email).toBe("camille@boutique.fr");
    expect(await verifyPassword("un-mot-de-passe-long", user.passwordHash)).toBe(true);
    expect(user.memberships).toEqual([expect.objectContaining({ shopId, role: "ADMIN" })]);
    const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId } });
    expect(shop).toMatchObject({ name: "Ma boutique", apiLogin: "ma-boutique-api", environment: "PRODUCTION" });
    expect(shop.apiPasswordEncrypted).not.toContain("secret-cdiscount");
    expect(await db.auditLog.findFirst({ where: { shopId, action: "shop.create" } })).toMatchObject({ actorId: userId });

    const again = await createFirstAdmin(input({ email: "autre@boutique.fr" })).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "CONFLICT" });
    expect(await db.user.count()).toBe(1);
  });
});
