import { describe, expect, it } from "vitest";
import { timeOrderedId } from "./ids";

describe("timeOrderedId", () => {
  it("is a version-7 UUID whose order follows time", () => {
    const early = timeOrderedId(Date.UTC(2026, 0, 1));
    const late = timeOrderedId(Date.UTC(2026, 0, 1, 0, 0, 0, 1));
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early < late).toBe(true);
    expect(timeOrderedId()).not.toBe(timeOrderedId());
  });
});
