import type { TransactionClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/client";

export interface AuditEntry {
  actorId: string | null;
  shopId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  outcome?: "success" | "failure";
  details?: Prisma.InputJsonValue;
}

/** Written in the same transaction as the change it describes. */
export async function recordAudit(tx: TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      shopId: entry.shopId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      outcome: entry.outcome ?? "success",
      details: entry.details,
    },
  });
}
