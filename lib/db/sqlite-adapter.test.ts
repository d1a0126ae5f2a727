// On SQLite all of the process's queries share one connection: a write made outside a
// transaction while another request's transaction is open must survive that
// transaction's rollback.
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { getDb } from "./client";

setupTestDatabase();

describe("SQLite: one connection, concurrent requests", () => {
  it("a write outside a transaction is not undone by another request's rollback", async () => {
    const db = getDb();
    let inside!: () => void;
    const transactionOpen = new Promise<void>((resolve) => (inside = resolve));
    const failing = db
      .$transaction(async (tx) => {
        await tx.shop.create({ data: { name: "rolled back", apiLogin: "a-api", apiPasswordEncrypted: "x" } });
        inside();
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new Error("this request fails");
      })
      .catch((error: Error) => error.message);
    await transactionOpen;
    // A raw statement, as the lease and the outbox claims use: Prisma wraps no transaction around it.
    const kept = db.$executeRaw`INSERT INTO "Shop" ("id", "name", "apiLogin", "apiPasswordEncrypted", "updatedAt") VALUES ('kept', 'kept', 'b-api', 'x', CURRENT_TIMESTAMP)`.then((n) => n); // Prisma queries start when awaited
    expect(await failing).toBe("this request fails");
    await kept;
    expect((await db.shop.findMany({ select: { name: true } })).map((s) => s.name)).toEqual(["kept"]);
  });

  it("transactions and plain queries still all complete under load", async () => {
    const db = getDb();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? db.$transaction(async (tx) => {
              await tx.shop.create({ data: { name: `tx-${i}`, apiLogin: `tx${i}-api`, apiPasswordEncrypted: "x" } });
            })
          : db.shop.create({ data: { name: `plain-${i}`, apiLogin: `p${i}-api`, apiPasswordEncrypted: "x" } }),
      ),
    );
    expect(await db.shop.count({ where: { OR: [{ name: { startsWith: "tx-" } }, { name: { startsWith: "plain-" } }] } })).toBe(20);
  });
});
