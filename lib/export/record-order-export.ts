// An export takes customers' names and addresses out of the desk: the audit log says
// who exported which list, once per shop (each shop's managers read their own log).
import "server-only";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";

export const ORDER_EXPORT_ACTION = "orders.export";

export async function recordOrderExport(db: Db, { actorId, shopIds, query, delimiter }: { actorId: string; shopIds: readonly string[]; query: string; delimiter: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const shopId of shopIds) {
      await recordAudit(tx, { actorId, shopId, action: ORDER_EXPORT_ACTION, targetType: "orderList", targetId: null, details: { query, delimiter, shops: shopIds.length } });
    }
  });
}
