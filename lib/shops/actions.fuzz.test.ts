// Issue 7: the actions of a shop's admin pages under fuzzed input -- the shop itself
// (actions.ts), its members (lib/users), its API tokens (lib/api/tokens) and "sync now"
// (lib/sync) -- through the real action client and authorization on a real store (see
// lib/testing/request-scope.ts for what stands in for Next's request). Valid inputs may
// succeed here: a property then checks the caller held the permission in that shop just
// before, and that only the tables the action owns changed. Anything refused changes
// nothing; another shop is "not found", like a missing one; nothing reaches Cdiscount.
import "@/lib/testing/mock-next-request";
import fc from "fast-check";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { roleCan, ROLES, type Permission } from "@/lib/auth/permissions";
import { signInAsCaller, setupFuzzWorld, type Caller } from "@/lib/testing/fuzz-world";
import { fuzzRuns, hostileNumber, hostileString, missingId, NOT_FOUND_ANSWERS, orHostile, validOrNot, type ActionResult } from "@/lib/testing/fuzz";
import { cookies } from "@/lib/testing/request-scope";
import fr from "@/lib/i18n/messages/fr.json";
import { addMemberAction, removeMemberAction, setMemberRoleAction } from "@/lib/users/actions";
import { ZAddMemberInput, ZRemoveMemberInput, ZSetMemberRoleInput } from "@/lib/users/schemas";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api/tokens/actions";
import { ZCreateApiTokenInput, ZRevokeApiTokenInput } from "@/lib/api/tokens/schemas";
import { ZShopInput } from "@/lib/order-actions/schemas";
import { syncNowAction } from "@/lib/sync/actions";
import { createShopAction, selectShopAction, setShopDisabledAction, testShopConnectionAction, updateShopAction } from "./actions";
import { CURRENT_SHOP_COOKIE } from "./current-shop";
import { SHOP_ENVIRONMENTS, ZCreateShopInput, ZSetShopDisabledInput, ZUpdateShopInput } from "./schemas";

const fuzz = setupFuzzWorld(79);
const caller = fc.constantFrom<Caller>("admin", "admin", "seller", "manager", "nobody");

interface ShopActionSpec {
  action: (input: never) => Promise<unknown>;
  /** What the input must pass; its `shopId`, when it has one, is the shop acted on. */
  schema: z.ZodType;
  permission: Permission;
  /** A valid input's fields: the property sends it, mutated (see nearValid). */
  fields: Record<string, fc.Arbitrary<unknown>>;
  /** The tables a success may change (SQL names). */
  mayChange: string[];
  runs: number;
  /** More checks on a success. */
  succeeded?: (input: Record<string, unknown>, result: ActionResult) => Promise<void> | void;
}

async function roleIn(who: Caller, shopId: string) {
  if (who === "nobody") return null;
  return (await db.membership.findUnique({ where: { userId_shopId: { userId: fuzz.world.users[who].id, shopId } }, select: { role: true } }))?.role ?? null;
}

async function mayAnywhere(who: Caller, permission: Permission) {
  if (who === "nobody") return false;
  return (await db.membership.findMany({ where: { userId: fuzz.world.users[who].id } })).some((m) => roleCan(m.role, permission));
}

/**
 * The one property of every action here: a success only for a caller who held the right
 * (in the named shop, or in any shop for an action on none), touching only its tables;
 * a refusal says why in the words of the rule it broke.
 */
