// One error type for the whole product. `message` is for logs and developers;
// `userMessage` (optional) is safe to show as is -- typically a marketplace message
// in French. Without it, the UI shows the localized text for the code.

export const APP_ERROR_CODES = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_INPUT: 422,
  INVALID_STATE: 409,
  CONFLICT: 409,
  INVALID_CREDENTIALS: 401,
  RATE_LIMITED: 429,
  MARKETPLACE_UNAVAILABLE: 503,
  MARKETPLACE_REJECTED: 422,
  CONFIGURATION: 500,
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends Error {
  override name = "AppError";
  readonly code: AppErrorCode;
  readonly userMessage?: string;
  readonly fieldErrors?: Readonly<Record<string, string[]>>;

  constructor(
    code: AppErrorCode,
    options: { message?: string; userMessage?: string; fieldErrors?: Record<string, string[]>; cause?: unknown } = {},
  ) {
    super(options.message ?? code, { cause: options.cause });
    this.code = code;
    this.userMessage = options.userMessage;
    this.fieldErrors = options.fieldErrors;
  }

  get status(): number {
    return APP_ERROR_CODES[this.code];
  }

  static is(error: unknown, code?: AppErrorCode): error is AppError {
    return error instanceof AppError && (code === undefined || error.code === code);
  }
}
