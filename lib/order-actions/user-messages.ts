// Words for the seller, in their language: the use cases name problems and outcomes,
// the server actions word them here. Statuses are shown with their label from
// lib/orders/status.ts; a refusal by Cdiscount is quoted as Cdiscount wrote it, any other
// failure is worded by the desk (failure-words.ts).
import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { returnValidationErrors } from "next-safe-action";
import { AppError } from "@/lib/errors/app-error";
import { resolveLocale } from "@/lib/i18n/config";
import { isDisplayedStatus, statusInfo } from "@/lib/orders/status";
import { tallyOutcomes, type BulkItemOutcome } from "./action-outcome";
import { failureWords } from "./failure-words";
import { isOrderActionError, type UserProblem } from "./problems";

export interface OrderActionMessages {
  problem(problem: UserProblem): string;
  outcome(outcome: BulkItemOutcome): string;
  bulkSummary(outcomes: readonly BulkItemOutcome[]): string;
}

export async function orderActionMessages(): Promise<OrderActionMessages> {
  const [t, tErrors, tAll, locale] = await Promise.all([getTranslations("orderActions"), getTranslations("errors"), getTranslations(), getLocale().then(resolveLocale)]);
  const statusLabel = (status: string | null) => (status && isDisplayedStatus(status) ? statusInfo(status).label[locale] : (status ?? "?"));

  function problem({ key, values = {} }: UserProblem): string {
    const worded = Object.fromEntries(Object.entries(values).map(([name, v]) => [name, name === "status" ? statusLabel(String(v)) : v]));
    return t(`problems.${key}`, worded);
  }

  function outcome(o: BulkItemOutcome): string {
    switch (o.status) {
      case "succeeded":
        return t("outcome.succeeded", { status: statusLabel(o.orderStatus) });
      case "failed":
        return failureWords(o.failure, tAll);
      case "queued":
        return t("outcome.queued");
      case "inProgress":
        return t("outcome.inProgress");
      case "rejected":
        return o.problem ? problem(o.problem) : tErrors(o.code, { reference: "" });
    }
  }

  function bulkSummary(outcomes: readonly BulkItemOutcome[]): string {
    const { succeeded, failed, queued, inProgress, rejected } = tallyOutcomes(outcomes);
    // Only what Cdiscount itself refused is counted as refused.
    const refused = outcomes.filter((o) => o.status === "failed" && o.failure.reason === "refused").length;
    return t("bulk.summary", { succeeded, refused, failed: failed - refused, queued: queued + inProgress, rejected });
  }

  return { problem, outcome, bulkSummary };
}

type ActionSchema = Parameters<typeof returnValidationErrors>[0];

/**
 * Runs a use case for a server action: field errors become the action's validation
 * errors (next to the form's fields), other refusals get their message worded.
 */
export async function withUserMessages<T>(schema: ActionSchema, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (AppError.is(error, "INVALID_INPUT") && error.fieldErrors) {
      const formatted = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, errors]) => [field, { _errors: errors }]));
      returnValidationErrors(schema, formatted as never);
    }
    if (isOrderActionError(error)) {
      throw new AppError(error.code, { message: error.message, userMessage: (await orderActionMessages()).problem(error.problem), cause: error });
    }
    throw error;
  }
}