async function fuzzShopAction(spec: ShopActionSpec, examples: [Caller, unknown][] = []) {
  await fc.assert(
    fc.asyncProperty(caller, validOrNot(fc.record(spec.fields), Object.keys(spec.fields)), async (who, input) => {
      const parsed = spec.schema.safeParse(input);
      const shopId = parsed.success ? (parsed.data as { shopId?: string }).shopId : undefined;
      const role = shopId === undefined ? undefined : await roleIn(who, shopId);
      const allowed = shopId === undefined ? await mayAnywhere(who, spec.permission) : role !== null && roleCan(role!, spec.permission);
      signInAsCaller(fuzz.world, who);
      const { outcome, branch, changed } = await fuzz.probe.action(spec.action, input);
      if (branch === "data") {
        expect(parsed.success && allowed, "a success for a caller without the right").toBe(true);
        expect(changed.filter((t) => !spec.mayChange.includes(t))).toEqual([]);
        await spec.succeeded?.(parsed.data as Record<string, unknown>, outcome);
      } else if (who === "nobody") {
        expect(outcome.serverError ?? fr.errors.UNAUTHENTICATED).toBe(fr.errors.UNAUTHENTICATED);
      } else if (parsed.success && role === null) {
        expect(NOT_FOUND_ANSWERS).toContain(outcome.serverError);
      } else if (parsed.success && !allowed) {
        expect(outcome.serverError).toBe(fr.errors.FORBIDDEN);
      }
    }),
    { numRuns: fuzzRuns(spec.runs), examples },
  );
}

const world = () => fuzz.world;
/** Every shop there is to name: the callers', another one, and none. */
const anyShopId = () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(world().mine.shopId, world().spare.shopId, world().foreign.shopId) }, { weight: 1, arbitrary: missingId });
/**
 * The shop whose settings may change: the spare one, or shops the callers are not in. A
 * shop stays on the sandbox: another environment would send a legitimate sync or connection
 * test to Cdiscount's real servers.
 */
const settingsShopId = () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(world().spare.shopId, world().foreign.shopId) }, { weight: 1, arbitrary: missingId });
const shopFields = () => ({
  name: orHostile(fc.constantFrom("Boutique", "Boutique «été» 😀")),
  apiLogin: orHostile(fc.constant("boutique-api")),
  environment: fc.constant("SANDBOX"),
  syncIntervalMinutes: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(1, 15, "15", 1440) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(1441, 0, "1e3"), hostileNumber) }),
  initialImportDays: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(30, "90") }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(91, "9e1"), hostileNumber) }),
});
const memberId = () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(world().users.seller.id, world().users.manager.id, world().users.outsider.id) }, { weight: 1, arbitrary: missingId });

