import { expect, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/lib/launcher/demo";

export type DemoRole = "SELLER" | "MANAGER" | "ADMIN";

export function demoUser(role: DemoRole) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo ${role}`);
  return user;
}

export async function signIn(page: Page, role: DemoRole) {
  const user = demoUser(role);
  await page.goto("/sign-in");
  await page.getByLabel("Adresse e-mail").fill(user.email);
  await page.getByLabel("Mot de passe").fill(user.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vue d'ensemble" })).toBeVisible();
  return user;
}
