// Runs once per server process: starts the order sync scheduler and the outbox's retry
// loop (DESK_SCHEDULER=off disables both, as the end-to-end tests do).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.DESK_SCHEDULER === "off") return;
  const [{ startSyncScheduler }, { startOutboxScheduler }] = await Promise.all([import("./lib/sync/scheduler"), import("./lib/order-actions/outbox-scheduler")]);
  startSyncScheduler();
  startOutboxScheduler();
}
