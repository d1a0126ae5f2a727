// An export takes customers' names and addresses (or the desk's own log) out of the
// desk: the audit log says who exported which list, once per shop (each shop's managers
// read their own log).
import "server-only";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";

export const ORDER_EXPORT_ACTION = "orders.export";
export const AUDIT_EXPORT_ACTION = "audit.export";

/** Which list was exported: the queue, a review list, or the audit log. */
export type ExportedList = "queue" | "canceled" | "fulfillment" | "audit";

export async function recordOrderExport(db: Db, { actorId, shopIds, list, query, delimiter }: { actorId: string; shopIds: readonly string[]; list: ExportedList; query: string; delimiter: string }): Promise<void> {
  const [action, targetType] = list === "audit" ? [AUDIT_EXPORT_ACTION, "auditLog"] : [ORDER_EXPORT_ACTION, "orderList"];
  await db.$transaction(async (tx) => {
    for (const shopId of shopIds) {
      await recordAudit(tx, { actorId, shopId, action, targetType, targetId: null, details: { list, query, delimiter, shops: shopIds.length } });
    }
  });
}
