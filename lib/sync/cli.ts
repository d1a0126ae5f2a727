// npm run sync -- --shop <id> [--kind incremental|sweep]
// One sync run from the command line, against the shop's configured environment.
import { parseArgs } from "node:util";
import { loadLocalEnv } from "@/lib/launcher/env-file";
import { runShopSync } from "./run";

const { values } = parseArgs({ options: { shop: { type: "string" }, kind: { type: "string", default: "incremental" } } });
if (!values.shop) {
  console.error("usage: npm run sync -- --shop <shopId> [--kind incremental|sweep]");
  process.exit(2);
}
loadLocalEnv();
const result = await runShopSync(values.shop, values.kind === "sweep" ? "DAILY_SWEEP" : "INCREMENTAL");
if (!("runId" in result)) {
  console.log("Another syncer is working on this shop right now.");
  process.exit(0);
}
const c = result.counts;
console.log(`${result.status}: ${c.newCount} new, ${c.updatedCount} updated, ${c.unchangedCount} unchanged, ${c.skippedCount} skipped (other partners)${c.unreadableCount ? `, ${c.unreadableCount} unreadable` : ""}`);
if (result.error) console.error(result.error);
process.exit(result.status === "SUCCEEDED" ? 0 : 1);
