// The seller's bulk shipment in a process of its own, for the crash suite to kill at a
// random point: the request comes from a JSON file; the product's own path runs it
// (plan, outbox, dispatch to the sandbox, re-read) on DATABASE_URL. Run with
// `node --conditions=react-server --import tsx` (server-only modules).
import { readFileSync } from "node:fs";
import { db } from "@/lib/db/client";
import type { ShopAccess } from "@/lib/auth/access";
import { tallyOutcomes } from "@/lib/order-actions/action-outcome";
import { executeBulkShipment } from "@/lib/order-actions/execute-bulk-shipment";
import type { BulkShipInput } from "@/lib/order-actions/schemas";

const request = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as { access: ShopAccess; input: BulkShipInput };
console.log("BULK_SHIP_STARTED");
const { outcomes } = await executeBulkShipment(db, request);
console.log(`BULK_SHIP_DONE ${JSON.stringify(tallyOutcomes(outcomes.map((o) => o.outcome)))}`);
await db.$disconnect();
