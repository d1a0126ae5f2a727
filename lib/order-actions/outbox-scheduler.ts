// Sends, every few seconds, the outbox actions a request could not finish (a transient
// marketplace failure, a sender that died). Separate from the sync tick so that a long
// sync never delays a retry; claims make it safe in every app instance.
import "server-only";
import { Cron } from "croner";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logging/logger";
import { drainMarketplaceActions } from "./drain-marketplace-actions";

const log = logger.child({ module: "order-actions" });

let job: Cron | undefined;

export function startOutboxScheduler(): Cron {
  job ??= new Cron(
    "*/5 * * * * *",
    {
      protect: true,
      name: "marketplace-actions",
      catch: (error: unknown) => log.error({ err: error }, "outbox drain failed"),
    },
    async () => {
      await drainMarketplaceActions(db);
    },
  );
  return job;
}

export function stopOutboxScheduler(): void {
  job?.stop();
  job = undefined;
}
