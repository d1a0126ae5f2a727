import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { parseEnvFile } from "@/lib/launcher/env-file";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { parseEncryptionKey } from "@/lib/crypto/secret-box";
import { testDb } from "./support/db";
import { signIn } from "./support/users";

/** Fills the new-shop form on the current page, submits it, and waits for the shop's page. */
async function submitNewShop(page: Page, shop: { name: string; apiLogin: string; apiPassword: string; environment?: string }) {
  await page.getByLabel("Nom de la boutique").fill(shop.name);
  await page.getByLabel("Identifiant API").fill(shop.apiLogin);
  await page.getByLabel("Mot de passe API").fill(shop.apiPassword);
  if (shop.environment) await page.getByLabel("Environnement").selectOption(shop.environment);
  await page.getByRole("button", { name: "Créer la boutique" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Boutique ${shop.name}` })).toBeVisible();
}

async function demoShopId() {
  const shop = await testDb().shop.findFirstOrThrow({ where: { name: "Boutique démo" }, select: { id: true } });
  return shop.id;
}

test.describe("[ADMIN] shops and roles", () => {
  for (const role of ["SELLER", "MANAGER"] as const) {
    test(`a ${role.toLowerCase()} sees no admin link and is refused every admin URL`, async ({ page }) => {
      await signIn(page, role);
      await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Boutiques" })).toHaveCount(0);
      for (const path of ["/admin/shops", "/admin/shops/new", `/admin/shops/${await demoShopId()}`]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
      }
    });
  }

  test("an admin adds a shop; its API password is stored encrypted and never sent back", async ({ page }) => {
    const secret = `S3cret-${Date.now()}-cdiscount`;
    await signIn(page, "ADMIN");
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Boutiques" }).click();
    await page.getByRole("link", { name: "Ajouter une boutique" }).click();
    await submitNewShop(page, { name: "Maison Dupont", apiLogin: "maisondupont-api", apiPassword: secret, environment: "PREPRODUCTION" });
    await expect(page.getByText("Un mot de passe est enregistré")).toBeVisible();
    await expect(page.getByLabel("Mot de passe API")).toHaveValue("");
    expect(await page.content()).not.toContain(secret);
    const rawHtml = await (await page.request.get(page.url())).text();
    expect(rawHtml).toContain("Maison Dupont");
    expect(rawHtml).not.toContain(secret);
    await page.goto("/admin/shops");
    await expect(page.getByRole("row", { name: /Maison Dupont/ })).toContainText("Préproduction Cdiscount");
    expect(await page.content()).not.toContain(secret);

    const shop = await testDb().shop.findFirstOrThrow({ where: { name: "Maison Dupont" } });
    expect(shop.environment).toBe("PREPRODUCTION");
    expect(shop.apiPasswordEncrypted).not.toContain(secret);
    expect(shop.apiPasswordEncrypted).toMatch(/^v1\./);
    const key = parseEncryptionKey(parseEnvFile(readFileSync(".env.local", "utf8")).DESK_ENCRYPTION_KEY);
    expect(decryptSecret(shop.apiPasswordEncrypted, `shop:${shop.id}:api-password`, key)).toBe(secret);
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { action: "shop.create", targetId: shop.id } });
    expect(JSON.stringify(audit.details)).not.toContain(secret);
  });

  test("a shop form with bad fields says which, and creates nothing", async ({ page }) => {
    const before = await testDb().shop.count();
    await signIn(page, "ADMIN");
    await page.goto("/admin/shops/new");
    await page.getByLabel("Identifiant API").fill("with space");
    await page.getByLabel("Intervalle de synchronisation (minutes)").fill("0");
    await page.getByRole("button", { name: "Créer la boutique" }).click();
    await expect(page.getByLabel("Nom de la boutique")).toHaveAccessibleDescription("Champ obligatoire.");
    await expect(page.getByLabel("Identifiant API")).toHaveAccessibleDescription(/Sans espace\./);
    await expect(page.getByLabel("Mot de passe API")).toHaveAccessibleDescription("Champ obligatoire.");
    await expect(page.getByLabel("Intervalle de synchronisation (minutes)")).toHaveAccessibleDescription("Entre 1 et 1440 minutes.");
    expect(await testDb().shop.count()).toBe(before);
  });

  test("an admin edits, disables and re-enables a shop; the password is kept when left blank", async ({ page }) => {
    const db = testDb();
    await signIn(page, "ADMIN");
    await page.goto("/admin/shops/new");
    await submitNewShop(page, { name: "Atelier Martin", apiLogin: "ateliermartin-api", apiPassword: "first-password" });
    const before = await db.shop.findFirstOrThrow({ where: { name: "Atelier Martin" } });

    await page.getByLabel("Nom de la boutique").fill("Atelier Martin & Fils");
    await page.getByLabel("Intervalle de synchronisation (minutes)").fill("5");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Modifications enregistrées." })).toBeVisible();
    const edited = await db.shop.findUniqueOrThrow({ where: { id: before.id } });
    expect(edited.name).toBe("Atelier Martin & Fils");
    expect(edited.syncIntervalMinutes).toBe(5);
    expect(edited.apiPasswordEncrypted).toBe(before.apiPasswordEncrypted);

    await page.getByRole("button", { name: "Désactiver la boutique" }).click();
    await expect(page.getByRole("button", { name: "Réactiver la boutique" })).toBeVisible();
    expect((await db.shop.findUniqueOrThrow({ where: { id: before.id } })).disabledAt).not.toBeNull();
    await expect(page.getByRole("combobox", { name: "Changer de boutique" })).toContainText("Atelier Martin & Fils (désactivée)");
    await page.getByRole("button", { name: "Réactiver la boutique" }).click();
    await expect(page.getByRole("button", { name: "Désactiver la boutique" })).toBeVisible();
    expect((await db.shop.findUniqueOrThrow({ where: { id: before.id } })).disabledAt).toBeNull();
  });

  test("an admin adds a new seller account who can then sign in to that shop only", async ({ page, browser }) => {
    const email = `new-seller-${Date.now()}@demo.test`;
    await signIn(page, "ADMIN");
    await page.goto(`/admin/shops/${await demoShopId()}`);
    await page.getByLabel("E-mail", { exact: true }).fill(email);
    await page.getByLabel("Nom", { exact: true }).fill("Nina Nouvelle");
    await page.getByLabel("Mot de passe initial").fill("nouvelle-vendeuse");
    await page.getByLabel("Rôle", { exact: true }).selectOption("SELLER");
    await page.getByRole("button", { name: "Ajouter un membre" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Compte créé et ajouté." })).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(email) })).toBeVisible();

    const membership = await testDb().membership.findFirstOrThrow({ where: { user: { email } }, select: { role: true, shop: { select: { name: true } } } });
    expect(membership).toEqual({ role: "SELLER", shop: { name: "Boutique démo" } });

    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto("/sign-in");
    await other.getByLabel("Adresse e-mail").fill(email);
    await other.getByLabel("Mot de passe").fill("nouvelle-vendeuse");
    await other.getByRole("button", { name: "Se connecter" }).click();
    await expect(other.getByRole("heading", { level: 1, name: "Vue d'ensemble" })).toBeVisible();
    await expect(other.getByRole("combobox", { name: "Changer de boutique" }).locator("option")).toHaveText(["Boutique démo"]);
    await context.close();
  });

  test("the last admin of a shop cannot demote themself", async ({ page }) => {
    const shopId = await demoShopId();
    await signIn(page, "ADMIN");
    await page.goto(`/admin/shops/${shopId}`);
    await page.getByLabel("Rôle de admin@demo.test").selectOption("SELLER");
    await expect(page.locator("main").getByRole("alert")).toHaveText("Cette action n'est pas possible dans l'état actuel.");
    const admin = await testDb().membership.findFirstOrThrow({ where: { shopId, user: { email: "admin@demo.test" } } });
    expect(admin.role).toBe("ADMIN");
  });

  test("an admin tests the connection: the demo shop reaches the sandbox, a wrong password is explained", async ({ page }) => {
    await signIn(page, "ADMIN");
    await page.goto(`/admin/shops/${await demoShopId()}`);
    await page.getByRole("button", { name: "Tester la connexion" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Connexion réussie" })).toHaveText("Connexion réussie : jeton obtenu, 14 transporteurs disponibles.");

    await page.goto("/admin/shops/new");
    await submitNewShop(page, { name: "Mot de passe erroné", apiLogin: "demo-api", apiPassword: "not-the-sandbox-password" });
    await page.getByRole("button", { name: "Tester la connexion" }).click();
    await expect(page.locator("main").getByRole("alert")).toContainText("Cdiscount a refusé l'identifiant ou le mot de passe API.");
    expect(await page.content()).not.toContain("not-the-sandbox-password");
  });
});
