// Who may export which orders: the queue's own scoping (the current shop, or all the
// user's shops), kept to the shops where the user holds orders.export.
import "server-only";
import { roleCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import type { ShopMembership } from "@/lib/auth/access";
import { authorizeQueue, type QueueAccess } from "@/lib/orders/queue-access";
import type { ShopScope } from "@/lib/orders/queue-params";

export async function authorizeOrderExport(scope: ShopScope): Promise<QueueAccess> {
  return exportAccessOf(await authorizeQueue(scope));
}

/** The export half of the rule, apart from the session (tested on its own). */
export function exportAccessOf(access: QueueAccess): QueueAccess {
  return { ...access, shopIds: exportableShopIds(access.readableShops, access.shopIds) };
}

/**
 * Of the shops a request reads, those where the user holds orders.export; FORBIDDEN when
 * none is left. The queue's exports and the review's go through here.
 */
export function exportableShopIds(memberships: readonly ShopMembership[], shopIds: readonly string[]): string[] {
  const exportable = new Set(memberships.filter((s) => roleCan(s.role, "orders.export")).map((s) => s.shopId));
  const kept = shopIds.filter((id) => exportable.has(id));
  if (kept.length === 0) throw new AppError("FORBIDDEN", { message: "No shop to export orders from" });
  return kept;
}
