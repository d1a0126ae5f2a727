import { describe, expect, it } from "vitest";
import {
  BUCKETS,
  DISPLAYED_STATUSES,
  ORDER_LEVEL_STATES,
  ORDER_STATUS_NAMES,
  OTHER_STATUS,
  SELLER_ACTIONS,
  allowedActions,
  bucketOf,
  canPerform,
  deriveDisplayedStatus,
  hidesCustomer,
  isDisplayedStatus,
  statusInfo,
  statusesInBucket,
  type SellerAction,
} from "./status";

// The product brief's lists, verbatim. The brief announces "19 statuses" but its four
// lists name 18 distinct ones; the table holds exactly those it names.
const BRIEF = {
  NEW: ["WaitingForSellerAcceptation", "AcceptedBySeller", "ValidatedFianet", "PaymentInProgress"],
  WAITING_SHIPMENT: ["WaitingForShipmentAcceptation"],
  SHIPPED: ["Shipped", "ShippedBySeller", "PickedUp"],
  CANCELED: [
    "PaymentRefused",
    "AutomaticCancellation",
    "ShipmentRefusedBySeller",
    "CancelledByCustomer",
    "RefusedNoShipment",
    "CancelledBeforePaymentByCustomer",
    "CancelledBeforeNotificationByCustomer",
    "CancellationRequestPending",
    "NonPickedUpByCustomer",
    "RefusedBySeller",
  ],
} as const;

const EXPECTED_ACTIONS: Record<string, SellerAction[]> = {
  WaitingForSellerAcceptation: ["accept", "refuse"],
  WaitingForShipmentAcceptation: ["ship", "refuseShipment"],
  Shipped: ["refund"],
};

describe("status table", () => {
  it("holds exactly the statuses the brief lists", () => {
    expect(ORDER_STATUS_NAMES).toHaveLength(18);
    expect([...ORDER_STATUS_NAMES].sort()).toEqual(Object.values(BRIEF).flat().sort());
  });

  for (const [bucket, statuses] of Object.entries(BRIEF)) {
    for (const status of statuses) {
      it(`${status} is in the ${bucket} bucket`, () => expect(bucketOf(status)).toBe(bucket));
    }
    it(`the ${bucket} bucket holds exactly the brief's statuses`, () => {
      expect(statusesInBucket(bucket as keyof typeof BRIEF)).toEqual([...statuses]);
    });
  }

  for (const status of DISPLAYED_STATUSES) {
    it(`${status} has French and English labels and meanings`, () => {
      const info = statusInfo(status);
      for (const locale of ["fr", "en"] as const) {
        expect(info.label[locale].trim()).not.toBe("");
        expect(info.meaning[locale].trim()).not.toBe("");
      }
      expect(info.label.fr).not.toBe(info.meaning.fr);
    });

    for (const action of SELLER_ACTIONS) {
      const allowed = (EXPECTED_ACTIONS[status] ?? []).includes(action);
      it(`${status} ${allowed ? "allows" : "forbids"} ${action}`, () => expect(canPerform(status, action)).toBe(allowed));
    }

    it(`${status} ${status === "PaymentInProgress" ? "hides" : "shows"} the customer`, () => {
      expect(hidesCustomer(status)).toBe(status === "PaymentInProgress");
    });
  }

  it("accept/refuse only at WaitingForSellerAcceptation, ship only at WaitingForShipmentAcceptation, refund only at Shipped", () => {
    const holders = (action: SellerAction) => DISPLAYED_STATUSES.filter((s) => canPerform(s, action));
    expect(holders("accept")).toEqual(["WaitingForSellerAcceptation"]);
    expect(holders("refuse")).toEqual(["WaitingForSellerAcceptation"]);
    expect(holders("ship")).toEqual(["WaitingForShipmentAcceptation"]);
    expect(holders("refuseShipment")).toEqual(["WaitingForShipmentAcceptation"]);
    expect(holders("refund")).toEqual(["Shipped"]);
    expect(allowedActions("PaymentInProgress")).toEqual([]);
  });

  it("puts Other in its own bucket, with no action", () => {
    expect(bucketOf(OTHER_STATUS)).toBe("OTHER");
    expect(allowedActions(OTHER_STATUS)).toEqual([]);
    expect(BUCKETS).toEqual(["NEW", "WAITING_SHIPMENT", "SHIPPED", "CANCELED", "OTHER"]);
  });

  it("requests only order-level states from the marketplace", () => {
    expect(ORDER_LEVEL_STATES).not.toContain("ShippedBySeller");
    expect(ORDER_LEVEL_STATES).not.toContain("CancellationRequestPending");
    expect(ORDER_LEVEL_STATES).toContain("WaitingForSellerAcceptation");
    expect(ORDER_LEVEL_STATES).toHaveLength(14);
  });

  it("recognises displayed statuses, and nothing from the prototype chain", () => {
    expect(isDisplayedStatus("Shipped")).toBe(true);
    expect(isDisplayedStatus("Other")).toBe(true);
    expect(isDisplayedStatus("toString")).toBe(false);
    expect(isDisplayedStatus("shipped")).toBe(false);
  });
});

