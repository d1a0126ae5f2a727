// Runs once per server process: starts the order sync scheduler (DESK_SCHEDULER=off
// disables it, as the end-to-end tests do).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.DESK_SCHEDULER === "off") return;
  const { startSyncScheduler } = await import("./lib/sync/scheduler");
  startSyncScheduler();
}
