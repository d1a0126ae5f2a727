// The sign-in lock-out on both engines: SQLite (statements take turns) and PostgreSQL
// (concurrent attempts really run side by side).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/lib/db/client";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { postgresTestAvailable, postgresTestDatabase, warnIfPostgresSkipped } from "@/lib/testing/postgres-database";
import { checkSignIn } from "./credentials";
import { LOGIN_THROTTLE, emailHashOf, openLoginAttempt } from "./login-throttle";
import { hashPassword } from "./password";
import { logger } from "@/lib/logging/logger";

setupTestDatabase();
// Every refused attempt logs a warning; thirty at once are noise here.
logger.level = "error";
warnIfPostgresSkipped("login throttle");

const PASSWORD = "correct-horse-battery";
const MINUTE = 60_000;
let emails = 0;
const freshEmail = () => `user-${++emails}-${Date.now()}@throttle.test`;
let ips = 0;
const freshIp = () => `198.51.${Math.floor(++ips / 250)}.${ips % 250}`;

function throttleSuite(engine: string, database: () => Db) {
  async function user() {
    const email = freshEmail();
    await database().user.create({ data: { email, name: email, passwordHash: await hashPassword(PASSWORD) } });
    return email;
  }
  const signIn = (email: string, password: string, ip: string) => checkSignIn({ email, password }, ip, database());

  describe(`sign-in lock-out (${engine})`, () => {
    it(`locks an email at one address after ${LOGIN_THROTTLE.perEmailAndIp} failures, even for the right password; another address still signs in`, async () => {
      const email = await user();
      const [ip, other] = [freshIp(), freshIp()];
      for (let i = 0; i < LOGIN_THROTTLE.perEmailAndIp; i++) expect(await signIn(email, "wrong-password", ip)).toEqual({ status: "invalid" });
      const locked = await signIn(email, PASSWORD, ip);
      expect(locked).toMatchObject({ status: "locked" });
      expect((locked as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(14 * MINUTE);
      expect(await signIn(email, PASSWORD, other)).toMatchObject({ status: "valid", user: { email } });
    });

    it("locks an unknown email exactly like a known one: the lock tells nothing about accounts", async () => {
      const known = await user();
      const ip = freshIp();
      const outcomes = async (email: string) => {
        const seen: string[] = [];
        for (let i = 0; i <= LOGIN_THROTTLE.perEmailAndIp; i++) seen.push((await signIn(email, "wrong-password", ip)).status);
        return seen;
      };
      const expected = [...Array<string>(LOGIN_THROTTLE.perEmailAndIp).fill("invalid"), "locked"];
      expect(await outcomes(known)).toEqual(expected);
      expect(await outcomes(freshEmail())).toEqual(expected);
    });

    it("clears the failures on a successful sign-in", async () => {
      const email = await user();
      const ip = freshIp();
      for (let i = 0; i < LOGIN_THROTTLE.perEmailAndIp - 1; i++) await signIn(email, "wrong-password", ip);
      expect(await signIn(email, PASSWORD, ip)).toMatchObject({ status: "valid" });
      expect(await database().loginAttempt.count({ where: { emailHash: emailHashOf(email), ip } })).toBe(0);
      for (let i = 0; i < LOGIN_THROTTLE.perEmailAndIp; i++) expect(await signIn(email, "wrong-password", ip)).toEqual({ status: "invalid" });
      expect(await signIn(email, PASSWORD, ip)).toMatchObject({ status: "locked" });
    });

    it("lifts the lock when the oldest failures leave the window; attempts while locked do not prolong it", async () => {
      const email = freshEmail();
      const ip = freshIp();
      const t0 = Date.now();
      const at = (ms: number) => openLoginAttempt(database(), { email, ip, now: new Date(t0 + ms) });
      for (let i = 0; i < LOGIN_THROTTLE.perEmailAndIp; i++) expect(await at(i * MINUTE)).toEqual({ allowed: true });
      expect(await at(6 * MINUTE)).toEqual({ allowed: false, retryAfterMs: 9 * MINUTE });
      expect(await at(14 * MINUTE)).toEqual({ allowed: false, retryAfterMs: 1 * MINUTE });
      // The first failure (t0) is out of the window: one more try, then locked until t0 + 16 min.
      expect(await at(15 * MINUTE + 1_000)).toEqual({ allowed: true });
      expect(await at(15 * MINUTE + 2_000)).toEqual({ allowed: false, retryAfterMs: MINUTE - 2_000 });
    });

    it(`locks an address trying many accounts after ${LOGIN_THROTTLE.perIp} attempts, and an account tried from many addresses after ${LOGIN_THROTTLE.perEmail}`, async () => {
      const sprayer = freshIp();
      for (let i = 0; i < LOGIN_THROTTLE.perIp; i++) expect(await openLoginAttempt(database(), { email: freshEmail(), ip: sprayer })).toEqual({ allowed: true });
      expect(await openLoginAttempt(database(), { email: freshEmail(), ip: sprayer })).toMatchObject({ allowed: false });
      expect(await openLoginAttempt(database(), { email: freshEmail(), ip: freshIp() })).toEqual({ allowed: true });

      const target = freshEmail();
      for (let i = 0; i < LOGIN_THROTTLE.perEmail; i++) expect(await openLoginAttempt(database(), { email: target, ip: freshIp() })).toEqual({ allowed: true });
      expect(await openLoginAttempt(database(), { email: target, ip: freshIp() })).toMatchObject({ allowed: false });
    });

    it("lets at most the limit through when the guesses arrive all at once", async () => {
      const email = freshEmail();
      const ip = freshIp();
      const gates = await Promise.all(Array.from({ length: 30 }, () => openLoginAttempt(database(), { email, ip })));
      const allowed = gates.filter((g) => g.allowed).length;
      expect(allowed).toBeLessThanOrEqual(LOGIN_THROTTLE.perEmailAndIp);
      expect(await database().loginAttempt.count({ where: { emailHash: emailHashOf(email), ip } })).toBe(allowed);
      expect(await openLoginAttempt(database(), { email, ip })).toMatchObject(allowed === LOGIN_THROTTLE.perEmailAndIp ? { allowed: false } : { allowed: true });
    });

    it("keeps no email in clear, and nothing typed into the email field", async () => {
      const typo = "my-secret-password-in-the-email-field";
      await signIn(typo, "x", freshIp());
      const rows = await database().loginAttempt.findMany({ where: { emailHash: emailHashOf(typo) } });
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(typo);
    });
  });
}

throttleSuite("SQLite", getDb);

describe.skipIf(!postgresTestAvailable)("on PostgreSQL", () => {
  const postgres = postgresTestDatabase("login_throttle_test");
  let db: Db;
  beforeAll(async () => {
    ({ db } = await postgres.open());
  }, 180_000);
  afterAll(() => postgres.close());
  throttleSuite("PostgreSQL", () => db);
});
