import { test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { signIn } from "./support/users";
import { testDb } from "./support/db";

test.describe("[A11Y] every page passes axe-core (no serious or critical violation)", () => {
  test("sign-in page", async ({ page }, testInfo) => {
    await page.goto("/sign-in");
    await expectAccessible(page, testInfo, "sign-in");
  });

  test("seller pages: overview, forbidden, not found", async ({ page }, testInfo) => {
    await signIn(page, "SELLER");
    await expectAccessible(page, testInfo, "overview-seller");
    await page.goto("/admin/shops");
    await expectAccessible(page, testInfo, "forbidden");
    await page.goto("/no-such-page");
    await expectAccessible(page, testInfo, "not-found");
  });

  test("admin pages: shops list, new shop, shop settings and members", async ({ page }, testInfo) => {
    await signIn(page, "ADMIN");
    await page.goto("/admin/shops");
    await expectAccessible(page, testInfo, "admin-shops");
    await page.goto("/admin/shops/new");
    await expectAccessible(page, testInfo, "admin-new-shop");
    const shop = await testDb().shop.findFirstOrThrow({ where: { name: "Boutique démo" } });
    await page.goto(`/admin/shops/${shop.id}`);
    await expectAccessible(page, testInfo, "admin-shop-settings");
  });
});
