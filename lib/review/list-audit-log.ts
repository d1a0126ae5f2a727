// The desk's audit log (AuditLog rows: every change made in the desk, by whom, on what,
// with its outcome), newest first, a page at a time (keyset on createdAt, then id).
// Only rows of the given shops: a manager never reads another shop's log.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/client";
import { parisDayStart, addDays } from "./periods";
import { decodeCursor, encodeCursor } from "./sql";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  /** Narrows to one shop, which must be among shopIds (else nothing). */
  shopId?: string | null;
  actorId?: string | null;
  action?: string | null;
  /** Paris days, both included. */
  from?: string | null;
  to?: string | null;
}

export interface AuditRow {
  id: string;
  createdAt: string;
  shopId: string;
  shopName: string;
  actor: { id: string; name: string; email: string } | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** "success" or "failure". */
  outcome: string;
  /** What the details say in a few words: the order number, and the marketplace's message or the refusal's reason, when recorded. */
  orderNumber: string | null;
  message: string | null;
  /** An export's filter: the queue's query string. */
  query: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  nextCursor: string | null;
}

const stringField = (details: unknown, key: string): string | null => {
  const value = details && typeof details === "object" && !Array.isArray(details) ? (details as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value : null;
};

export async function listAuditLog(
  db: Db,
  { shopIds, filters = {}, after = null, limit = AUDIT_PAGE_SIZE }: { shopIds: readonly string[]; filters?: AuditFilters; after?: string | null; limit?: number },
): Promise<AuditPage> {
  const shops = filters.shopId ? shopIds.filter((id) => id === filters.shopId) : [...shopIds];
  if (!shops.length) return { rows: [], nextCursor: null };
  const cursor = decodeCursor(after);
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = parisDayStart(filters.from);
  if (filters.to) createdAt.lt = parisDayStart(addDays(filters.to, 1));
  const where: Prisma.AuditLogWhereInput = {
    shopId: { in: shops },
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from || filters.to ? { createdAt } : {}),
    ...(cursor ? { OR: [{ createdAt: { lt: new Date(cursor.value) } }, { createdAt: new Date(cursor.value), id: { lt: cursor.id } }] } : {}),
  };
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      createdAt: true,
      shopId: true,
      action: true,
      targetType: true,
      targetId: true,
      outcome: true,
      details: true,
      actor: { select: { id: true, name: true, email: true } },
      shop: { select: { name: true } },
    },
  });
  const page = rows.slice(0, limit).map(
    (r): AuditRow => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      shopId: r.shopId!,
      shopName: r.shop?.name ?? "",
      actor: r.actor,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      outcome: r.outcome,
      orderNumber: stringField(r.details, "orderNumber"),
      // Cdiscount's words for a refused action; the desk's reason for a refused attempt.
      message: stringField(r.details, "marketplaceMessage") ?? stringField(r.details, "reason"),
      query: stringField(r.details, "query"),
    }),
  );
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
