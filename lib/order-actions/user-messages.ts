// Words for the seller, in their language: the use cases name problems and outcomes,
// the server actions word them here. Statuses are shown with their label from
// lib/orders/status.ts; Cdiscount's messages are shown as Cdiscount wrote them.
import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { returnValidationErrors } from "next-safe-action";
import { AppError } from "@/lib/errors/app-error";
import { resolveLocale } from "@/lib/i18n/config";
import { isDisplayedStatus, statusInfo } from "@/lib/orders/status";
import { tallyOutcomes, type BulkItemOutcome } from "./action-outcome";
import { isOrderActionError, type UserProblem } from "./problems";

export interface OrderActionMessages {
  problem(problem: UserProblem): string;
  outcome(outcome: BulkItemOutcome): string;
  bulkSummary(outcomes: readonly BulkItemOutcome[]): string;
}

export async function orderActionMessages(): Promise<OrderActionMessages> {
  const [t, tErrors, locale] = await Promise.all([getTranslations("orderActions"), getTranslations("errors"), getLocale().then(resolveLocale)]);
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
        return t("outcome.failed", { message: o.marketplaceMessage });
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
    return t("bulk.summary", { succeeded, failed, queued: queued + inProgress, rejected });
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
