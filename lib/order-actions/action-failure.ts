// Why an order action did not go through, recorded with it (the action's result, the
// timeline event's data) so that the seller can be told in words of their own language.
// Only a refusal Cdiscount made after looking at the action is called a refusal, quoted
// in its own words; anything else -- Cdiscount not answering, its sign-in refusing the
// password, a failure of the desk -- is worded by the desk, with whether the order may
// have changed at Cdiscount all the same. The action's lastError stays the technical
// record (logs, audit, API); it is never shown as something Cdiscount said.
import { MARKETPLACE_ERROR_KINDS, isMarketplaceError, type MarketplaceErrorKind } from "@/lib/cdiscount/errors";
import type { ValidationOutcome } from "@/lib/cdiscount/marketplace-client";
import type { RefundResult } from "@/lib/cdiscount/types";
import { AppError } from "@/lib/errors/app-error";

/**
 * A failure the desk words itself: a marketplace error kind other than a refusal, or one
 * of its own -- noResult: Cdiscount answered the call without this order's result;
 * readRefused: Cdiscount refused the desk's re-read of the order, not the action.
 */
export type UnansweredReason = Exclude<MarketplaceErrorKind, "business"> | "configuration" | "unexpected" | "noResult" | "readRefused";
const UNANSWERED_REASONS: readonly string[] = [...MARKETPLACE_ERROR_KINDS.filter((kind) => kind !== "business"), "configuration", "unexpected", "noResult", "readRefused"];

export type RecordedFailure =
  /**
   * Cdiscount looked at the action and said no: `message` is its own words, if it gave any.
   * `partly`: a refund of which Cdiscount accepted some lines and refused others.
   */
  | { reason: "refused"; message: string | null; partly?: true }
  /** The desk's last checks before sending stopped it: `detail` is theirs, never Cdiscount's. */
  | { reason: "notSent"; detail: string }
  /** "no": the order cannot have changed at Cdiscount; "unknown": it may have. */
  | { reason: UnansweredReason; applied: "no" | "unknown" };

/** What the seller is told about a failed attempt; `attempts` counts the sends so far. */
export type ActionFailure =
  | (RecordedFailure & { attempts: number })
  /** Recorded before the desk kept why (older rows): the stored text, shown as the desk's. */
  | { reason: "unrecorded"; detail: string | null; attempts: number };

/** Where the failing attempt was: before any call, re-reading the order, or sending the action. */
export type AttemptPhase = "setup" | "reread" | "send";

// Cdiscount turned these calls away before acting on them: its sign-in or the token
// refused, the quota reached, a SOAP fault (other than its internal error, filed as "server").
const TURNED_AWAY: ReadonlySet<MarketplaceErrorKind> = new Set(["authentication", "stsHtml", "token", "quota", "soapFault"]);

/**
 * The failure of an attempt. The order cannot have changed at Cdiscount when this attempt
 * wrote nothing there and no earlier one can have either: it is the first, each before it
 * failed that way too (`earlierChangedNothing`), or its re-read just showed the order
 * without the action (a failed send always follows one).
 */
export function failureOfError(error: unknown, { phase, earlierChangedNothing }: { phase: AttemptPhase; earlierChangedNothing: boolean }): RecordedFailure {
  const earlierVerified = earlierChangedNothing || phase === "send";
  const applied = (wroteNothing: boolean) => (wroteNothing && earlierVerified ? "no" : "unknown");
  if (!isMarketplaceError(error)) {
    return { reason: AppError.is(error, "CONFIGURATION") ? "configuration" : "unexpected", applied: applied(phase !== "send") };
  }
  if (error.kind === "business") {
    // The client's own checks throw a business error too, flagged as never sent.
    if (error.notSent) return { reason: "notSent", detail: error.marketplaceMessage ?? error.message };
    // Refusing the re-read of an order says nothing of the action sent before it.
    return phase === "send" ? { reason: "refused", message: error.marketplaceMessage ?? null } : { reason: "readRefused", applied: applied(true) };
  }
  return { reason: error.kind, applied: applied(phase !== "send" || error.notSent || error.operation === "STS" || TURNED_AWAY.has(error.kind)) };
}

