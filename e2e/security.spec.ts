// The desk's defences against the real server: the headers every response carries, a CSP
// that lets the desk's own scripts run and nothing else, the session cookie's attributes,
// Next's origin check on a real server action (DB and sandbox unchanged when refused), and
// the sign-in lock-out, through the form and through Auth.js's own endpoint.
import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { emailHashOf } from "@/lib/auth/login-throttle";
import { testDb } from "./support/db";
import { demoShopId, seedOrders, validationsOf } from "./support/orders";
import { demoUser, signIn } from "./support/users";

const FIXED_HEADERS = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
};

function expectFixedHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers).toMatchObject(FIXED_HEADERS);
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** Every CSP violation the browser reports, from the first page on. */
function recordCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Auth.js's own sign-in endpoint, without the form: CSRF token, then the credentials POST. */
async function postCredentials(request: APIRequestContext, credentials: { email: string; password: string }, headers: Record<string, string> = {}) {
  const csrf = await request.get("/api/auth/csrf", { headers });
  const cookie = csrf.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", { headers: { ...headers, cookie }, form: { ...credentials, csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
}

const setCookies = (response: APIResponse) => response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);

test.describe("[SECURITY] headers", () => {
  test("pages, route handlers and static files carry the security headers; pages a fresh script nonce", async ({ request }) => {
    const page = await request.get("/sign-in");
    expectFixedHeaders(page);
    const csp = page.headers()["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    // Every script of the page carries this response's nonce, and no other.
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(3);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    const again = await request.get("/sign-in");
    expect(again.headers()["content-security-policy"]).not.toContain(nonce);

    const api = await request.get("/api/health");
    expectFixedHeaders(api);
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    const v1 = await request.get("/api/v1/orders");
    expect(v1.status()).toBe(401);
    expectFixedHeaders(v1);

    const chunk = /<script[^>]*src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(chunk).toBeTruthy();
    const asset = await request.get(chunk!);
    expect(asset.status()).toBe(200);
    expectFixedHeaders(asset);

    // An anonymous visit is redirected to sign-in with the headers too.
    const redirect = await request.get("/orders", { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectFixedHeaders(redirect);
  });

  test("HSTS and upgrade-insecure-requests only when the reverse proxy says https", async ({ request }) => {
    const https = { "x-forwarded-proto": "https" };
    for (const path of ["/sign-in", "/api/health"]) {
      const response = await request.get(path, { headers: https });
      expect(response.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    }
    expect((await request.get("/sign-in", { headers: https })).headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect((await request.get("/sign-in")).headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });

  test("the desk works under its CSP: scripts hydrate, Radix menus open, Recharts draws, nothing is refused", async ({ page }) => {
    const violations = recordCspViolations(page);
    await seedOrders(2);
    const user = await signIn(page, "MANAGER");
    await page.getByRole("button", { name: `Menu de ${user.name}` }).click();
    await expect(page.getByRole("menuitem", { name: "Se déconnecter" })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.goto("/review");
    await expect(page.locator('[data-chart-section="orders-per-period"] .recharts-wrapper > svg.recharts-surface')).toBeVisible();
    await page.goto("/review/canceled");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("an injected inline handler does not run", async ({ page }) => {
    const violations = recordCspViolations(page);
    await page.goto("/sign-in");
    const ran = await page.evaluate(() => {
      const button = document.createElement("button");
      button.setAttribute("onclick", "document.body.dataset.injected = 'yes'");
      document.body.append(button);
      button.click();
      return document.body.dataset.injected === "yes";
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
  });

  test("the desk refuses to be framed", async ({ page, baseURL }) => {
    const refused = page.waitForEvent("console", (message) => /frame-ancestors 'none'|X-Frame-Options/i.test(message.text()));
    await page.setContent(`<iframe id="desk" src="${baseURL}/sign-in"></iframe>`);
    await refused;
    await expect(page.frameLocator("#desk").getByRole("heading", { name: "Connexion" })).toHaveCount(0);
  });
});

test.describe("[SECURITY] session cookie", () => {
  test("the form's sign-in sets an HttpOnly, SameSite=Lax session cookie, not Secure over http", async ({ page, context }) => {
    await signIn(page, "SELLER");
    const session = (await context.cookies()).find((c) => c.name === "authjs.session-token");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  });

  test("behind https (X-Forwarded-Proto), the session cookie is __Secure- and Secure", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const seller = demoUser("SELLER");
    const response = await postCredentials(request, { email: seller.email, password: seller.password }, { "x-forwarded-proto": "https" });
    expect(response.status()).toBe(302);
    const session = setCookies(response).find((c) => c.startsWith("__Secure-authjs.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    await request.dispose();
  });
});

test.describe("[SECURITY] server actions", () => {
  test("a real server action posted from another origin is refused: nothing stored, nothing sent to Cdiscount; from the desk it works", async ({ page }) => {
    const [order] = await seedOrders(1);
    await signIn(page, "SELLER");
    await page.goto("/orders");
    // The browser's own request, stopped before it leaves: its action id and body are replayed below.
    let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
    await page.route(
      (url) => url.pathname === "/orders",
      async (route) => {
        const request = route.request();
        const headers = request.headers();
        if (request.method() !== "POST" || !headers["next-action"]) return route.continue();
        captured = { url: request.url(), headers, body: request.postData() ?? "" };
        return route.abort();
      },
    );
    await page.locator(`tr[data-order-number="${order!.orderNumber}"]`).getByRole("button", { name: `Accepter la commande ${order!.orderNumber}` }).click();
    await expect.poll(() => captured).toBeDefined();
    await page.unroute((url) => url.pathname === "/orders");

    const replay = (origin: string) =>
      page.request.post(captured!.url, {
        headers: {
          "next-action": captured!.headers["next-action"]!,
          "next-router-state-tree": captured!.headers["next-router-state-tree"] ?? "",
          "content-type": captured!.headers["content-type"]!,
          accept: "text/x-component",
          origin,
        },
        data: captured!.body,
      });
    const unchanged = async () => {
      expect((await testDb().order.findUniqueOrThrow({ where: { id: order!.id }, select: { status: true } })).status).toBe("WaitingForSellerAcceptation");
      expect(await testDb().marketplaceAction.count({ where: { orderId: order!.id } })).toBe(0);
      expect(await validationsOf(order!.orderNumber)).toEqual([]);
    };

    for (const foreign of ["https://evil.example", "null", new URL(captured!.url).origin.replace(/:\d+$/, ":1")]) {
      const refused = await replay(foreign);
      expect(refused.status(), `Origin: ${foreign}`).toBe(500);
      await unchanged();
    }

    const accepted = await replay(new URL(captured!.url).origin);
    expect(accepted.status()).toBe(200);
    await expect.poll(async () => (await testDb().order.findUniqueOrThrow({ where: { id: order!.id }, select: { status: true } })).status).toBe("AcceptedBySeller");
    expect((await validationsOf(order!.orderNumber)).map((v) => v.orderState)).toEqual(["AcceptedBySeller"]);
    expect(await testDb().marketplaceAction.count({ where: { orderId: order!.id, status: "SUCCEEDED" } })).toBe(1);
  });
});

test.describe("[SECURITY] sign-in lock-out", () => {
  test("five failures lock the email at that address, even for the right password, form and API alike; another address still signs in", async ({ page, browser, playwright, baseURL }) => {
    const email = `lockout-${Date.now()}@demo.test`;
    const password = "the-right-password";
    await testDb().user.create({
      data: { email, name: "Lucie Lockout", passwordHash: await hashPassword(password), memberships: { create: { shopId: await demoShopId(), role: "SELLER" } } },
    });
    // The reverse proxy's X-Forwarded-For names the address (lib/auth/client-ip.ts).
    const attacker = { "x-forwarded-for": "203.0.113.66" };
    await page.setExtraHTTPHeaders(attacker);
    await page.goto("/sign-in");
    const alert = page.locator("main").getByRole("alert");
    const emailField = page.getByLabel("Adresse e-mail");
    const submit = async (pw: string) => {
      await emailField.fill(email);
      await page.getByLabel("Mot de passe").fill(pw);
      await page.getByRole("button", { name: "Se connecter" }).click();
      // React resets the form once the action settles: filling before that would be lost.
      await expect(emailField).toHaveValue("");
    };
    for (let i = 1; i <= 5; i++) {
      await submit(`wrong-${i}`);
      await expect(alert).toHaveText("Adresse e-mail ou mot de passe incorrect.");
      await expect.poll(() => testDb().loginAttempt.count({ where: { emailHash: emailHashOf(email) } })).toBe(i);
    }
    await submit(password);
    await expect(alert).toHaveText("Trop de tentatives de connexion. Réessayez dans 15 minutes.");
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await testDb().loginAttempt.count({ where: { emailHash: emailHashOf(email), ip: "203.0.113.66" } })).toBe(5);

    // Auth.js's endpoint is the same door: no session for the right password either.
    const api = await playwright.request.newContext({ baseURL });
    const locked = await postCredentials(api, { email, password }, attacker);
    expect(locked.headers().location).toContain("code=locked");
    expect(setCookies(locked).some((c) => c.startsWith("authjs.session-token="))).toBe(false);
    await api.dispose();

    // The owner, from their own address, is not locked out.
    const owner = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.10" } });
    const ownerPage = await owner.newPage();
    await ownerPage.goto("/sign-in");
    await ownerPage.getByLabel("Adresse e-mail").fill(email);
    await ownerPage.getByLabel("Mot de passe").fill(password);
    await ownerPage.getByRole("button", { name: "Se connecter" }).click();
    await expect(ownerPage.getByRole("heading", { level: 1, name: "Vue d'ensemble" })).toBeVisible();
    await owner.close();
  });
});
