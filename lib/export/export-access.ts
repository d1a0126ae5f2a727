// Who may export which orders: the queue's own scoping (the current shop, or all the
// user's shops), kept to the shops where the user holds orders.export.
import "server-only";
import { roleCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { authorizeQueue, type QueueAccess } from "@/lib/orders/queue-access";
import type { ShopScope } from "@/lib/orders/queue-params";

export async function authorizeOrderExport(scope: ShopScope): Promise<QueueAccess> {
  return exportAccessOf(await authorizeQueue(scope));
}

/** The export half of the rule, apart from the session (tested on its own). */
export function exportAccessOf(access: QueueAccess): QueueAccess {
  const exportable = new Set(access.readableShops.filter((s) => roleCan(s.role, "orders.export")).map((s) => s.shopId));
  const shopIds = access.shopIds.filter((id) => exportable.has(id));
  if (shopIds.length === 0) throw new AppError("FORBIDDEN", { message: "No shop to export orders from" });
  return { ...access, shopIds };
}
