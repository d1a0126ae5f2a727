import { describe, expect, it } from "vitest";
import { fulfillmentOf } from "./fulfillment";

describe("fulfillmentOf", () => {
  it("reads MKPFBC and EXTFBC from ModGesLog", () => {
    expect(fulfillmentOf({ modGesLog: "MKPFBC", isCLogistiqueOrder: true })).toEqual({ fulfillmentType: "MKPFBC", deliveredByMarketplace: true });
    expect(fulfillmentOf({ modGesLog: "EXTFBC", isCLogistiqueOrder: false })).toEqual({ fulfillmentType: "EXTFBC", deliveredByMarketplace: true });
  });

  it("treats a seller-shipped order (MKPCDS) as not delivered by the marketplace", () => {
    expect(fulfillmentOf({ modGesLog: "MKPCDS", isCLogistiqueOrder: false })).toEqual({ fulfillmentType: null, deliveredByMarketplace: false });
    expect(fulfillmentOf({})).toEqual({ fulfillmentType: null, deliveredByMarketplace: false });
  });

  it("trusts IsCLogistiqueOrder when ModGesLog is missing or unusual", () => {
    expect(fulfillmentOf({ modGesLog: null, isCLogistiqueOrder: true })).toEqual({ fulfillmentType: "MKPFBC", deliveredByMarketplace: true });
    expect(fulfillmentOf({ modGesLog: "XYZ", isCLogistiqueOrder: true })).toEqual({ fulfillmentType: "MKPFBC", deliveredByMarketplace: true });
  });
});