describe("a shop's admin actions under fuzzed input [FUZZ]", () => {
  it("selectShopAction: only a shop of the caller's becomes the current one", async () => {
    await fuzzShopAction({
      action: selectShopAction,
      schema: ZShopInput,
      permission: "orders.read",
      fields: { shopId: anyShopId() },
      mayChange: [],
      runs: 40,
      succeeded: async ({ shopId }) => expect((await cookies()).get(CURRENT_SHOP_COOKIE)?.value).toBe(shopId),
    });
  });

  it("testShopConnectionAction: only the shop's admin may test it, and it writes nothing", async () => {
    await fuzzShopAction({
      action: testShopConnectionAction,
      schema: ZShopInput,
      permission: "shop.manage",
      fields: { shopId: anyShopId() },
      mayChange: [],
      runs: 20,
    });
  });

  it("createApiTokenAction and revokeApiTokenAction: tokens of the admin's shops only; another shop's token is not found", async () => {
    await fuzzShopAction({
      action: createApiTokenAction,
      schema: ZCreateApiTokenInput,
      permission: "shop.manage",
      fields: { shopId: anyShopId(), name: orHostile(fc.constant("ERP")) },
      mayChange: ["ApiToken", "AuditLog"],
      runs: 40,
    });
    await fuzzShopAction(
      {
        action: revokeApiTokenAction,
        schema: ZRevokeApiTokenInput,
        permission: "shop.manage",
        fields: { shopId: anyShopId(), tokenId: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(world().mine.token.id, world().foreign.token.id) }, { weight: 1, arbitrary: missingId }) },
        mayChange: ["ApiToken", "AuditLog"],
        runs: 40,
        succeeded: ({ tokenId }) => expect(tokenId).toBe(world().mine.token.id),
      },
      [["admin", { shopId: world().mine.shopId, tokenId: world().foreign.token.id }]],
    );
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: world().foreign.token.id } })).toMatchObject({ revokedAt: null });
  });

  it("addMemberAction, setMemberRoleAction, removeMemberAction: members of the admin's shops only, never the last admin", async () => {
    const email = orHostile(fc.oneof(fc.constantFrom(...Object.values(world().users).map((u) => u.email), "nouveau@fuzz.test", " NOUVEAU@FUZZ.TEST "), fc.emailAddress()));
    await fuzzShopAction({
      action: addMemberAction,
      schema: ZAddMemberInput,
      permission: "users.manage",
      fields: {
        shopId: anyShopId(),
        email,
        name: fc.option(orHostile(fc.constant("Nouveau")), { nil: undefined, freq: 4 }),
        password: fc.option(orHostile(fc.constant("mot-de-passe-long")), { nil: undefined, freq: 4 }),
        role: fc.constantFrom(...ROLES),
      },
      mayChange: ["User", "Membership", "AuditLog"],
      runs: 40,
    });
    await fuzzShopAction({
      action: setMemberRoleAction,
      schema: ZSetMemberRoleInput,
      permission: "users.manage",
      fields: { shopId: anyShopId(), userId: memberId(), role: fc.constantFrom(...ROLES) },
      mayChange: ["Membership", "AuditLog"],
      runs: 40,
    });
    await fuzzShopAction({
      action: removeMemberAction,
      schema: ZRemoveMemberInput,
      permission: "users.manage",
      fields: { shopId: anyShopId(), userId: memberId() },
      mayChange: ["Membership", "AuditLog"],
      runs: 40,
    });
    // The admin never targeted themselves: every shop they ran still has them as its admin.
    for (const shopId of [world().mine.shopId, world().spare.shopId]) expect(await roleIn("admin", shopId)).toBe("ADMIN");
  });

  it("syncNowAction: only a member starts a sync of their shop", async () => {
    // Only the spare shop can be started: it has no API password yet, so its run stops at
    // once in the background, before writing anything (the settings property comes after).
    await fuzzShopAction({
      action: syncNowAction,
      schema: ZShopInput,
      permission: "orders.read",
      fields: { shopId: settingsShopId() },
      // The request's own audit row (who asked for the sync); the run writes nothing.
      mayChange: ["AuditLog"],
      runs: 20,
    });
  });

  it("createShopAction, updateShopAction, setShopDisabledAction: settings change in the admin's shops only", async () => {
    await fuzzShopAction({
      action: createShopAction,
      schema: ZCreateShopInput,
      permission: "shop.manage",
      fields: { ...shopFields(), environment: fc.constantFrom(...SHOP_ENVIRONMENTS), apiPassword: orHostile(fc.constant("secret")) },
      mayChange: ["Shop", "Membership", "SyncState", "AuditLog"],
      runs: 40,
    });
    await fuzzShopAction({
      action: updateShopAction,
      schema: ZUpdateShopInput,
      permission: "shop.manage",
      fields: { shopId: settingsShopId(), ...shopFields(), apiPassword: fc.option(hostileString, { nil: undefined }) },
      mayChange: ["Shop", "AuditLog"],
      runs: 40,
    });
    await fuzzShopAction({
      action: setShopDisabledAction,
      schema: ZSetShopDisabledInput,
      permission: "shop.manage",
      fields: { shopId: settingsShopId(), disabled: fc.boolean() },
      mayChange: ["Shop", "AuditLog"],
      runs: 20,
    });
    expect(await db.shop.findUniqueOrThrow({ where: { id: world().foreign.shopId } })).toMatchObject({ disabledAt: null, name: "fuzz-foreign-api" });
  });
});
