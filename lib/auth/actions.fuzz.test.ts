// Issue 7: the two actions open to anyone, sign-in and the language switch, under fuzzed
// input, through the real action client and the real Auth.js credentials flow on a real
// store (lib/testing/request-scope.ts stands in for Next's request: headers and cookies).
// Sign-in answers "wrong email or password" or redirects; a redirect never leaves the
// desk, whatever callback URL was sent, and only the right password gets one.
import "@/lib/testing/mock-next-request";
import fc from "fast-check";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
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

describe("actions open to anyone under fuzzed input [FUZZ]", () => {
  it("signInAction: a refusal or a redirect within the desk, and a session only for the right password", async () => {
    const callbackUrl = fc.oneof(
      fc.constantFrom("/orders?view=NEW", "//evil.example", "/\\evil.example", "/\\/evil.example", "\\\\evil.example", "https://evil.example/", "/%2F%2Fevil.example", "/\t/evil.example", "javascript:alert(1)", " /orders", "/../../etc"),
      hostileString,
    );
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

  it("setLocaleAction: only the desk's languages are kept", async () => {
    const input = nearValid(fc.record({ locale: fc.constantFrom(...LOCALES) }), ["locale"]);
    await fc.assert(
      fc.asyncProperty(input, async (input) => {
        const { outcome, changed } = await probe.action(setLocaleAction, input);
        expect(changed).toEqual([]);
        if (outcome.data) expect((await cookies()).get(LOCALE_COOKIE)?.value).toBe((outcome.data as { locale: string }).locale);
      }),
      { numRuns: fuzzRuns(30) },
    );
  });
});
