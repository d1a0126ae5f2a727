import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { REDACTED, createLogger, logLevelFrom, scrubText } from "./logger";

/** A logger writing into memory; `records()` parses what it wrote. */
function memoryLogger(level = "debug") {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  const log = createLogger({ level, destination });
  return { log, raw: () => chunks.join(""), records: () => chunks.join("").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const SECRETS = {
  password: "hunter2-the-user-password",
  apiPassword: "cdiscount-api-pass-42",
  bearer: "cdod_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG",
  tokenId: "55ecf38bf6d1477cbc2bd22281d098e3",
  dbPassword: "pg-s3cret-pw",
  session: "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0.session",
  basic: Buffer.from("shop-api:cdiscount-api-pass-42").toString("base64"),
};

describe("logger redaction", () => {
  it("never writes a secret, whether it is a field, nested, in a header or inside text", () => {
    const { log, raw, records } = memoryLogger();
    log.info(
      {
        user: { email: "seller@demo.test", password: SECRETS.password },
        shop: { id: "shop-1", apiPassword: SECRETS.apiPassword, apiPasswordEncrypted: "v1.aaa.bbb.ccc" },
        request: { headers: { authorization: `Bearer ${SECRETS.bearer}`, cookie: `authjs.session-token=${SECRETS.session}`, "user-agent": "curl" } },
        deep: { a: { b: { c: { accessToken: SECRETS.tokenId } } } },
        soap: `<s:Envelope><Security><TokenId>${SECRETS.tokenId}</TokenId></Security></s:Envelope>`,
        databaseUrl: `postgresql://desk:${SECRETS.dbPassword}@db.internal:5432/desk`,
      },
      "calling %s with Authorization: Basic %s",
      "Cdiscount",
      SECRETS.basic,
    );
    const out = raw();
    for (const secret of Object.values(SECRETS)) expect(out).not.toContain(secret);

    const [record] = records();
    expect(record).toMatchObject({
      level: "info",
      msg: `calling Cdiscount with Authorization: Basic ${REDACTED}`,
      user: { email: "seller@demo.test", password: REDACTED },
      shop: { id: "shop-1", apiPassword: REDACTED, apiPasswordEncrypted: REDACTED },
      request: { headers: { authorization: REDACTED, cookie: REDACTED, "user-agent": "curl" } },
      deep: { a: { b: { c: { accessToken: REDACTED } } } },
      soap: `<s:Envelope><Security><TokenId>${REDACTED}</TokenId></Security></s:Envelope>`,
      databaseUrl: `postgresql://desk:${REDACTED}@db.internal:5432/desk`,
    });
  });

  it("logs errors with their type, code and stack, and scrubs their messages and causes", () => {
    const { log, raw, records } = memoryLogger();
    const cause = new Error(`connect ECONNREFUSED postgresql://desk:${SECRETS.dbPassword}@10.0.0.5:5432/desk`);
    const error = new AppError("CONFIGURATION", { message: `token refused: <TokenId>${SECRETS.tokenId}</TokenId>`, cause });
    log.error({ err: error, shopId: "shop-1" }, "sync failed");
    log.warn(new Error(`Authorization: Bearer ${SECRETS.bearer}`));

    expect(raw()).not.toContain(SECRETS.dbPassword);
    expect(raw()).not.toContain(SECRETS.tokenId);
    expect(raw()).not.toContain(SECRETS.bearer);
    const [first, second] = records();
    expect(first).toMatchObject({ level: "error", msg: "sync failed", shopId: "shop-1", err: { type: "AppError", code: "CONFIGURATION", message: `token refused: <TokenId>${REDACTED}</TokenId>` } });
    expect((first!.err as { stack: string }).stack).toContain("logger.test.ts");
    expect((first!.err as { cause: { message: string } }).cause.message).toBe(`connect ECONNREFUSED postgresql://desk:${REDACTED}@10.0.0.5:5432/desk`);
    expect(second).toMatchObject({ level: "warn", msg: `Authorization: Bearer ${REDACTED}`, err: { type: "Error" } });
  });

  it("keeps what is not a secret", () => {
    expect(scrubText("order 1234ABC shipped with GLS, tracking 6A123456789")).toBe("order 1234ABC shipped with GLS, tracking 6A123456789");
    expect(scrubText("https://gls-group.eu/FR/fr/suivi-colis?match=6A123")).toBe("https://gls-group.eu/FR/fr/suivi-colis?match=6A123");
    const { log, records } = memoryLogger();
    log.info({ tokenHash: "abc", idempotencyKey: "k-1", prefix: "cdod_ab" }, "kept");
    expect(records()[0]).toMatchObject({ tokenHash: "abc", idempotencyKey: "k-1" });
  });

  it("scrubs form and JSON text", () => {
    expect(scrubText("email=a%40b.fr&password=hunter2&csrfToken=xyz")).toBe(`email=a%40b.fr&password=${REDACTED}&csrfToken=${REDACTED}`);
    expect(scrubText('{"email":"a@b.fr","apiPassword":"p\\"w"}')).toBe(`{"email":"a@b.fr","apiPassword":"${REDACTED}"}`);
  });
});

describe("log level", () => {
  it("comes from LOG_LEVEL, info when unset or unknown", () => {
    expect(logLevelFrom("debug")).toBe("debug");
    expect(logLevelFrom(" WARN ")).toBe("warn");
    expect(logLevelFrom(undefined)).toBe("info");
    expect(logLevelFrom("verbose")).toBe("info");
  });

  it("drops records below the level", () => {
    const { log, records } = memoryLogger("warn");
    log.info("not written");
    log.warn("written");
    expect(records().map((r) => r.msg)).toEqual(["written"]);
  });
});
