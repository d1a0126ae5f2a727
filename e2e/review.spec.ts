// The manager's review against the full stack: each test seeds its own orders (sandbox +
// store, as the sync does) or audit rows, reads the review pages as the demo manager, and
// scans each page with axe. The seller is kept out of the review, and exports a queue
// list as CSV from /orders.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import type { MarketplaceOrder } from "@/lib/cdiscount/types";
import { statusesInBucket } from "@/lib/orders/status";
import { expectAccessible } from "./support/axe";
import { testDb } from "./support/db";
import { alreadyShipped, demoShopId, seedOrders } from "./support/orders";
import { demoUser, signIn } from "./support/users";

const canceledAs = (state: string) => (o: MarketplaceOrder) => {
  o.orderState = state;
};

const fulfilledBy = (type: "MKPFBC" | "EXTFBC") => (o: MarketplaceOrder) => {
  alreadyShipped(o);
  o.modGesLog = type;
  o.isCLogistiqueOrder = type === "MKPFBC";
};

/** Clicks the page's "Exporter (CSV)" and reads the download: its name and its records (BOM checked). */
async function downloadCsv(page: Page): Promise<{ filename: string; header: string[]; records: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter (CSV)" }).click()]);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...records] = Papa.parse<string[]>(bytes.subarray(3).toString("utf8"), { delimiter: ";", skipEmptyLines: true }).data;
  return { filename: download.suggestedFilename(), header: header!, records };
}

const listRow = (page: Page, orderNumber: string) => page.locator(`tr[data-order-number="${orderNumber}"]`);

/** Charts are drawn in the browser: their SVG is there once Recharts has measured its box. */
const chartOf = (page: Page, section: string) => page.locator(`[data-chart-section="${section}"] .recharts-wrapper > svg.recharts-surface`);

