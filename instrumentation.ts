// Runs once per server process: checks the key that encrypts Cdiscount passwords, then
// starts the order sync scheduler and the outbox's retry loop (DESK_SCHEDULER=off
// disables both, as the end-to-end tests do).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ logger }, { parseEncryptionKey }] = await Promise.all([import("./lib/logging/logger"), import("./lib/crypto/secret-box")]);
  try {
    parseEncryptionKey(process.env.DESK_ENCRYPTION_KEY);
  } catch (error) {
    // Said at start rather than at the first sync: no shop can reach Cdiscount without it.
    logger.error({ err: error }, "Cdiscount API passwords cannot be encrypted or read");
  }
  if (process.env.DESK_SCHEDULER === "off") return;
  const [{ startSyncScheduler }, { startOutboxScheduler }] = await Promise.all([import("./lib/sync/scheduler"), import("./lib/order-actions/outbox-scheduler")]);
  startSyncScheduler();
  startOutboxScheduler();
  logger.info({ module: "scheduler" }, "order sync and outbox schedulers started");
}