/** Cdiscount's answer refusing one order: its own words, or the desk's checks before sending. */
export function failureOfValidation(outcome: ValidationOutcome): RecordedFailure {
  const messages = [...new Set([...outcome.errors, ...outcome.lineResults.flatMap((l) => l.errors)].map((e) => e.message).filter(Boolean))].join(" ");
  if (outcome.source === "local") return { reason: "notSent", detail: messages };
  return { reason: "refused", message: messages || null };
}

/** Cdiscount's answer refusing refund lines, in its own words. */
export function failureOfRefund(refund: RefundResult): RecordedFailure {
  const messages = refund.sellerRefunds.filter((r) => !r.success).map((r) => r.errorMessage).filter(Boolean);
  // Lines Cdiscount accepted are refunded, whatever it said of the others.
  const partly = refund.sellerRefunds.some((r) => r.success);
  return { reason: "refused", message: messages.join(" ") || null, ...(partly ? { partly: true as const } : {}) };
}

/** The text kept as the action's lastError: Cdiscount's words for a refusal, else `technical`. */
export function technicalRecord(failure: RecordedFailure, technical: string): string {
  if (failure.reason === "refused" && failure.message) return failure.message;
  if (failure.reason === "notSent") return failure.detail;
  return technical;
}

type JsonObject = Record<string, unknown>;
const jsonObject = (value: unknown): JsonObject | null => (value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : null);

function recordedFailure(value: unknown): RecordedFailure | null {
  const failure = jsonObject(value);
  if (!failure) return null;
  if (failure.reason === "refused") return { reason: "refused", message: typeof failure.message === "string" ? failure.message : null, ...(failure.partly === true ? { partly: true as const } : {}) };
  if (failure.reason === "notSent" && typeof failure.detail === "string") return { reason: "notSent", detail: failure.detail };
  if (UNANSWERED_REASONS.includes(String(failure.reason)) && (failure.applied === "no" || failure.applied === "unknown")) {
    return { reason: failure.reason as UnansweredReason, applied: failure.applied };
  }
  return null;
}

/** Whether a pending action's stored result (its last failure) says no call so far changed the order. */
export function nothingApplied(result: unknown): boolean {
  const failure = recordedFailure(jsonObject(result)?.failure);
  return failure !== null && "applied" in failure && failure.applied === "no";
}

// What older rows stored for a refusal Cdiscount gave no words for: the desk's, not Cdiscount's.
const OLD_PLACEHOLDERS = new Set(["ValidateOrderList: Validated=false without a message", "CreateRefundVoucher: refund line not accepted"]);
// What older rows stored when Cdiscount's answer had no result for the order: not a refusal.
const OLD_NO_RESULT = "Cdiscount returned no result for this order";

/**
 * Why a failed action failed, from its row. Rows from before the desk recorded it: one that
 * kept Cdiscount's answer was refused by Cdiscount (or, answered locally, by the desk's
 * checks) in the words stored; any other is told without naming who said what.
 */
export function failureOfAction(row: { lastError: string | null; result: unknown; attempts: number }): ActionFailure {
  const result = jsonObject(row.result);
  const recorded = recordedFailure(result?.failure);
  if (recorded) return { ...recorded, attempts: row.attempts };
  if (row.lastError === OLD_NO_RESULT) return { reason: "noResult", applied: "unknown", attempts: row.attempts };
  if (result?.source === "local") return { reason: "notSent", detail: row.lastError ?? "", attempts: row.attempts };
  if (result) return { reason: "refused", message: row.lastError && !OLD_PLACEHOLDERS.has(row.lastError) ? row.lastError : null, attempts: row.attempts };
  return { reason: "unrecorded", detail: row.lastError, attempts: row.attempts };
}

/** Why an attempt failed, from its timeline event (sent again later). */
export function failureOfEvent(event: { message: string | null; data: unknown }): ActionFailure {
  const data = jsonObject(event.data);
  const attempts = typeof data?.attempts === "number" ? data.attempts : 0;
  const recorded = recordedFailure(data?.failure);
  return recorded ? { ...recorded, attempts } : { reason: "unrecorded", detail: event.message, attempts };
}
