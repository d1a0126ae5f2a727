// The outbox's background half: what the seller's request could not finish -- retries
// after a transient failure, actions whose sender died -- is sent by the scheduler.
import "server-only";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/logging/logger";
import { dispatchMarketplaceActions, type DispatchOptions, type DispatchReport } from "./dispatch-marketplace-actions";

export async function drainMarketplaceActions(db: Db, options: Omit<DispatchOptions, "actionIds"> = {}): Promise<DispatchReport> {
  const report = await dispatchMarketplaceActions(db, options);
  if (report.failed || report.retrying) {
    logger.warn({ module: "order-actions", succeeded: report.succeeded, failed: report.failed, retrying: report.retrying }, "outbox drain: some actions failed or wait for a retry");
  }
  return report;
}
