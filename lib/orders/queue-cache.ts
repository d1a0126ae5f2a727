// What an action does to a cached queue page before the marketplace has answered: the
// order takes the status the action leads to (status.ts), leaves a bucket tab it no
// longer belongs to, and the tab counts follow. Pure, so the optimistic move and its
// rollback are plain data.
import { LATE_BUCKETS, isBucketView, type QueueView } from "./queue-params";
import { allowedActions, bucketOf, STATUS_AFTER_ACTION, type SellerAction } from "./status";
import type { QueuePage, QueueRow, QueueViewCounts } from "./queue";

export type CachedQueuePage = QueuePage & { counts: QueueViewCounts };

function adjust(counts: QueueViewCounts, view: QueueView, by: number): QueueViewCounts {
  const current = counts[view];
  // A capped count ("10 000+") stays as it is: we do not know the exact figure.
  if (!current || current.capped) return counts;
  return { ...counts, [view]: { ...current, count: Math.max(0, current.count + by) } };
}

/** The page as it will be once `action` on `orderId` succeeds; unchanged when the order is not known here. */
export function applyOrderAction(page: CachedQueuePage, view: QueueView, orderId: string, action: SellerAction): CachedQueuePage {
  const row = page.rows.find((r) => r.id === orderId);
  if (!row) return page;
  const status = STATUS_AFTER_ACTION[action];
  const bucket = bucketOf(status);
  const moved: QueueRow = { ...row, status, bucket, actions: allowedActions(status), deadline: (LATE_BUCKETS as readonly string[]).includes(bucket) ? row.deadline : null };
  let counts = page.counts;
  if (bucket !== row.bucket) counts = adjust(adjust(counts, row.bucket, -1), bucket, +1);
  if (row.deadline && !moved.deadline) counts = adjust(counts, "late", -1);
  const leavesView = (isBucketView(view) && bucket !== view) || (view === "late" && !moved.deadline);
  if (!leavesView) return { ...page, counts, rows: page.rows.map((r) => (r.id === orderId ? moved : r)) };
  return { ...page, counts, total: counts[view] ?? page.total, rows: page.rows.filter((r) => r.id !== orderId) };
}
