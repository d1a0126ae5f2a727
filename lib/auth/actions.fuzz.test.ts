// Issue 7: what is open to anyone -- the sign-in and language actions, and Auth.js's own
// routes (/api/auth/*) -- under fuzzed input, through the real action client and the real
// Auth.js credentials flow on a real store (lib/testing/request-scope.ts stands in for
// Next's request: headers and cookies). Sign-in answers "wrong email or password" or
// redirects; a redirect never leaves the desk, whatever callback URL was sent, and only
// the right password gets one.
import "@/lib/testing/mock-next-request";
import fc from "fast-check";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { db } from "@/lib/db/client";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { cookies, signInAs } from "@/lib/testing/request-scope";
import { EffectProbe, expectExpectedResult, fuzzRuns, hostileString, nearValid, type ActionResult } from "@/lib/testing/fuzz";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";
import { setLocaleAction } from "@/lib/i18n/actions";
import { signInAction } from "./actions";
import { hashPassword } from "./password";

const EMAIL = "vendeuse@fuzz.test";
const PASSWORD = "mot-de-passe-du-fuzz";
const ORIGIN = "http://127.0.0.1:3000";

// Auth.js reads its secret when ./auth loads, before any hook runs.
vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "fuzz-auth-secret";
});

setupTestDatabase();
let probe: EffectProbe;

beforeAll(async () => {
  await db.user.create({ data: { email: EMAIL, name: "Vendeuse", passwordHash: await hashPassword(PASSWORD) } });
  probe = new EffectProbe(null);
});
afterAll(() => probe?.close());

type SignInOutcome = { redirect: string } | { result: ActionResult };

async function signIn(input: unknown): Promise<SignInOutcome> {
  try {
    return { result: (await signInAction(input as never)) as ActionResult };
  } catch (error) {
    // A successful sign-in ends with Next's redirect, which the action client rethrows.
    if (isRedirectError(error)) return { redirect: getURLFromRedirectError(error) };
    throw error;
  }
}

/** Hostile callback URLs: other hosts in every spelling browsers accept. */
const callbackUrl = fc.oneof(
  fc.constantFrom("/orders?view=NEW", "//evil.example", "/\\evil.example", "/\\/evil.example", "\\\\evil.example", "https://evil.example/", "/%2F%2Fevil.example", "/\t/evil.example", "javascript:alert(1)", " /orders", "/../../etc"),
  hostileString,
);

describe("open to anyone, under fuzzed input [FUZZ]", () => {
  it("signInAction: a refusal or a redirect within the desk, and a session only for the right password", async () => {
    const valid = fc.record({
      email: fc.oneof(fc.constantFrom(EMAIL, ` ${EMAIL.toUpperCase()} `, "inconnu@fuzz.test"), hostileString),
      password: fc.oneof(fc.constant(PASSWORD), hostileString),
      callbackUrl: fc.option(callbackUrl, { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: nearValid(valid, ["email", "password", "callbackUrl"]) }), async (input) => {
        signInAs(null);
        const { outcome, changed } = await probe.observe(
          () => signIn(input),
          // A rate limiter may keep count of attempts; nothing else may change.
          () => false,
        );
        expect(changed.filter((t) => !/attempt|limit/i.test(t))).toEqual([]);
        const { email, password } = (input ?? {}) as { email?: unknown; password?: unknown };
        if ("redirect" in outcome) {
          expect(password).toBe(PASSWORD);
          expect(typeof email === "string" && email.trim().toLowerCase()).toBe(EMAIL);
          expect(new URL(outcome.redirect, ORIGIN).origin, `redirected to ${outcome.redirect}`).toBe(ORIGIN);
          expect((await cookies()).getAll().some((c) => c.name.includes("session-token"))).toBe(true);
        } else {
          expect(expectExpectedResult(outcome.result)).not.toBe("data");
        }
      }),
      {
        numRuns: fuzzRuns(20),
        examples: [[{ email: EMAIL, password: PASSWORD, callbackUrl: "/\\evil.example" }], [{ email: EMAIL, password: PASSWORD, callbackUrl: "//evil.example" }]],
      },
    );
  });

  it("Auth.js's routes: any path, form and callback URL -- no 5xx, a redirect within the desk, nothing written", async () => {
    // Fetch's Request drops a Host header; Next.js passes the host on, as X-Forwarded-Host does here.
    const host = { "X-Forwarded-Host": "127.0.0.1:3000", "X-Forwarded-Proto": "http" };
    const csrf = await authGet(new NextRequest(`${ORIGIN}/api/auth/csrf`, { headers: host }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const action = fc.oneof(fc.constantFrom("csrf", "session", "providers", "signin", "signout", "callback/credentials", "signin/credentials", "error", "verify-request"), hostileString.map((segment) => encodeURIComponent(segment.toWellFormed())));
    const form = fc.record(
      { csrfToken: fc.oneof(fc.constant(csrfToken), hostileString), email: fc.oneof(fc.constant(EMAIL), hostileString), password: fc.oneof(fc.constant(PASSWORD), hostileString), callbackUrl },
      { requiredKeys: [] },
    );
    // No cookie, Auth.js's CSRF cookie, or that and a callback-url cookie of any value.
    const cookie = fc.option(fc.option(callbackUrl.map((url) => `authjs.callback-url=${encodeURIComponent(url.toWellFormed())}`), { nil: undefined }).map((extra) => [csrfCookie, extra].filter(Boolean).join("; ")), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("GET", "POST"), action, form, cookie, async (method, action, form, cookie) => {
        const url = `${ORIGIN}/api/auth/${action}${method === "GET" && form.callbackUrl !== undefined ? `?callbackUrl=${encodeURIComponent(form.callbackUrl.toWellFormed())}` : ""}`;
        const headers = { ...host, "Content-Type": "application/x-www-form-urlencoded", ...(cookie === undefined ? {} : { Cookie: cookie }) };
        const body = method === "POST" ? new URLSearchParams(Object.entries(form).map(([k, v]) => [k, v.toWellFormed()])).toString() : undefined;
        const { outcome: response, changed } = await probe.observe(async () => {
          const request = new NextRequest(url, { method, headers, body });
          return method === "GET" ? authGet(request) : authPost(request);
        }, () => false);
        expect(changed.filter((t) => !/attempt|limit/i.test(t))).toEqual([]);
        expect(response.status).toBeLessThan(500);
        const location = response.headers.get("location");
        // NextRequest spells the loopback 127.0.0.1 "localhost": the same desk.
        if (location) expect([ORIGIN, "http://localhost:3000"], `redirected to ${location}`).toContain(new URL(location, ORIGIN).origin);
      }),
      {
        numRuns: fuzzRuns(40),
        // Auth.js answered a callback URL it cannot read with a 500.
        examples: [
          ["GET", "session", { callbackUrl: "x" }, undefined],
          ["POST", "signin", {}, `${csrfCookie}; authjs.callback-url=%20%2Forders`],
        ],
      },
    );
  });

  it("setLocaleAction: only the desk's languages are kept", async () => {
    const input = nearValid(fc.record({ locale: fc.constantFrom(...LOCALES) }), ["locale"]);
    await fc.assert(
      fc.asyncProperty(input, async (input) => {
        const { outcome, changed } = await probe.action(setLocaleAction, input);
        expect(changed).toEqual([]);
        if (outcome.data) expect((await cookies()).get(LOCALE_COOKIE)?.value).toBe((outcome.data as { locale: string }).locale);
      }),
      { numRuns: fuzzRuns(20) },
    );
  });
});
