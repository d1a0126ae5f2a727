import { describe, expect, it } from "vitest";
import { DELIVERY_MODES, DELIVERY_MODE_CODES, deliveryModeLabel, requiresCarrierAndTracking } from "./delivery-modes";

describe("delivery modes", () => {
  for (const code of DELIVERY_MODE_CODES) {
    const required = code === "TRK" || code === "REG";
    it(`${code} ${required ? "requires" : "does not require"} carrier and tracking`, () => {
      expect(requiresCarrierAndTracking(code)).toBe(required);
    });
    it(`${code} has French and English labels`, () => {
      expect(DELIVERY_MODES[code].label.fr).not.toBe("");
      expect(deliveryModeLabel(code, "en")).toBe(DELIVERY_MODES[code].label.en);
    });
  }

  it("names suivi and recommandé as the brief does", () => {
    expect(deliveryModeLabel("TRK", "fr")).toBe("Suivi");
    expect(deliveryModeLabel("REG", "fr")).toBe("Recommandé");
  });

  it("shows an unknown code as sent and requires nothing of it", () => {
    expect(deliveryModeLabel("FST", "fr")).toBe("FST");
    expect(requiresCarrierAndTracking("FST")).toBe(false);
    expect(requiresCarrierAndTracking("trk")).toBe(false);
    expect(requiresCarrierAndTracking("constructor")).toBe(false);
  });

  it("handles a missing code", () => {
    expect(requiresCarrierAndTracking(null)).toBe(false);
    expect(deliveryModeLabel(null, "fr")).toBe("Non précisé");
    expect(deliveryModeLabel(undefined, "en")).toBe("Not specified");
  });
});
