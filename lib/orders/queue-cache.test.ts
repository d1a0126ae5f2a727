import { describe, expect, it } from "vitest";
import { applyOrderAction, type CachedQueuePage } from "./queue-cache";
import { QUEUE_VIEWS } from "./queue-params";
import type { QueueRow, QueueViewCounts } from "./queue";

const row = (id: string, over: Partial<QueueRow> = {}): QueueRow => ({
  id,
  shopId: "s",
  orderNumber: `N${id}`,
  status: "WaitingForSellerAcceptation",
  bucket: "NEW",
  marketplaceCreatedAt: "2026-11-20T10:00:00.000Z",
  customer: { firstName: "Zoé", lastName: "Martin" },
  amount: "29.90",
  shippingCode: "TRK",
  shippingDateMax: "2026-11-21T10:00:00.000Z",
  deadline: "overdue",
  fulfillmentType: null,
  carrierName: null,
  trackingNumber: null,
  hasClaims: false,
  actions: ["accept", "refuse"],
  ...over,
});

function page(rows: QueueRow[], counts: Partial<Record<keyof QueueViewCounts, number>>): CachedQueuePage {
  const all = Object.fromEntries(QUEUE_VIEWS.map((v) => [v, { count: counts[v] ?? 0, capped: false }])) as QueueViewCounts;
  return { rows, total: all.NEW, nextCursor: null, prevCursor: null, counts: all };
}

describe("applyOrderAction", () => {
  it("a refused order leaves the New tab for Canceled, and the late view", () => {
    const next = applyOrderAction(page([row("1"), row("2")], { NEW: 2, CANCELED: 5, late: 2 }), "NEW", "1", "refuse");
    expect(next.rows.map((r) => r.id)).toEqual(["2"]);
    expect(next.counts.NEW.count).toBe(1);
    expect(next.counts.CANCELED.count).toBe(6);
    expect(next.counts.late.count).toBe(1);
    expect(next.total.count).toBe(1);
  });

  it("an accepted order stays in New with its new status and no buttons", () => {
    const next = applyOrderAction(page([row("1")], { NEW: 1 }), "NEW", "1", "accept");
    expect(next.rows[0]).toMatchObject({ status: "AcceptedBySeller", bucket: "NEW", actions: [] });
    expect(next.counts.NEW.count).toBe(1);
  });

  it("a shipped order moves from Waiting for shipment to Shipped", () => {
    const waiting = row("1", { status: "WaitingForShipmentAcceptation", bucket: "WAITING_SHIPMENT", actions: ["ship", "refuseShipment"] });
    const next = applyOrderAction(page([waiting], { WAITING_SHIPMENT: 3, SHIPPED: 10 }), "WAITING_SHIPMENT", "1", "ship");
    expect(next.rows).toEqual([]);
    expect(next.counts.WAITING_SHIPMENT.count).toBe(2);
    expect(next.counts.SHIPPED.count).toBe(11);
  });

  it("leaves capped counts and unknown orders alone", () => {
    const capped = page([row("1")], {});
    capped.counts.NEW = { count: 10_000, capped: true };
    expect(applyOrderAction(capped, "NEW", "1", "refuse").counts.NEW).toEqual({ count: 10_000, capped: true });
    const untouched = page([row("1")], { NEW: 1 });
    expect(applyOrderAction(untouched, "NEW", "other", "refuse")).toBe(untouched);
  });
});
