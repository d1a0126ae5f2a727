// The one action client. Every server action returns next-safe-action's result
// ({ data } | { serverError } | { validationErrors }); expected failures (AppError)
// reach the user as a readable message, anything else as a generic one with a
// reference to find it in the logs.
import "server-only";
import { randomUUID } from "node:crypto";
import { createSafeActionClient } from "next-safe-action";
import { getTranslations } from "next-intl/server";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/logging/logger";
import { currentActor } from "@/lib/auth/authorize";
import { actorAccess } from "@/lib/auth/access";
import { recordRefusal } from "@/lib/audit/record-refusal";
import { db } from "@/lib/db/client";
import type { Permission } from "@/lib/auth/permissions";

export const actionClient = createSafeActionClient({
  defaultValidationErrorsShape: "flattened",
  async handleServerError(error) {
    const t = await getTranslations("errors");
    if (error instanceof AppError && error.code !== "INTERNAL" && error.code !== "CONFIGURATION") {
      return error.userMessage ?? t(error.code);
    }
    const reference = randomUUID().slice(0, 8);
    logger.error({ module: "action", reference, err: error }, "server action failed");
    return t("INTERNAL", { reference });
  },
});

/** Signed-in users only; the body then asks `ctx.authorize` for the permission it needs. */
export const authedActionClient = actionClient.use(async ({ next }) => {
  const actor = await currentActor();
  async function authorizeShop(permission: Permission, shopId: string) {
    try {
      return await actorAccess(actor, permission, { shopId });
    } catch (error) {
      // A member trying what their role may not do: the shop's audit log keeps the attempt.
      // (An outsider gets NOT_FOUND and leaves no row in a shop they have nothing to do with.)
      if (AppError.is(error, "FORBIDDEN")) {
        await recordRefusal(db, { actorId: actor.id, shopId, action: "access.denied", targetType: "shop", targetId: shopId, reason: error.message, details: { permission } });
      }
      throw error;
    }
  }
  function authorizeAnyShop(permission: Permission) {
    return actorAccess(actor, permission, { anyShop: true });
  }
  return next({ ctx: { actor, authorizeShop, authorizeAnyShop } });
});