test.describe("[REVIEW] the manager's review", () => {
  test("the overview: Cdiscount's 30- and 60-day rates and the orders per day, drawn and tabled", async ({ page }, testInfo) => {
    await seedOrders(2);
    await seedOrders(1, canceledAs("RefusedBySeller"));
    await signIn(page, "MANAGER");
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Revue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Revue" })).toBeVisible();
    const cancellation = page.locator('[data-metric="cancellation"]');
    await expect(cancellation.locator('[data-window="30"]')).toHaveText(/%/);
    await expect(cancellation.locator('[data-window="60"]')).toHaveText(/%/);
    await expect(page.locator('[data-metric="lateShipment"]')).toBeVisible();
    await expect(chartOf(page, "indicator-rates")).toBeVisible();
    await expect(chartOf(page, "orders-per-period")).toBeVisible();
    // The text alternative: the same figures as a table.
    await page.locator('[data-chart-section="orders-per-period"] summary').click();
    await expect(page.getByRole("table", { name: "Commandes passées par jour" })).toBeVisible();
    await expectAccessible(page, testInfo, "review-overview");
  });

  test("canceled orders: statuses, causes, value lost, trend and the list, narrowed by cause", async ({ page }, testInfo) => {
    const [byCustomer] = await seedOrders(1, canceledAs("CancelledByCustomer"));
    const [refused] = await seedOrders(1, canceledAs("RefusedBySeller"));
    await signIn(page, "MANAGER");
    await page.goto("/review/canceled");
    await expect(page.getByRole("heading", { level: 1, name: "Commandes annulées" })).toBeVisible();
    await expect(page.locator("[data-value-lost]")).toHaveText(/€/);
    await expect(page.locator('[data-status-facet="CancelledByCustomer"] [data-count]')).not.toHaveAttribute("data-count", "0");
    await expect(page.locator('[data-status-facet="RefusedBySeller"] [data-count]')).not.toHaveAttribute("data-count", "0");
    await expect(listRow(page, byCustomer!.orderNumber)).toContainText("Le client");
    await expect(listRow(page, refused!.orderNumber)).toContainText("Refus du vendeur");
    await expect(chartOf(page, "cancellation-trend")).toBeVisible();
    await expectAccessible(page, testInfo, "review-canceled");

    await page.locator('[data-cause="sellerRefusal"] a').click();
    await expect(page).toHaveURL(/cause=sellerRefusal/);
    await expect(listRow(page, refused!.orderNumber)).toBeVisible();
    await expect(listRow(page, byCustomer!.orderNumber)).toHaveCount(0);

    // The export is the list the page shows: this cause only.
    const csv = await downloadCsv(page);
    expect(csv.filename).toMatch(/^commandes-annulees-\d{4}-\d{2}-\d{2}\.csv$/);
    const numbers = new Set(csv.records.map((r) => r[csv.header.indexOf("N° de commande")]));
    expect(numbers.has(refused!.orderNumber)).toBe(true);
    expect(numbers.has(byCustomer!.orderNumber)).toBe(false);
    const exported = await testDb().auditLog.findFirst({ where: { action: "orders.export", actor: { email: demoUser("MANAGER").email } }, orderBy: { createdAt: "desc" } });
    expect(exported?.details).toMatchObject({ list: "canceled", query: expect.stringContaining("cause=sellerRefusal") });

    await listRow(page, refused!.orderNumber).getByRole("link", { name: refused!.orderNumber }).click();
    await expect(page.getByRole("heading", { level: 1, name: refused!.orderNumber })).toBeVisible();
  });

  test("fulfillment orders: MKPFBC next to EXTFBC, their states, volumes and values", async ({ page }, testInfo) => {
    const [cdiscount] = await seedOrders(1, fulfilledBy("MKPFBC"));
    const [logistician] = await seedOrders(1, fulfilledBy("EXTFBC"));
    const [sellers] = await seedOrders(1, alreadyShipped);
    await signIn(page, "MANAGER");
    await page.goto("/review/fulfillment");
    await expect(page.getByRole("heading", { level: 1, name: "Commandes en fulfillment" })).toBeVisible();
    for (const type of ["MKPFBC", "EXTFBC"]) {
      const section = page.locator(`[data-fulfillment="${type}"]`);
      await expect(section.locator("[data-count]")).not.toHaveText("0");
      await expect(section.getByRole("table", { name: `Commandes ${type} par statut` })).toContainText("Expédiée");
    }
    await expect(chartOf(page, "fulfillment-trend")).toBeVisible();
    await expectAccessible(page, testInfo, "review-fulfillment");

    const csv = await downloadCsv(page);
    expect(csv.filename).toMatch(/^commandes-fulfillment-/);
    const fulfillmentOf = new Map(csv.records.map((r) => [r[csv.header.indexOf("N° de commande")], r[csv.header.indexOf("Fulfillment")]]));
    expect(fulfillmentOf.get(cdiscount!.orderNumber)).toMatch(/^MKPFBC/);
    expect(fulfillmentOf.get(logistician!.orderNumber)).toMatch(/^EXTFBC/);
    // Shipped by the seller: not a fulfillment order.
    expect(fulfillmentOf.has(sellers!.orderNumber)).toBe(false);
  });

  test("the audit log: who did what, on what, with what outcome; filtered by person", async ({ page }, testInfo) => {
    const [order] = await seedOrders(1);
    const seller = await testDb().user.findUniqueOrThrow({ where: { email: demoUser("SELLER").email } });
    await testDb().auditLog.create({
      data: {
        shopId: await demoShopId(),
        actorId: seller.id,
        action: "order.accept",
        targetType: "order",
        targetId: order!.id,
        outcome: "failure",
        details: { orderNumber: order!.orderNumber, marketplaceMessage: "La commande n'est plus en attente d'acceptation" },
      },
    });
    await signIn(page, "MANAGER");
    await page.goto("/review/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Journal d'audit" })).toBeVisible();
    const entry = page.locator('tr[data-audit-action="order.accept"]').filter({ hasText: order!.orderNumber });
    await expect(entry).toContainText("Sophie Vendeuse");
    await expect(entry).toContainText("Accepter : résultat");
    await expect(entry).toContainText("Échouée");
    await expect(entry).toContainText("La commande n'est plus en attente d'acceptation");
    await expectAccessible(page, testInfo, "review-audit");

    await page.getByLabel("Personne").selectOption({ label: `${seller.name} (${seller.email})` });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(new RegExp(`user=${seller.id}`));
    await expect(page.locator("tr[data-audit-action]").filter({ hasNotText: "Sophie Vendeuse" })).toHaveCount(0);

    // The export follows the filter: this person's actions, in words.
    const csv = await downloadCsv(page);
    expect(csv.filename).toMatch(/^journal-audit-/);
    const column = (name: string) => csv.header.indexOf(name);
    expect(csv.records.length).toBeGreaterThan(0);
    expect(csv.records.every((r) => r[column("Qui")] === "Sophie Vendeuse")).toBe(true);
    const failed = csv.records.find((r) => r[column("N° de commande")] === order!.orderNumber && r[column("Code action")] === "order.accept");
    expect(failed?.[column("Résultat")]).toBe("Échouée");
    expect(failed?.[column("Message (de Cdiscount s'il a refusé, sinon de l'application)")]).toBe("La commande n'est plus en attente d'acceptation");
  });

  test("a seller gets the forbidden screen on every review page, and no Review link", async ({ page }) => {
    await signIn(page, "SELLER");
    await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Revue" })).toHaveCount(0);
    for (const path of ["/review", "/review/canceled", "/review/fulfillment", "/review/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "Accès refusé" })).toBeVisible();
    }
  });

  test("without a session every review page sends to sign-in; a manager naming a shop not theirs gets a 404", async ({ page }) => {
    for (const path of ["/review", "/review/canceled", "/review/fulfillment", "/review/audit"]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/sign-in/);
    }
    await signIn(page, "MANAGER");
    const otherShop = await testDb().shop.create({ data: { name: "Autre société", apiLogin: "autre-api", apiPasswordEncrypted: "x" } });
    for (const path of ["/review/canceled", "/review/fulfillment", "/review/audit"]) {
      const response = await page.goto(`${path}?shop=${otherShop.id}`);
      expect(response?.status(), path).toBe(404);
    }
  });
});

