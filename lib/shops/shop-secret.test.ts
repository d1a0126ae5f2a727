// Cdiscount API passwords at rest: what the database really holds, row and file, and
// what happens when the key from the environment is missing or not the one used.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { db } from "@/lib/db/client";
import { generateEncryptionKey } from "@/lib/crypto/secret-box";
import { marketplaceClientFor } from "@/lib/cdiscount/for-shop";
import { createShop } from "./create-shop";
import { updateShop } from "./update-shop";
import { decryptShopPassword } from "./shop-secret";

const database = setupTestDatabase();

const FIRST = "Cdisc0unt-first-API-password";
const SECOND = "Cdisc0unt-second-API-password";

async function newShop(password: string) {
  const user = await db.user.create({ data: { email: `admin-${Date.now()}-${Math.random()}@secret.test`, name: "Admin", passwordHash: "x" } });
  const actor = { id: user.id, email: user.email, name: user.name };
  const { id } = await createShop({ actor, input: { name: "Secret", apiLogin: "secret-api", apiPassword: password, environment: "SANDBOX", syncIntervalMinutes: 15, initialImportDays: 30 } });
  return { id, actor };
}

async function withKey<T>(key: string | undefined, run: () => T): Promise<Awaited<T>> {
  const saved = process.env.DESK_ENCRYPTION_KEY;
  if (key === undefined) delete process.env.DESK_ENCRYPTION_KEY;
  else process.env.DESK_ENCRYPTION_KEY = key;
  try {
    return await run();
  } finally {
    process.env.DESK_ENCRYPTION_KEY = saved;
  }
}

describe("Cdiscount API password at rest", () => {
  it("is in no column of the shop's row nor of any audit row, only its encrypted envelope", async () => {
    const { id, actor } = await newShop(FIRST);
    await updateShop({ access: { actor, shopId: id, role: "ADMIN" }, input: { shopId: id, name: "Secret", apiLogin: "secret-api", apiPassword: SECOND, environment: "SANDBOX", syncIntervalMinutes: 15, initialImportDays: 30 } });

    // Raw SQL: what the database holds, not what the client maps.
    const [row] = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Shop" WHERE "id" = ${id}`;
    const audit = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "AuditLog" WHERE "shopId" = ${id}`;
    expect(audit.length).toBeGreaterThanOrEqual(2);
    for (const text of [JSON.stringify(row), JSON.stringify(audit)]) {
      expect(text).not.toContain(FIRST);
      expect(text).not.toContain(SECOND);
      expect(text).not.toContain(Buffer.from(SECOND).toString("base64"));
    }
    expect(row!.apiPasswordEncrypted).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(decryptShopPassword(id, row!.apiPasswordEncrypted as string)).toBe(SECOND);
  });

  it("is nowhere in the database files on disk", async () => {
    const password = "Unique-on-disk-pw-7f3a9c";
    await newShop(password);
    const file = database.url().replace(/^file:/, "");
    const bytes = [file, `${file}-wal`, `${file}-journal`].filter(existsSync).map((f) => readFileSync(f));
    expect(bytes.length).toBeGreaterThan(0);
    for (const content of bytes) {
      expect(content.includes(Buffer.from(password))).toBe(false);
      expect(content.includes(Buffer.from(password, "utf16le"))).toBe(false);
    }
  });

  it("needs the key from the environment: another key or none gives a clear configuration error", async () => {
    const { id } = await newShop(FIRST);
    const shop = await db.shop.findUniqueOrThrow({ where: { id }, select: { id: true, apiLogin: true, apiPasswordEncrypted: true, environment: true } });

    await withKey(generateEncryptionKey(), () => {
      expect(() => decryptShopPassword(id, shop.apiPasswordEncrypted)).toThrow(/wrong DESK_ENCRYPTION_KEY/);
      // The path every sync and action takes to reach Cdiscount.
      expect(() => marketplaceClientFor(shop)).toThrow(expect.objectContaining({ code: "CONFIGURATION" }));
    });
    await withKey(undefined, () => expect(() => marketplaceClientFor(shop)).toThrow(/DESK_ENCRYPTION_KEY is not set/));
    await withKey("c2hvcnQ=", () => expect(() => marketplaceClientFor(shop)).toThrow(/must be 32 bytes/));
    // Saving a password without a key fails too, and leaves no shop behind.
    const before = await db.shop.count();
    await withKey(undefined, () => expect(newShop("never-stored")).rejects.toThrow(/DESK_ENCRYPTION_KEY is not set/));
    expect(await db.shop.count()).toBe(before);
  });

  it("does not move to another shop: the ciphertext is bound to its shop id", async () => {
    const a = await newShop(FIRST);
    const b = await newShop(SECOND);
    const sealed = (await db.shop.findUniqueOrThrow({ where: { id: a.id } })).apiPasswordEncrypted;
    await db.shop.update({ where: { id: b.id }, data: { apiPasswordEncrypted: sealed } });
    expect(() => decryptShopPassword(b.id, sealed)).toThrow(/cannot be decrypted/);
  });
});
