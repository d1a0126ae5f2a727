import { z } from "zod";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { burnPasswordCheck, verifyPassword } from "./password";
import { clearLoginAttempts, openLoginAttempt } from "./login-throttle";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
}

export type SignInCheck = { status: "valid"; user: AuthenticatedUser } | { status: "invalid" } | { status: "locked"; retryAfterMs: number };

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().min(1).max(200),
});

/** Checks an email and password; null for any failure, without saying which part was wrong. */
export async function verifyCredentials(input: unknown, db: Db = defaultDb): Promise<AuthenticatedUser | null> {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true } });
  if (!user || user.disabledAt) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** A sign-in from `ip`: the credentials check, behind the lock-out of password guessing. */
export async function checkSignIn(input: unknown, ip: string, db: Db = defaultDb): Promise<SignInCheck> {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) return { status: "invalid" };
  const { email } = parsed.data;
  const gate = await openLoginAttempt(db, { email, ip });
  if (!gate.allowed) return { status: "locked", retryAfterMs: gate.retryAfterMs };
  const user = await verifyCredentials(parsed.data, db);
  if (!user) return { status: "invalid" };
  await clearLoginAttempts(db, { email, ip });
  return { status: "valid", user };
}