test.describe("[EXPORT] CSV export of a queue list", () => {
  test("without a session the export answers 401, and a manager's export holds only their shops' orders", async ({ page, request }) => {
    const anonymous = await request.get("/api/orders/export", { maxRedirects: 0 });
    expect(anonymous.status()).toBe(401);
    const otherShop = await testDb().shop.create({ data: { name: "Société voisine", apiLogin: "voisine-api", apiPasswordEncrypted: "x" } });
    await testDb().order.create({
      data: {
        shopId: otherShop.id, orderNumber: "VOISINE0001", marketplaceState: "CancelledByCustomer", status: "CancelledByCustomer", bucket: "CANCELED",
        initialTotalAmount: 10, initialTotalShippingChargesAmount: 0, validatedTotalAmount: 10, validatedTotalShippingCharges: 0, shippedTotalAmount: 0,
        shippedTotalShippingCharges: 0, siteCommissionPromisedAmount: 0, siteCommissionValidatedAmount: 0, siteCommissionShippedAmount: 0, marketplaceCreatedAt: new Date(),
      },
    });
    await signIn(page, "MANAGER");
    const response = await page.request.get("/api/orders/export?view=CANCELED&shops=all");
    expect(response.status()).toBe(200);
    const text = (await response.body()).subarray(3).toString("utf8");
    expect(text).not.toContain("VOISINE0001");
    expect(text).not.toContain("Société voisine");
  });

  test("Exporter (CSV) on /orders?view=CANCELED downloads the list: BOM, French headers, one row per line", async ({ page }) => {
    const [order] = await seedOrders(1, canceledAs("CancelledByCustomer"));
    await signIn(page, "SELLER");
    await page.goto("/orders?view=CANCELED");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter (CSV)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^commandes-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith("Boutique;N° de commande;Statut;Code statut;État Cdiscount;")).toBe(true);
    const [header, ...records] = Papa.parse<string[]>(text, { delimiter: ";", skipEmptyLines: true }).data;
    const column = (name: string) => header!.indexOf(name);
    // One record per order line, the order's columns repeated.
    expect(records.filter((r) => r[column("N° de commande")] === order!.orderNumber)).toHaveLength(order!.lines.length || 1);
    // Every exported order is a canceled one: the same filter as the list.
    const canceled = new Set<string>(statusesInBucket("CANCELED"));
    expect(records.every((r) => canceled.has(r[column("Code statut")]!))).toBe(true);
    const audit = await testDb().auditLog.findFirst({ where: { action: "orders.export", actor: { email: demoUser("SELLER").email } }, orderBy: { createdAt: "desc" } });
    expect(audit?.details).toMatchObject({ query: "view=CANCELED" });
  });
});
