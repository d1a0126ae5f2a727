// POST /api/v1/orders/{id}/actions: the seller's action, through the same schema and the
// same use case as the desk's buttons (runOrderAction: outbox, one marketplace call per
// idempotency key, re-read after success).
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { runOrderAction, type RunOrderActionOptions } from "@/lib/order-actions/run-order-action";
import { ZOrderActionInput } from "@/lib/order-actions/schemas";
import type { ApiCaller } from "./authenticate";
import { parseOrThrow } from "./problem";
import { apiFieldName, MAX_REQUEST_BODY_BYTES, toOrderActionInput, ZApiOrderActionRequest, ZIdempotencyKeyHeader } from "./schemas";
import { serializeOutcome } from "./serialize";
import type { ApiActionOutcome } from "./schemas";

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
/** The UUIDv5 namespace of the API's idempotency keys (a random UUID, fixed forever). */
const KEY_NAMESPACE = Buffer.from("6f1d8a52c3e94b0f9a7e2d41b5c8e613", "hex");

/**
 * The outbox key of a client's Idempotency-Key: a UUIDv5 of the shop and the header, so
 * a retry (even with another token of the same shop) reaches the same action, and two
 * shops' keys never meet.
 */
export function outboxIdempotencyKey(shopId: string, headerValue: string): string {
  const bytes = createHash("sha1").update(KEY_NAMESPACE).update(`${shopId}:${headerValue}`, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The header's value (an RFC 8941 string's quotes are dropped). */
export function idempotencyKeyOf(request: Request): string {
  const raw = request.headers.get(IDEMPOTENCY_KEY_HEADER)?.trim().replace(/^"(.*)"$/, "$1");
  if (!raw) throw new AppError("INVALID_INPUT", { message: "No Idempotency-Key", fieldErrors: { [IDEMPOTENCY_KEY_HEADER]: ["required"] } });
  if (!ZIdempotencyKeyHeader.safeParse(raw).success) throw new AppError("INVALID_INPUT", { message: "Malformed Idempotency-Key", fieldErrors: { [IDEMPOTENCY_KEY_HEADER]: ["invalidFormat"] } });
  return raw;
}

/** The body as JSON, read up to MAX_REQUEST_BODY_BYTES: a bigger one is refused before it is all read. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", { message: `Body over ${MAX_REQUEST_BODY_BYTES} bytes` });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_REQUEST_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw new AppError("INVALID_INPUT", { message: "Body is not JSON", fieldErrors: { body: ["invalidJson"] } });
  }
}

export interface ApiOrderActionOptions {
  caller: ApiCaller;
  orderId: string;
  idempotencyKey: string;
  body: unknown;
  clientFor?: RunOrderActionOptions["clientFor"];
}

/**
 * Validates like the desk (the API's body, then the desk's own ZOrderActionInput), runs
 * the action in the token creator's name, and records which token asked. Field errors
 * come back named as the API names them.
 */
export async function runApiOrderAction(db: Db, { caller, orderId, idempotencyKey, body, clientFor }: ApiOrderActionOptions): Promise<ApiActionOutcome> {
  const request = parseOrThrow(ZApiOrderActionRequest, body);
  const key = outboxIdempotencyKey(caller.shopId, idempotencyKey);
  const input = parseOrThrow(ZOrderActionInput, toOrderActionInput(request, orderId, key), apiFieldName);
  // The outbox's own audit rows carry the token's creator as actor; this one says the
  // request came through the API, with which token -- accepted, or refused and why.
  const recordApiRequest = (outcome: "success" | "failure", details: Record<string, string>) =>
    db.$transaction((tx) =>
      recordAudit(tx, {
        actorId: caller.actor.id,
        shopId: caller.shopId,
        action: `api.order.${input.action}`,
        targetType: "order",
        targetId: orderId,
        outcome,
        details: { tokenId: caller.tokenId, tokenName: caller.tokenName, idempotencyKey, outboxKey: key, ...details },
      }),
    );
  let outcome;
  try {
    outcome = await runOrderAction(db, { access: caller.access, input, clientFor });
  } catch (error) {
    if (AppError.is(error) && error.code !== "INTERNAL") await recordApiRequest("failure", { code: error.code, reason: error.message });
    if (AppError.is(error, "INVALID_INPUT") && error.fieldErrors) throw renamedFields(error);
    throw error;
  }
  // A retry with the same key is the same request: recorded once.
  if (outcome.created) await recordApiRequest("success", { actionId: outcome.actionId });
  return serializeOutcome(outcome);
}

function renamedFields(error: AppError): AppError {
  const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors ?? {}).map(([field, codes]) => [apiFieldName(field), [...codes]]));
  return new AppError("INVALID_INPUT", { message: error.message, fieldErrors, cause: error });
}
