// The REST API's errors: application/problem+json (RFC 9457) built from the product's
// one error type, AppError, with its status (lib/errors/app-error.ts) and the same rule
// as lib/errors/http.ts -- internal errors never show their message. Field errors carry
// the same codes as the UI's forms (the "validation" message keys), worded in English.
import { randomUUID } from "node:crypto";
import { createTranslator } from "next-intl";
import type { z } from "zod";
import en from "@/lib/i18n/messages/en.json";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { logger } from "@/lib/logging/logger";
import { isOrderActionError } from "@/lib/order-actions/problems";
import { isDisplayedStatus, statusInfo } from "@/lib/orders/status";
import type { Problem } from "./schemas";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/**
 * Problems are of the generic type ("about:blank", titled by the HTTP status, RFC 9457
 * §4.2.1); the `code` member says which, with the AppError codes the desk uses.
 */
const STATUS_TITLES: Readonly<Record<number, string>> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

const DETAILS: Readonly<Partial<Record<AppErrorCode, string>>> = {
  INVALID_STATE: "Not possible in the order's current state.",
  FORBIDDEN: "The token's creator does not have this permission in the shop.",
  NOT_FOUND: "No such resource in this token's shop.",
  METHOD_NOT_ALLOWED: "This method is not allowed on this resource: see the Allow header.",
  PAYLOAD_TOO_LARGE: "The request body is too large.",
  INVALID_INPUT: "Some fields are invalid: see errors.",
};

/** Codes of the API's own checks, next to the forms' "validation" keys. */
const FIELD_DETAILS: Readonly<Record<string, string>> = {
  ...en.validation,
  unknownField: "Unknown field.",
  invalidType: "Wrong type.",
  invalidFormat: "Wrong format.",
  tooSmall: "Too small.",
  tooLarge: "Too large.",
  invalidJson: "The body is not valid JSON.",
};

const problemWords = createTranslator({ locale: "en", messages: en, namespace: "orderActions.problems" });

export function problemOf(error: AppError): Problem {
  const errors = error.fieldErrors
    ? Object.entries(error.fieldErrors).flatMap(([field, codes]) => codes.map((code) => ({ field, code, detail: FIELD_DETAILS[code] ?? FIELD_DETAILS.invalid! })))
    : undefined;
  return {
    type: "about:blank",
    title: STATUS_TITLES[error.status] ?? "Error",
    status: error.status,
    detail: detailOf(error),
    code: error.code,
    ...(errors?.length ? { errors } : {}),
  };
}

function detailOf(error: AppError): string | undefined {
  if (isOrderActionError(error)) {
    const statusLabel = (status: string) => (isDisplayedStatus(status) ? statusInfo(status).label.en : status);
    const values = Object.fromEntries(Object.entries(error.problem.values ?? {}).map(([k, v]) => [k, k === "status" ? statusLabel(String(v)) : v]));
    return problemWords(error.problem.key, values);
  }
  return error.userMessage ?? DETAILS[error.code];
}

const NO_STORE = { "Cache-Control": "no-store" };

export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/** An expected failure as problem+json; anything else logged with a reference and answered 500. */
export function apiProblemResponse(error: unknown): Response {
  if (error instanceof AppError && error.code !== "INTERNAL" && error.code !== "CONFIGURATION") {
    const headers: Record<string, string> = { ...NO_STORE, "Content-Type": PROBLEM_CONTENT_TYPE };
    if (error.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="cdiscount-order-desk"';
    return new Response(JSON.stringify(problemOf(error)), { status: error.status, headers });
  }
  const reference = randomUUID().slice(0, 8);
  logger.error({ module: "api", reference, err: error }, "API request failed");
  const body: Problem = { type: "about:blank", title: STATUS_TITLES[500]!, status: 500, detail: `Unexpected error (reference ${reference}).`, code: "INTERNAL" };
  return new Response(JSON.stringify(body), { status: 500, headers: { ...NO_STORE, "Content-Type": PROBLEM_CONTENT_TYPE } });
}

/** Runs a handler; its AppErrors become problem responses. */
export async function withApiProblems(handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle();
  } catch (error) {
    return apiProblemResponse(error);
  }
}

// ---------------------------------------------------------------------------------------
// Request validation

/** The code of one zod issue: the schema's own message key when it has one. */
function codeOf(issue: z.core.$ZodIssue): string {
  if (Object.hasOwn(FIELD_DETAILS, issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "required" : "invalidType";
    case "invalid_value":
    case "invalid_union":
      return "invalidChoice";
    case "too_small":
      return "tooSmall";
    case "too_big":
      return "tooLarge";
    case "invalid_format":
      return "invalidFormat";
    default:
      return "invalid";
  }
}

/** Zod issues as AppError field errors, each field named by `nameOf` (snake_case already for the API's own schemas). */
export function fieldErrorsOf(error: z.ZodError, nameOf: (path: string) => string = (p) => p): Record<string, string[]> {
  // A Map: field names come from the request ("__proto__" among them), and on a plain
  // object that name reads Object.prototype instead of a list.
  const fields = new Map<string, string[]>();
  const add = (path: string, code: string) => {
    const name = nameOf(path) || "body";
    const list = fields.get(name) ?? [];
    fields.set(name, list);
    if (!list.includes(code)) list.push(code);
  };
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) add(path ? `${path}.${key}` : key, "unknownField");
    else add(path, codeOf(issue));
  }
  return Object.fromEntries(fields);
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, nameOf?: (path: string) => string): z.output<S> {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new AppError("INVALID_INPUT", { message: "Invalid API request", fieldErrors: fieldErrorsOf(parsed.error, nameOf) });
  return parsed.data;
}