describe("deriveDisplayedStatus", () => {
  it("keeps every order-level state of the brief as is", () => {
    for (const state of ORDER_LEVEL_STATES) expect(deriveDisplayedStatus({ orderState: state, lineStates: [] })).toBe(state);
  });

  it("maps states outside the brief, known or not, to Other", () => {
    for (const state of ["None", "AvailableOnStore", "BlockedFraudSuspicion", "SomethingNew2030", ""]) {
      expect(deriveDisplayedStatus({ orderState: state, lineStates: ["None"] })).toBe(OTHER_STATUS);
    }
  });

  it("shows a pending cancellation request on any line of an accepted, unshipped order", () => {
    for (const state of ["AcceptedBySeller", "WaitingForShipmentAcceptation", "ValidatedFianet", "PaymentInProgress"]) {
      expect(deriveDisplayedStatus({ orderState: state, lineStates: ["AcceptedBySeller", "CancellationRequestPending"] })).toBe(
        "CancellationRequestPending",
      );
    }
    // Once shipped, the order state wins.
    expect(deriveDisplayedStatus({ orderState: "Shipped", lineStates: ["CancellationRequestPending"] })).toBe("Shipped");
  });

  it("shows the precise reason of a customer cancellation when every line carries it", () => {
    expect(deriveDisplayedStatus({ orderState: "CancelledByCustomer", lineStates: ["CancelledBeforePaymentByCustomer"] })).toBe(
      "CancelledBeforePaymentByCustomer",
    );
    expect(
      deriveDisplayedStatus({
        orderState: "CancelledByCustomer",
        lineStates: ["CancelledBeforeNotificationByCustomer", "CancelledBeforeNotificationByCustomer"],
      }),
    ).toBe("CancelledBeforeNotificationByCustomer");
    // Mixed reasons, or none: the order state.
    expect(
      deriveDisplayedStatus({
        orderState: "CancelledByCustomer",
        lineStates: ["CancelledBeforePaymentByCustomer", "CancelledBeforeNotificationByCustomer"],
      }),
    ).toBe("CancelledByCustomer");
    expect(deriveDisplayedStatus({ orderState: "CancelledByCustomer", lineStates: [] })).toBe("CancelledByCustomer");
    // A seller refusal keeps its own status even when Cdiscount marks the lines as a customer cancellation (recorded case).
    expect(deriveDisplayedStatus({ orderState: "RefusedBySeller", lineStates: ["CancelledBeforePaymentByCustomer"] })).toBe("RefusedBySeller");
  });

  it("shows ShippedBySeller when every line is shipped but the order still awaits shipment", () => {
    expect(deriveDisplayedStatus({ orderState: "WaitingForShipmentAcceptation", lineStates: ["ShippedBySeller", "ShippedBySeller"] })).toBe(
      "ShippedBySeller",
    );
    expect(deriveDisplayedStatus({ orderState: "WaitingForShipmentAcceptation", lineStates: ["ShippedBySeller", "AcceptedBySeller"] })).toBe(
      "WaitingForShipmentAcceptation",
    );
    // A Shipped order whose lines were never updated (recorded case) stays Shipped.
    expect(deriveDisplayedStatus({ orderState: "Shipped", lineStates: ["None"] })).toBe("Shipped");
  });

  it("ignores missing line states", () => {
    expect(deriveDisplayedStatus({ orderState: "WaitingForShipmentAcceptation", lineStates: [null, undefined, ""] })).toBe(
      "WaitingForShipmentAcceptation",
    );
  });
});
