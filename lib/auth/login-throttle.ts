// Locks out password guessing. Every sign-in attempt is written down *before* the
// password is checked and stays until it succeeds, so concurrent guesses count as much as
// sequential ones; attempts past a limit are refused without a password check, whether the
// account exists or not. The rows are in the database: every app instance sees them.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/logging/logger";

export const LOGIN_THROTTLE = {
  windowMs: 15 * 60_000,
  /** One person mistyping, from one address. */
  perEmailAndIp: 5,
  /** One account guessed from many addresses (X-Forwarded-For is forged easily when the desk is reached directly). */
  perEmail: 20,
  /** One address trying many accounts; an office behind one NAT stays well under it. */
  perIp: 50,
} as const;

export type LoginGate = { allowed: true } | { allowed: false; retryAfterMs: number };

type Rule = { name: string; where: { emailHash?: string; ip?: string }; limit: number };

export function emailHashOf(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

/** Records the attempt, then says whether it may go on to the password check. */
export async function openLoginAttempt(db: Db, { email, ip, now = new Date() }: { email: string; ip: string; now?: Date }): Promise<LoginGate> {
  const emailHash = emailHashOf(email);
  const since = new Date(now.getTime() - LOGIN_THROTTLE.windowMs);
  await db.loginAttempt.deleteMany({ where: { createdAt: { lte: since } } });
  const attempt = await db.loginAttempt.create({ data: { emailHash, ip, createdAt: now }, select: { id: true } });
  const rules: Rule[] = [
    { name: "email+ip", where: { emailHash, ip }, limit: LOGIN_THROTTLE.perEmailAndIp },
    { name: "email", where: { emailHash }, limit: LOGIN_THROTTLE.perEmail },
    { name: "ip", where: { ip }, limit: LOGIN_THROTTLE.perIp },
  ];
  for (const rule of rules) {
    const inWindow = { ...rule.where, createdAt: { gt: since } };
    const count = await db.loginAttempt.count({ where: inWindow });
    if (count <= rule.limit) continue;
    // A refused attempt is not counted: retrying while locked does not prolong the lock.
    await db.loginAttempt.delete({ where: { id: attempt.id } });
    // The lock lifts when enough of the counted attempts have left the window.
    const unlocking = await db.loginAttempt.findFirst({ where: inWindow, orderBy: { createdAt: "asc" }, skip: count - rule.limit - 1, select: { createdAt: true } });
    const retryAfterMs = unlocking ? unlocking.createdAt.getTime() + LOGIN_THROTTLE.windowMs - now.getTime() : LOGIN_THROTTLE.windowMs;
    logger.warn({ module: "auth", rule: rule.name, ip, attempts: count - 1 }, "sign-in locked after too many failed attempts");
    return { allowed: false, retryAfterMs: Math.max(1_000, retryAfterMs) };
  }
  return { allowed: true };
}

/** A successful sign-in clears the failures of this email from this address. */
export async function clearLoginAttempts(db: Db, { email, ip }: { email: string; ip: string }): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { emailHash: emailHashOf(email), ip } });
}
