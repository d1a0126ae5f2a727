import { expect, test } from "@playwright/test";
import { demoUser, signIn, type DemoRole } from "./support/users";

const ROLE_LABELS: Record<DemoRole, string> = { SELLER: "Vendeur", MANAGER: "Manager", ADMIN: "Administrateur" };

test.describe("[AUTH] sign-in", () => {
  for (const role of ["SELLER", "MANAGER", "ADMIN"] as const) {
    test(`the demo ${role.toLowerCase()} signs in and sees the demo shop`, async ({ page }) => {
      const user = await signIn(page, role);
      // Other specs may give the admin more shops; the demo shop is always among theirs.
      await expect(page.getByRole("combobox", { name: "Changer de boutique" }).getByRole("option", { name: "Boutique démo" })).toBeAttached();
      await page.getByRole("button", { name: `Menu de ${user.name}` }).click();
      await expect(page.getByText(`Connecté en tant que ${user.email}`)).toBeVisible();
      await expect(page.getByText(`Rôle : ${ROLE_LABELS[role]}`)).toBeVisible();
    });
  }

  test("a wrong password and an unknown email get the same message", async ({ page }) => {
    const seller = demoUser("SELLER");
    await page.goto("/sign-in");
    await page.getByLabel("Adresse e-mail").fill(seller.email);
    await page.getByLabel("Mot de passe").fill("not-the-password");
    await page.getByRole("button", { name: "Se connecter" }).click();
    const alert = page.locator("main").getByRole("alert");
    await expect(alert).toHaveText("Adresse e-mail ou mot de passe incorrect.");

    await page.getByLabel("Adresse e-mail").fill("nobody@demo.test");
    await page.getByLabel("Mot de passe").fill("not-the-password");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(alert).toHaveText("Adresse e-mail ou mot de passe incorrect.");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("pages need a session: an anonymous visit goes to sign-in, then back", async ({ page }) => {
    await page.goto("/admin/shops");
    await expect(page).toHaveURL(/\/sign-in/);
    const admin = demoUser("ADMIN");
    await page.getByLabel("Adresse e-mail").fill(admin.email);
    await page.getByLabel("Mot de passe").fill(admin.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Boutiques" })).toBeVisible();
  });

  test("sign-out ends the session", async ({ page }) => {
    const user = await signIn(page, "SELLER");
    await page.getByRole("button", { name: `Menu de ${user.name}` }).click();
    await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
  });

  test("the interface switches to English and back", async ({ page }) => {
    const user = await signIn(page, "MANAGER");
    await page.getByRole("button", { name: `Menu de ${user.name}` }).click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: `${user.name}'s menu` }).click();
    await page.getByRole("menuitemradio", { name: "Français" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Vue d'ensemble" })).toBeVisible();
  });
});
