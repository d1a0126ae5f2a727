// The seller's desk against the full stack: each test seeds its own orders in the
// sandbox and the store, works them in the browser, and checks the page, the database
// and what the sandbox (our stand-in for Cdiscount) received.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { testDb } from "./support/db";
import { alreadyShipped, awaitingShipment, refundsOf, sandboxOrder, seedOrders, validationsOf } from "./support/orders";
import { signIn } from "./support/users";

const row = (page: Page, orderNumber: string) => page.locator(`tr[data-order-number="${orderNumber}"]`);
const storedStatus = async (orderNumber: string) => (await testDb().order.findFirstOrThrow({ where: { orderNumber }, select: { status: true } })).status;

test.describe("[ORDERS] the seller's queue", () => {
  test("accept one order, refuse another: the marketplace gets each decision once and the queue follows", async ({ page }, testInfo) => {
    const [toAccept, toRefuse] = await seedOrders(2);
    await signIn(page, "SELLER");
    await page.goto("/orders");
    await expect(page.getByRole("heading", { level: 1, name: "Commandes" })).toBeVisible();
    await expectAccessible(page, testInfo, "orders-new");

    await row(page, toAccept!.orderNumber).getByRole("button", { name: `Accepter la commande ${toAccept!.orderNumber}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Cdiscount a confirmé" })).toBeVisible();
    await expect(row(page, toAccept!.orderNumber).locator("[data-status]")).toHaveAttribute("data-status", "AcceptedBySeller");
    expect(await storedStatus(toAccept!.orderNumber)).toBe("AcceptedBySeller");
    expect((await validationsOf(toAccept!.orderNumber)).map((v) => v.orderState)).toEqual(["AcceptedBySeller"]);

    await row(page, toRefuse!.orderNumber).getByRole("button", { name: `Refuser la commande ${toRefuse!.orderNumber}` }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText(`Refuser la commande ${toRefuse!.orderNumber} ?`);
    await expectAccessible(page, testInfo, "orders-refuse-confirm");
    await confirm.getByRole("button", { name: "Refuser la commande" }).click();
    await expect(row(page, toRefuse!.orderNumber)).toHaveCount(0);
    await expect.poll(() => storedStatus(toRefuse!.orderNumber)).toBe("RefusedBySeller");
    expect((await validationsOf(toRefuse!.orderNumber)).map((v) => v.orderState)).toEqual(["RefusedBySeller"]);
  });

  test("a double click on Accept reaches the marketplace once", async ({ page }) => {
    const [order] = await seedOrders(1);
    await signIn(page, "SELLER");
    await page.goto("/orders");
    await row(page, order!.orderNumber).getByRole("button", { name: `Accepter la commande ${order!.orderNumber}` }).dblclick();
    await expect.poll(() => storedStatus(order!.orderNumber)).toBe("AcceptedBySeller");
    await expect(page.getByRole("status").filter({ hasText: "Cdiscount a confirmé" })).toBeVisible();
    expect(await validationsOf(order!.orderNumber)).toHaveLength(1);
    expect(await testDb().marketplaceAction.count({ where: { orderId: order!.id } })).toBe(1);
  });

  test("ship a tracked (TRK) order: without a tracking number nothing is sent; with one it is Shipped at Cdiscount", async ({ page }, testInfo) => {
    const [order] = await seedOrders(1, awaitingShipment("TRK"));
    await signIn(page, "SELLER");
    await page.goto("/orders?view=WAITING_SHIPMENT");
    await row(page, order!.orderNumber).getByRole("button", { name: `Expédier la commande ${order!.orderNumber}` }).click();
    const dialog = page.getByRole("dialog", { name: `Expédier la commande ${order!.orderNumber}` });
    await expect(dialog).toContainText("transporteur et numéro de suivi obligatoires");
    await dialog.getByLabel("Transporteur (obligatoire)").selectOption({ label: "Autre transporteur…" });
    await dialog.getByLabel("Nom du transporteur").fill("Colissimo");
    await dialog.getByRole("button", { name: "Confirmer l'expédition" }).click();
    await expect(dialog.getByText("Numéro de suivi obligatoire pour une livraison suivie ou recommandée.")).toBeVisible();
    await expectAccessible(page, testInfo, "orders-ship-dialog-error");
    expect(await validationsOf(order!.orderNumber)).toHaveLength(0);

    await dialog.getByLabel("Numéro de suivi (obligatoire)").fill("6A12345678901");
    await dialog.getByLabel("URL de suivi").fill("https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901");
    await dialog.getByRole("button", { name: "Confirmer l'expédition" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row(page, order!.orderNumber)).toHaveCount(0);
    await expect.poll(() => storedStatus(order!.orderNumber)).toBe("Shipped");
    expect(await validationsOf(order!.orderNumber)).toEqual([{ orderNumber: order!.orderNumber, orderState: "Shipped", trackingNumber: "6A12345678901" }]);
    const atCdiscount = await sandboxOrder(order!.orderNumber);
    expect(atCdiscount.orderState).toBe("Shipped");
    expect(atCdiscount.parcels[0]?.externalCarrierName).toBe("Colissimo");
  });

  test("refuse a shipment after confirming", async ({ page }) => {
    const [order] = await seedOrders(1, awaitingShipment("STD"));
    await signIn(page, "SELLER");
    await page.goto("/orders?view=WAITING_SHIPMENT");
    await row(page, order!.orderNumber).getByRole("button", { name: `Refuser l'expédition de la commande ${order!.orderNumber}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Refuser l'expédition" }).click();
    await expect(row(page, order!.orderNumber)).toHaveCount(0);
    await expect.poll(() => storedStatus(order!.orderNumber)).toBe("ShipmentRefusedBySeller");
    expect((await validationsOf(order!.orderNumber)).map((v) => v.orderState)).toEqual(["ShipmentRefusedBySeller"]);
  });

  test("refund a shipped order from its page: lines, motive, and the timeline says who did it", async ({ page }, testInfo) => {
    const [order] = await seedOrders(1, alreadyShipped);
    await signIn(page, "SELLER");
    await page.goto(`/orders/${order!.id}`);
    await expect(page.getByRole("heading", { level: 1, name: order!.orderNumber })).toBeVisible();
    await expectAccessible(page, testInfo, "order-detail");
    await page.getByRole("button", { name: `Rembourser la commande ${order!.orderNumber}` }).click();
    const dialog = page.getByRole("dialog", { name: `Rembourser la commande ${order!.orderNumber}` });
    const firstLine = order!.lines.find((l) => l.sellerProductId)!;
    await dialog.getByRole("checkbox", { name: new RegExp(firstLine.sellerProductId!) }).check();
    await dialog.getByLabel("Motif").selectOption("VendorInitiatedRefund");
    await expectAccessible(page, testInfo, "order-refund-dialog");
    await dialog.getByRole("button", { name: "Rembourser" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "Cdiscount a confirmé" })).toBeVisible();
    expect(await refundsOf(order!.orderNumber)).toHaveLength(1);
    await expect(page.locator('[data-entry="action"]').first()).toContainText("Rembourser demandé par");
  });

  test("a note on an order is kept and shown in its history", async ({ page }) => {
    const [order] = await seedOrders(1);
    await signIn(page, "SELLER");
    await page.goto(`/orders/${order!.id}`);
    await page.getByLabel("Ajouter une note interne").fill("Client rappelé : livraison après 18 h.");
    await page.getByRole("button", { name: "Ajouter la note" }).click();
    await expect(page.locator('[data-entry="note"]')).toContainText("Client rappelé : livraison après 18 h.");
    expect(await testDb().orderNote.count({ where: { orderId: order!.id } })).toBe(1);
  });

  test("keyboard: j/k move, x selects, a accepts, / searches, ? shows the shortcuts", async ({ page }) => {
    const orders = await seedOrders(2);
    const target = orders[1]!;
    await signIn(page, "SELLER");
    // A search narrows the New tab to the two seeded orders, in a known order.
    await page.goto(`/orders?sort=number&dir=asc`);
    await page.keyboard.press("/");
    await expect(page.getByRole("searchbox", { name: "Rechercher" })).toBeFocused();
    await page.keyboard.type(target.orderNumber);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`q=${target.orderNumber}`));
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await page.getByRole("searchbox", { name: "Rechercher" }).blur();
    await page.keyboard.press("j");
    await expect(row(page, target.orderNumber)).toHaveAttribute("data-active", "true");
    await page.keyboard.press("x");
    await expect(row(page, target.orderNumber)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("a");
    await expect.poll(() => storedStatus(target.orderNumber)).toBe("AcceptedBySeller");
    expect(await validationsOf(target.orderNumber)).toHaveLength(1);
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Raccourcis clavier" })).toBeVisible();
  });

  test("bulk ship from a CSV file: the dry run shows the bad row, the good rows ship", async ({ page }, testInfo) => {
    const [a, b] = await seedOrders(2, awaitingShipment("TRK"));
    await signIn(page, "SELLER");
    await page.goto("/orders?view=WAITING_SHIPMENT");
    await page.getByRole("button", { name: "Expédier par fichier CSV" }).click();
    const dialog = page.getByRole("dialog", { name: "Expédier par fichier CSV" });
    const csv = ["order_number,carrier,tracking_number,tracking_url", `${a!.orderNumber},Colissimo,6A11111111111,`, `${b!.orderNumber},Colissimo,,`, "NOPE123,Colissimo,6A2,"].join("\n");
    await dialog.getByLabel("Fichier CSV").setInputFiles({ name: "expeditions.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(dialog.getByRole("status").filter({ hasText: "1 commande prête" })).toBeVisible();
    await expect(dialog.locator('tr[data-line="3"]')).toContainText("Numéro de suivi obligatoire");
    await expect(dialog.locator('tr[data-line="4"]')).toContainText("Commande inconnue");
    await expectAccessible(page, testInfo, "orders-bulk-ship-plan");
    expect(await validationsOf(a!.orderNumber)).toHaveLength(0);

    await dialog.getByRole("button", { name: "Expédier 1 commande" }).click();
    await expect(dialog.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1");
    await expect(dialog.locator('[data-outcome="succeeded"]')).toContainText(a!.orderNumber);
    await expect.poll(() => storedStatus(a!.orderNumber)).toBe("Shipped");
    expect(await storedStatus(b!.orderNumber)).toBe("WaitingForShipmentAcceptation");
    expect(await validationsOf(b!.orderNumber)).toHaveLength(0);
  });

  test("PaymentInProgress: no customer, no buttons, and the reason", async ({ page }) => {
    const [order] = await seedOrders(1, (o) => {
      o.orderState = "PaymentInProgress";
    });
    await signIn(page, "SELLER");
    await page.goto(`/orders?q=${order!.orderNumber}`);
    const line = row(page, order!.orderNumber);
    await expect(line).toContainText("Paiement en cours : aucune action");
    await expect(line).toContainText("Non communiqué");
    await expect(line.getByRole("button", { name: /Accepter|Refuser/ })).toHaveCount(0);
  });

  test("a manager reads the queue without action buttons", async ({ page }) => {
    await seedOrders(1);
    await signIn(page, "MANAGER");
    await page.goto("/orders");
    await expect(page.getByRole("heading", { level: 1, name: "Commandes" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Accepter la commande/ })).toHaveCount(0);
  });

  test("a saved view reopens the same tab, filter and sort", async ({ page }) => {
    await signIn(page, "SELLER");
    await page.goto("/orders?view=SHIPPED&sort=amount&dir=desc");
    await page.getByRole("button", { name: "Enregistrer cette vue" }).click();
    await page.getByLabel("Nom de la vue").fill("Gros montants expédiés");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(page.getByRole("button", { name: "Supprimer la vue « Gros montants expédiés »" })).toBeVisible();
    const saved = await testDb().savedView.findFirstOrThrow({ where: { name: "Gros montants expédiés" } });
    expect(saved.query).toBe("view=SHIPPED&sort=amount");

    await page.goto("/orders");
    await page.getByLabel("Vues enregistrées").selectOption({ label: "Gros montants expédiés" });
    await expect(page).toHaveURL(/\/orders\?view=SHIPPED&sort=amount$/);
    await expect(page.locator('[aria-current="page"][data-view="SHIPPED"]')).toBeVisible();
  });

  test("select every order matching a filter, beyond the page, and accept them in one go", async ({ page }) => {
    const seeded = await seedOrders(27);
    const shopId = seeded[0]!.shopId;
    const waiting = await testDb().order.count({ where: { shopId, status: "WaitingForSellerAcceptation" } });
    await signIn(page, "SELLER");
    await page.goto("/orders?status=WaitingForSellerAcceptation&size=25");
    await expect(page.locator("tbody tr")).toHaveCount(25);
    await page.getByRole("checkbox", { name: "Sélectionner toutes les commandes de la page" }).check();
    await page.getByRole("button", { name: "Sélectionner toutes les commandes à accepter de ce filtre" }).click();
    await expect(page.getByText(`Les ${waiting} commandes correspondantes sélectionnées.`)).toBeVisible();
    await page.getByRole("button", { name: `Accepter (${waiting})` }).click();
    await expect(page.getByRole("status").filter({ hasText: `${waiting} confirmée(s) par Cdiscount` })).toBeVisible({ timeout: 30_000 });
    expect(await testDb().order.count({ where: { shopId, status: "WaitingForSellerAcceptation" } })).toBe(0);
    for (const order of seeded) expect((await validationsOf(order.orderNumber)).map((v) => v.orderState)).toEqual(["AcceptedBySeller"]);
  });
});
