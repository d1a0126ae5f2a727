// The back-office API's tokens against the full stack: an admin creates one on the shop's
// page, sees it once, the API answers with it (and not with the admin's session cookie),
// and stops answering once it is revoked.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { testDb } from "./support/db";
import { demoShopId, seedOrders } from "./support/orders";
import { generateApiToken } from "@/lib/api/tokens/token-secret";
import { demoUser, signIn } from "./support/users";

test.describe("[API] back-office API tokens", () => {
  test("an admin creates a token, sees it once, calls the API with it, then revokes it", async ({ page }, testInfo) => {
    const [order] = await seedOrders(1);
    const shopId = await demoShopId();
    const name = `ERP ${Date.now()}`;
    await signIn(page, "ADMIN");
    await page.goto(`/admin/shops/${shopId}`);
    const section = page.getByRole("region", { name: "Jetons d'API" });
    await expect(section).toBeVisible();

    await section.getByLabel("Nom du jeton").fill(name);
    await section.getByRole("button", { name: "Créer un jeton" }).click();
    await expect(section.getByRole("status").filter({ hasText: `Jeton « ${name} » créé` })).toBeVisible();
    const token = await section.getByLabel("Nouveau jeton d'API").inputValue();
    expect(token).toMatch(/^cdod_[A-Za-z0-9_-]{43}$/);
    const row = section.locator(`tr[data-api-token="${name}"]`);
    await expect(row).toContainText(`${token.slice(0, 11)}…`);
    await expect(row).toContainText("Actif");
    await expect(row).toContainText("Jamais");
    await expectAccessible(page, testInfo, "api-tokens-created");

    // Only a hash is stored, and the token is not shown again.
    const stored = await testDb().apiToken.findFirstOrThrow({ where: { shopId, name } });
    expect(JSON.stringify(stored)).not.toContain(token.slice(11));
    await page.reload();
    await expect(section.getByLabel("Nouveau jeton d'API")).toHaveCount(0);
    expect(await page.content()).not.toContain(token.slice(11));

    // The API answers with the token; the admin's session cookie alone (page.request shares it) does not.
    const auth = { Authorization: `Bearer ${token}` };
    const list = await page.request.get("/api/v1/orders?limit=5", { headers: auth });
    expect(list.status()).toBe(200);
    expect((await list.json()) as { data: unknown[] }).toMatchObject({ data: expect.any(Array) });
    const one = await page.request.get(`/api/v1/orders/${order!.id}`, { headers: auth });
    expect(one.status()).toBe(200);
    expect(await one.json()).toMatchObject({ id: order!.id, marketplace_order_id: order!.orderNumber, status: "WaitingForSellerAcceptation", allowed_actions: ["accept", "refuse"] });
    const cookieOnly = await page.request.get("/api/v1/orders");
    expect(cookieOnly.status()).toBe(401);

    await page.reload();
    await expect(row).not.toContainText("Jamais");

    await row.getByRole("button", { name: `Révoquer le jeton ${name}` }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText(`Révoquer le jeton « ${name} » ?`);
    await expectAccessible(page, testInfo, "api-tokens-revoke-confirm");
    await confirm.getByRole("button", { name: "Révoquer", exact: true }).click();
    await expect(confirm).toHaveCount(0);
    await expect(row).toContainText("Révoqué le");
    await expect(row.getByRole("button")).toHaveCount(0);

    const revoked = await page.request.get("/api/v1/orders", { headers: auth });
    expect(revoked.status()).toBe(401);
    expect(revoked.headers()["content-type"]).toContain("application/problem+json");
    expect(await revoked.json()).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    const audit = await testDb().auditLog.findMany({ where: { targetId: stored.id }, select: { action: true }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["apiToken.create", "apiToken.revoke"]);
  });
  test("a token opens the API only: the desk's pages send it to sign-in, the desk's JSON and CSV routes answer 401", async ({ playwright, baseURL }) => {
    const db = testDb();
    const shopId = await demoShopId();
    const admin = await db.user.findUniqueOrThrow({ where: { email: demoUser("ADMIN").email } });
    const { token, tokenHash, prefix } = generateApiToken();
    await db.apiToken.create({ data: { shopId, name: `Sans session ${Date.now()}`, tokenHash, prefix, createdById: admin.id } });
    const [order] = await seedOrders(1);
    const tokenOnly = await playwright.request.newContext({ baseURL: baseURL!, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    // The token works where it is meant to.
    expect((await tokenOnly.get(`/api/v1/orders/${order!.id}`)).status()).toBe(200);
    for (const path of ["/orders", "/review", "/review/audit", `/orders/${order!.id}`]) {
      const answer = await tokenOnly.get(path, { maxRedirects: 0 });
      expect(answer.status(), path).toBe(307);
      expect(answer.headers()["location"], path).toContain("/sign-in");
    }
    for (const path of ["/api/orders", `/api/orders/${order!.id}`, "/api/orders/export", "/api/review/canceled/export", "/api/review/audit/export"]) {
      const answer = await tokenOnly.get(path, { maxRedirects: 0 });
      expect(answer.status(), path).toBe(401);
      expect(await answer.text(), path).not.toContain(order!.orderNumber);
    }
    // What the API does not serve is problem+json too.
    const unknown = await tokenOnly.get("/api/v1/shops");
    expect([unknown.status(), unknown.headers()["content-type"]]).toEqual([404, "application/problem+json"]);
    const wrongMethod = await tokenOnly.delete(`/api/v1/orders/${order!.id}`);
    expect([wrongMethod.status(), wrongMethod.headers()["allow"]]).toEqual([405, "GET"]);
    await tokenOnly.dispose();
  });
});
