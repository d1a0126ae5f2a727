// The seller's words for a failed action, shared by the server (an action's outcome) and
// the order's timeline in the browser. Cdiscount is quoted only where it refused; the
// desk words everything else, reusing "Tester la connexion"'s explanation where the
// seller has something to fix (the API password, the server's address, the account).
import type { createTranslator, Messages } from "next-intl";
import type { ActionFailure } from "./action-failure";

/** A translator over all the messages (getTranslations() on the server, useTranslations() in the browser). */
export type RootTranslator = ReturnType<typeof createTranslator<Messages, never>>;

/** Failures whose explanation and advice are the shop connection test's own. */
const CONNECTION_WORDS = new Set(["authentication", "stsHtml", "token", "configuration"] as const);
const isConnectionReason = (reason: string): reason is "authentication" | "stsHtml" | "token" | "configuration" => CONNECTION_WORDS.has(reason as never);

/** What went wrong, without what became of the action (the timeline says "next attempt on ..."). */
export function failureCause(failure: ActionFailure, t: RootTranslator): string {
  switch (failure.reason) {
    case "refused":
      if (failure.partly) return t("orderActions.failure.refusedPartly", { message: failure.message ?? "—" });
      return failure.message ? t("orderActions.failure.refused", { message: failure.message }) : t("orderActions.failure.refusedWithoutReason");
    case "notSent":
      // The checks' own sentence sits inside ours: its final stop would double ours.
      return t("orderActions.failure.notSent", { detail: failure.detail.replace(/[\s.]+$/, "") });
    default:
      return isConnectionReason(failure.reason) ? t(`connection.errors.${failure.reason}`) : t(`orderActions.failure.causes.${failure.reason}`);
  }
}

/**
 * Whether the order may have changed at Cdiscount despite the failure: "no" for a whole
 * refusal or an action never sent; "unknown" for a refund refused in part and for a row
 * stored before the desk kept why. The seller's words and the API's cdiscount_applied.
 */
export function cdiscountApplied(failure: ActionFailure): "no" | "unknown" {
  switch (failure.reason) {
    case "refused":
      return failure.partly ? "unknown" : "no";
    case "notSent":
      return "no";
    case "unrecorded":
      return "unknown";
    default:
      return failure.applied;
  }
}

/** What went wrong, whether the order may have changed at Cdiscount, and what to do. */
export function failureWords(failure: ActionFailure, t: RootTranslator): string {
  const cause = failureCause(failure, t);
  // A refusal's own words already say what became of it (refusedPartly: check at Cdiscount).
  if (failure.reason === "refused" || failure.reason === "notSent") return cause;
  return `${cause} ${t(cdiscountApplied(failure) === "no" ? "orderActions.failure.notApplied" : "orderActions.failure.mayBeApplied", { attempts: failure.attempts })}`;
}
