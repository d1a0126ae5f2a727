// The export rule, apart from the session: of the shops a request reads, only those where
// the role holds orders.export; none left is FORBIDDEN, never an empty file.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import type { ShopMembership } from "@/lib/auth/access";
import { exportableShopIds } from "./export-access";

const member = (shopId: string, role: ShopMembership["role"]): ShopMembership => ({ shopId, shopName: shopId, shopDisabled: false, role });

describe("exportableShopIds", () => {
  // Every role holds orders.export today: the rule keeps the shops of the user's own.
  const memberships = [member("managed", "MANAGER"), member("sold", "SELLER"), member("run", "ADMIN")];

  it("keeps the read shops where the role may export, in the request's order", () => {
    expect(exportableShopIds(memberships, ["run", "sold", "managed"])).toEqual(["run", "sold", "managed"]);
  });

  it("never adds a shop the request does not read, nor one the user is not a member of", () => {
    expect(exportableShopIds(memberships, ["managed", "elsewhere"])).toEqual(["managed"]);
  });

  it("is FORBIDDEN when no read shop may be exported", () => {
    expect(() => exportableShopIds(memberships, ["elsewhere"])).toThrow(expect.objectContaining({ code: "FORBIDDEN" }) as AppError);
    expect(() => exportableShopIds(memberships, [])).toThrow(AppError);
  });
});
