import { expect, test } from "@playwright/test";
import { demoUser, signIn } from "./support/users";
import { testDb } from "./support/db";

test.describe("[SYNC] status route and Sync now", () => {
  test("without a session the status route answers 401, not a redirect", async ({ request }) => {
    const shop = await testDb().shop.findFirstOrThrow({ where: { name: "Boutique démo" } });
    const response = await request.get(`/api/shops/${shop.id}/sync`, { maxRedirects: 0 });
    expect(response.status()).toBe(401);
  });

  test("a seller starts a sync: the demo shop's orders arrive from the sandbox and the overview counts them", async ({ page, baseURL }) => {
    const db = testDb();
    const shop = await db.shop.findFirstOrThrow({ where: { name: "Boutique démo" } });
    await signIn(page, "SELLER");
    const crossSite = await page.request.post(`/api/shops/${shop.id}/sync`, { headers: { origin: "https://evil.example" } });
    expect(crossSite.status()).toBe(403);

    const before = new Date();
    const started = await page.request.post(`/api/shops/${shop.id}/sync`, { headers: { origin: baseURL! } });
    expect(started.status()).toBe(202);
    // Who asked is in the shop's audit log.
    const seller = await db.user.findUniqueOrThrow({ where: { email: demoUser("SELLER").email } });
    expect(await db.auditLog.findMany({ where: { shopId: shop.id, action: "sync.request", createdAt: { gte: before } }, select: { actorId: true, outcome: true } })).toEqual([{ actorId: seller.id, outcome: "success" }]);
    await expect
      .poll(async () => ((await (await page.request.get(`/api/shops/${shop.id}/sync`)).json()) as { lastRun: { status: string } | null }).lastRun?.status, { timeout: 30_000 })
      .toBe("SUCCEEDED");
    const status = (await (await page.request.get(`/api/shops/${shop.id}/sync`)).json()) as { lastRun: { newCount: number; updatedCount: number; unchangedCount: number; kind: string } };
    expect(status.lastRun.kind).toBe("INITIAL_IMPORT");
    expect(status.lastRun.newCount).toBeGreaterThan(0);

    const waiting = await db.order.count({ where: { shopId: shop.id, bucket: "WAITING_SHIPMENT" } });
    await page.reload();
    await expect(page.locator('[data-bucket="WAITING_SHIPMENT"]')).toContainText(String(waiting));
    const total = await db.order.count({ where: { shopId: shop.id } });
    // Orders other specs seeded are in the sandbox and the store already: fetched again, not new.
    expect(total).toBe(status.lastRun.newCount + status.lastRun.updatedCount + status.lastRun.unchangedCount);
  });
});
