// Why an order action was refused, as a message key under "orderActions.problems" with
// its values: the use cases run outside any request (scheduler, tests, REST), so they
// name the problem and the caller words it in the user's language (user-messages.ts).
import type messages from "@/lib/i18n/messages/fr.json";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";

export type ProblemKey = keyof (typeof messages)["orderActions"]["problems"];

export interface UserProblem {
  key: ProblemKey;
  /** A value named `status` is an order status, shown with its label. */
  values?: Readonly<Record<string, string | number>>;
}

/** An AppError whose user message is still to be worded. */
export class OrderActionError extends AppError {
  override name = "OrderActionError";
  readonly problem: UserProblem;

  constructor(code: AppErrorCode, problem: UserProblem, options: { message: string; fieldErrors?: Record<string, string[]>; cause?: unknown }) {
    super(code, options);
    this.problem = problem;
  }
}

export function isOrderActionError(error: unknown): error is OrderActionError {
  return error instanceof OrderActionError;
}
