// Structured logs (JSON lines, pino) for the server and the scheduler. Every record goes
// through `sanitize` first, so a secret never reaches the output, whether it comes as a
// field (`password`, `apiPassword`, `authorization`, `cookie`, any `…token`), at any depth,
// or inside a string: an error message quoting a DATABASE_URL, a SOAP body with its
// TokenId, an Authorization header copied into a message. pino's own `redact` only knows
// paths written in advance, which is why the desk scrubs values itself.
// No "server-only" import: command-line scripts (tsx) log through it too.
import { format } from "node:util";
import pino, { type DestinationStream, type Level, type Logger } from "pino";

export type { Logger };

export const REDACTED = "[redacted]";

/** Keys whose value is never logged, at any depth. `tokenHash`, `idempotencyKey` stay. */
const SECRET_KEY = /password|passwd|secret|authorization|cookie|api[-_]?key|token(id)?$/i;

/** Secrets written inside text, each with what to keep of it. */
const SECRET_TEXT: ReadonlyArray<[RegExp, string]> = [
  // scheme://user:password@host (DATABASE_URL, proxies).
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, `$1${REDACTED}@`],
  // Authorization header values, wherever they were copied.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`],
  // The REST API's tokens (lib/api/tokens/token-secret.ts).
  [/\bcdod_[A-Za-z0-9_-]+/g, `cdod_${REDACTED}`],
  // SOAP: the security token and any password element, with or without a prefix.
  [/<((?:[\w-]+:)?(?:TokenId|Password|ApiPassword))(\s[^>]*)?>[^<]*<\/\1>/gi, `<$1$2>${REDACTED}</$1>`],
  // Auth.js cookies (session, CSRF, callback) inside a Cookie or Set-Cookie string.
  [/\b((?:__Secure-|__Host-)?(?:authjs|next-auth)\.[\w.-]+=)[^;\s]+/g, `$1${REDACTED}`],
  // password=… in query strings and form bodies, "password": "…" in JSON text.
  [/\b([\w-]*(?:password|passwd|secret|token)=)[^&\s;]+/gi, `$1${REDACTED}`],
  [/("[\w-]*(?:password|passwd|secret|authorization|cookie|token)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`],
];

export function scrubText(text: string): string {
  return SECRET_TEXT.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

const MAX_DEPTH = 8;

/** A copy of `value` that is safe to log: secrets redacted, errors as plain objects. */
export function sanitize(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (value instanceof Error) return sanitizeError(value, depth);
  if (value instanceof Date) return value;
  if (value instanceof Headers) return sanitize(Object.fromEntries(value), depth);
  if (Array.isArray(value)) return value.map((item) => sanitize(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? REDACTED : sanitize(item, depth + 1);
  return out;
}

function sanitizeError(error: Error, depth: number): Record<string, unknown> {
  // An error's own fields (code, kind, operation…) say what happened; they are kept.
  const fields = sanitize({ ...error }, depth) as Record<string, unknown>;
  return {
    type: error.name,
    message: scrubText(error.message),
    ...fields,
    ...(error.stack ? { stack: scrubText(error.stack) } : {}),
    ...(error.cause !== undefined ? { cause: sanitize(error.cause, depth + 1) } : {}),
  };
}

export function logLevelFrom(value: string | undefined): Level {
  const level = value?.trim().toLowerCase();
  return level && level in pino.levels.values ? (level as Level) : "info";
}

/** A log call's arguments ([fields], [message, ...interpolated]) made safe to write. */
function safeArguments(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  // log.error(error) and log.error(error, "msg"): the error goes under `err`, as pino
  // does itself, before it becomes a plain object.
  const [fields, ...message] =
    first instanceof Error ? [{ err: first }, ...(rest.length ? rest : [first.message])] : typeof first === "string" ? [undefined, ...args] : args;
  // The message is interpolated before it is scrubbed: a secret passed as a %s argument
  // would otherwise be written after the check.
  const text = message.length ? [scrubText(format(...message))] : [];
  return fields === undefined ? text : [sanitize(fields), ...text];
}

/** A logger at LOG_LEVEL (info by default) writing to stdout, or to `destination` (tests). */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: logLevelFrom(options.level ?? process.env.LOG_LEVEL),
      base: { service: "order-desk" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // `sanitize` has already turned errors into plain objects; pino's own error
      // serializer would read them as errors again and lose their type.
      serializers: { err: (value: unknown) => value },
      hooks: {
        logMethod(args, method) {
          method.apply(this, safeArguments(args) as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}

const globalForLogger = globalThis as typeof globalThis & { __deskLogger?: Logger };

/** The process-wide logger; modules take a child: `logger.child({ module: "sync" })`. */
export const logger: Logger = (globalForLogger.__deskLogger ??= createLogger());
