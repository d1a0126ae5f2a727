// A refused attempt (a permission the user lacks, an order in the wrong state, a reused
// idempotency key) is worth an audit row too: a manager sees who tried what and why it
// was refused. It is written on its own, after the refusal, since no change was made.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/client";
import { recordAudit, type AuditEntry } from "./record-audit";

export async function recordRefusal(db: Db, entry: Omit<AuditEntry, "outcome" | "details"> & { reason: string; details?: Record<string, Prisma.InputJsonValue | null> }): Promise<void> {
  const { reason, details, ...rest } = entry;
  await db.$transaction((tx) => recordAudit(tx, { ...rest, outcome: "failure", details: { ...details, reason } }));
}
