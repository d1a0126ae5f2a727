import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, roleCan } from "./permissions";

const EXPECTED = {
  SELLER: ["orders.read", "orders.act", "orders.export"],
  MANAGER: ["orders.read", "orders.review", "orders.export"],
  ADMIN: [...PERMISSIONS],
} as const;

describe("role permissions", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = (EXPECTED[role] as readonly string[]).includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => expect(roleCan(role, permission)).toBe(allowed));
    }
  }

  it("a manager reads and reviews but cannot act on orders", () => {
    expect(roleCan("MANAGER", "orders.act")).toBe(false);
    expect(roleCan("MANAGER", "orders.review")).toBe(true);
  });
});
