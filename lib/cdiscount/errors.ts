// What can go wrong talking to Cdiscount, in three layers (reference §1.4): transport
// (network, timeout, 5xx, a body that is not the expected XML), SOAP faults (token or
// other), and business errors (OperationSuccess=false, Quota). Per-order refusals inside
// a successful ValidateOrderList are results, not errors. Messages never carry
// credentials or tokens.
import { AppError } from "@/lib/errors/app-error";
import type { MarketplaceMessage } from "./types";

export const MARKETPLACE_ERROR_KINDS = [
  "network",
  "timeout",
  "server",
  "malformed",
  "stsHtml",
  "authentication",
  "token",
  "soapFault",
  "business",
  "quota",
] as const;
export type MarketplaceErrorKind = (typeof MARKETPLACE_ERROR_KINDS)[number];

// Transient kinds: the same call may succeed later. A token refused even fresh is
// among them: Cdiscount turned the call away before looking at it.
const RETRYABLE: ReadonlySet<MarketplaceErrorKind> = new Set(["network", "timeout", "server", "malformed", "stsHtml", "quota", "token"]);

export class MarketplaceError extends AppError {
  override name = "MarketplaceError";
  readonly kind: MarketplaceErrorKind;
  readonly operation: string;
  readonly httpStatus?: number;
  /** Cdiscount's own words (French), when it gave any. */
  readonly marketplaceMessage?: string;
  readonly marketplaceErrors: readonly MarketplaceMessage[];
  /** True when the request surely never reached Cdiscount (safe to resend a write). */
  readonly notSent: boolean;

  constructor(
    kind: MarketplaceErrorKind,
    operation: string,
    details: { message: string; httpStatus?: number; marketplaceMessage?: string; errors?: MarketplaceMessage[]; notSent?: boolean; cause?: unknown },
  ) {
    const rejected = kind === "business" || kind === "soapFault" || kind === "token" || kind === "authentication";
    super(rejected ? "MARKETPLACE_REJECTED" : "MARKETPLACE_UNAVAILABLE", {
      message: `${operation}: ${details.message}`,
      userMessage: details.marketplaceMessage,
      cause: details.cause,
    });
    this.kind = kind;
    this.operation = operation;
    this.httpStatus = details.httpStatus;
    this.marketplaceMessage = details.marketplaceMessage;
    this.marketplaceErrors = details.errors ?? [];
    this.notSent = details.notSent ?? false;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

export function isMarketplaceError(error: unknown, kind?: MarketplaceErrorKind): error is MarketplaceError {
  return error instanceof MarketplaceError && (kind === undefined || error.kind === kind);
}
