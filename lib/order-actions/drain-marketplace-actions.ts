// The outbox's background half: what the seller's request could not finish -- retries
// after a transient failure, actions whose sender died -- is sent by the scheduler.
import "server-only";
import type { Db } from "@/lib/db/client";
import { dispatchMarketplaceActions, type DispatchOptions, type DispatchReport } from "./dispatch-marketplace-actions";

export async function drainMarketplaceActions(db: Db, options: Omit<DispatchOptions, "actionIds"> = {}): Promise<DispatchReport> {
  const report = await dispatchMarketplaceActions(db, options);
  if (report.failed || report.retrying) {
    console.warn(`[order-actions] drain: ${report.succeeded} succeeded, ${report.failed} failed, ${report.retrying} to retry`);
  }
  return report;
}
