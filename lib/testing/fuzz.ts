// The fuzz suites' shared parts (issue 7): hostile inputs as fast-check arbitraries, and
// the outcomes every input must respect -- a server action answers its one result shape
// and never an internal error, the store is untouched by a refused input, nothing is
// written to the marketplace, and Object.prototype is never polluted.
import fc from "fast-check";
import { expect } from "vitest";
import Database from "better-sqlite3";
import { databaseUrl, sqliteFilePath } from "@/lib/db/url";
import type { startTestSandbox } from "@/lib/cdiscount/testing";
import fr from "@/lib/i18n/messages/fr.json";

/**
 * Runs per property, times FUZZ_SCALE (e.g. FUZZ_SCALE=20 for a longer hunt). fast-check
 * prints the seed of a failure: FUZZ_SEED=<seed> with the test's name (-t) replays it.
 */
export function fuzzRuns(runs: number): number {
  return Math.max(1, Math.round(runs * (Number(process.env.FUZZ_SCALE) || 1)));
}

if (process.env.FUZZ_SEED) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(process.env.FUZZ_SEED) });

// ---------------------------------------------------------------------------------------
// Hostile values

/** Strings that broke or could break parsers, SQL, CSV, logs and prototype lookups. */
const SPECIAL_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\t\r\n",
  "\u0007\u001b[31m",
  "\u202e\u200b\ufeff",
  "\ud800",
  "x\udfff",
  "\u{10ffff}",
  "x\u{10ffff}",
  "😀👨‍👩‍👧",
  "İıßﬃ",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "0x10",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "%",
  "%00",
  "%ff",
  "../../etc/passwd",
  "' OR '1'='1",
  '"; DROP TABLE "Order"; --',
  "<script>alert(1)</script>",
  "=HYPERLINK(\"http://x\")",
  "${7*7}{{7*7}}",
  "javascript:alert(1)",
  "http://",
  "9999-12-31T23:59:59.999999999-23:59",
  "0000-01-01T00:00:00Z",
  "2026-02-29",
] as const;

const CONTROL = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));
const LONE_SURROGATE = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/**
 * Just over the limits the schemas set (100, 255, 2,000 characters...). The 5,000,000 of a
 * bulk shipment file is tried by that property's own example: generating and encoding such
 * strings on every run would cost more than all the rest.
 */
const hugeString = fc
  .tuple(fc.constantFrom(101, 256, 2_001, 70_000), fc.constantFrom("x", "é", "😀", " ", "\u0000"))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.oneof(CONTROL, LONE_SURROGATE, fc.constantFrom("a", ",", ";", "\"", "'", "\\")), maxLength: 20 }) },
  { weight: 1, arbitrary: hugeString },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, -1, 0, 0.5, 1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE),
  fc.integer(),
  fc.double(),
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "then"), hostileString);

/** An object with exactly these own properties: "__proto__" becomes a key, as JSON.parse makes it. */
export function objectOf(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined) },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
);

/**
 * Anything a client can put in a server action's arguments (React's reply encoding carries
 * Maps, Sets, Dates, BigInts, undefined, NaN and Infinity besides JSON), a few levels deep.
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 5, arbitrary: hostileLeaf },
    { weight: 1, arbitrary: fc.array(tie("value"), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey, tie("value")), { maxLength: 4 }).map(objectOf) },
    { weight: 1, arbitrary: fc.array(fc.tuple(hostileLeaf, tie("value")), { maxLength: 3 }).map((entries) => new Map(entries)) },
    { weight: 1, arbitrary: fc.array(hostileLeaf, { maxLength: 3 }).map((items) => new Set(items)) },
  ),
})).value;

/** One change to an input that was valid: a field made hostile, dropped, or hostile fields added. */
type Mutation = (input: Record<string, unknown>) => unknown;

function mutation(keys: readonly string[]): fc.Arbitrary<Mutation> {
  const key = keys.length ? fc.oneof(fc.constantFrom(...keys), hostileKey) : hostileKey;
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(key, hostileValue).map(([k, v]): Mutation => (input) => objectOf([...Object.entries(input), [k, v]])) },
    { weight: 2, arbitrary: key.map((k): Mutation => (input) => objectOf(Object.entries(input).filter(([name]) => name !== k))) },
    { weight: 1, arbitrary: fc.constant<Mutation>((input) => [input]) },
  );
}

/**
 * Inputs near a valid one: one to three mutations of it, or any hostile value at all.
 * A mutation may by chance leave the input valid: properties decide with their own oracle.
 */
export function nearValid(valid: fc.Arbitrary<Record<string, unknown>>, keys: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(valid, fc.array(mutation(keys), { minLength: 1, maxLength: 3 })).map(([input, changes]) => changes.reduce<unknown>((v, change) => (v && typeof v === "object" && !Array.isArray(v) ? change(v as Record<string, unknown>) : v), input)) },
    { weight: 1, arbitrary: hostileValue },
  );
}

/** Mostly a valid value, sometimes a hostile string: the mutations of nearValid add the rest. */
export function orHostile<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<T | string> {
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostileString });
}

/** A valid input as it is (one time in three), or near it. */
export function validOrNot(valid: fc.Arbitrary<Record<string, unknown>>, keys: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: valid }, { weight: 2, arbitrary: nearValid(valid, keys) });
}

/** An id no row has, in every shape an id field may take. */
export const missingId: fc.Arbitrary<string> = fc.oneof(fc.constantFrom("cmissing000000000000000000", "0", "-1", "' OR 1=1 --", "%", "_", "*"), fc.string({ unit: "binary", minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0));

/** A queue cursor as the queue encodes it ([sort, value, id], base64url JSON), with values it never writes. */
const craftedCursor = fc
  .tuple(
    fc.constantFrom("date", "deadline", "amount", "number", "other"),
    fc.oneof(
      fc.constantFrom(null, 5, "+275760-09-13T00:00:00.000Z", "-271821-04-20T00:00:00.000Z", "0000-01-01T00:00:00Z", "1", "1e400", "9".repeat(300), "-0.00", "2026-02-30T25:61:00Z", "x\u{10ffff}"),
      hostileString,
    ),
    fc.oneof(fc.constantFrom("", "\u0000", "cmissing"), hostileString),
  )
  .map((cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url"));

/** The queue's URL parameters (lib/orders/queue-params.ts), plausible and hostile, plus unknown ones. */
const QUEUE_VALUES: Readonly<Record<string, fc.Arbitrary<string>>> = {
  view: fc.constantFrom("NEW", "WAITING_SHIPMENT", "SHIPPED", "CANCELED", "OTHER", "late", "attention"),
  shops: fc.constantFrom("current", "all"),
  status: fc.constantFrom("WaitingForSellerAcceptation", "Shipped,Other", "Shipped,,Shipped"),
  shipping: fc.constantFrom("TRK", "TRK,REG,STD", "trk"),
  fulfillment: fc.constantFrom("SELLER", "MKPFBC", "EXTFBC"),
  from: fc.constantFrom("2026-01-01", "2000-01-01", "2100-12-31", "2026-02-29"),
  to: fc.constantFrom("2026-12-31", "1999-12-31"),
  q: fc.constantFrom("DUPONT", "6A", "x\u{10ffff}", "\u{10ffff}"),
  sort: fc.constantFrom("date", "deadline", "amount", "number"),
  dir: fc.constantFrom("asc", "desc"),
  size: fc.constantFrom("25", "100", "0", "-1", "1e9", "NaN"),
  after: craftedCursor,
  before: craftedCursor,
};

export const queueSearch: fc.Arbitrary<URLSearchParams> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...Object.keys(QUEUE_VALUES)).chain((key) => fc.tuple(fc.constant(key), fc.oneof(QUEUE_VALUES[key]!, hostileString))) },
      { weight: 1, arbitrary: fc.tuple(hostileKey, hostileString) },
    ),
    { maxLength: 8 },
  )
  .map((pairs) => new URLSearchParams(pairs));

// ---------------------------------------------------------------------------------------
// What every outcome must respect

const INTERNAL_ANSWER = new RegExp(`^${fr.errors.INTERNAL.replace(/[.*+?^$()[\]\\|]/g, "\\$&").replace("{reference}", "[0-9a-f]+")}$`);
/** What a refused order or shop looks like to someone outside it: the same as a missing one. */
export const NOT_FOUND_ANSWERS: readonly string[] = [fr.errors.NOT_FOUND, fr.orderActions.problems.orderNotFound];

export type ActionResult = { data?: unknown; serverError?: unknown; validationErrors?: unknown };

export type ActionBranch = "data" | "serverError" | "validationErrors";

/** next-safe-action's one result shape, and no internal or configuration error. Returns which branch. */
export function expectExpectedResult(result: unknown): ActionBranch {
  expect(result, "an action returns its result object").toBeTypeOf("object");
  const present = Object.entries(result as ActionResult).filter(([, v]) => v !== undefined).map(([k]) => k);
  // An action that returns nothing has neither branch.
  if (present.length === 0) return "data";
  expect(present).toHaveLength(1);
  const branch = present[0] as ActionBranch;
  expect(["data", "serverError", "validationErrors"]).toContain(branch);
  const { serverError, validationErrors } = result as ActionResult;
  if (branch === "serverError") {
    expect(serverError).toBeTypeOf("string");
    expect(serverError, "an unexpected error reached the action client").not.toMatch(INTERNAL_ANSWER);
    expect(serverError).not.toBe(fr.errors.CONFIGURATION);
  }
  if (branch === "validationErrors") {
    expect(validationErrors).toMatchObject({ formErrors: expect.any(Array), fieldErrors: expect.any(Object) });
  }
  return branch;
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(",");

export function expectPrototypeUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(","), "Object.prototype was polluted").toBe(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

// ---------------------------------------------------------------------------------------
// The store and the marketplace, before and after

export type TestSandbox = Awaited<ReturnType<typeof startTestSandbox>>;

/** Every row of every table of the test's SQLite store, as sorted JSON lines. */
type StoreSnapshot = Record<string, string[]>;

/**
 * Reads the store through a connection of its own: every table there is, whoever added
 * it, in a millisecond or two -- cheap enough to compare before and after each call.
 */
class StoreReader {
  private readonly conn: Database.Database;
  private readonly tables: string[];

  constructor(url: string) {
    this.conn = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
    this.tables = (this.conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  }

  snapshot(volatile: Readonly<Record<string, readonly string[]>>): StoreSnapshot {
    return Object.fromEntries(
      this.tables.map((table) => {
        const drop = volatile[table] ?? [];
        const rows = this.conn.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
        return [table, rows.map((row) => JSON.stringify(row, (key, value: unknown) => (drop.includes(key) ? undefined : value))).sort()];
      }),
    );
  }

  close(): void {
    this.conn.close();
  }
}

function changedTables(before: StoreSnapshot, after: StoreSnapshot): string[] {
  return Object.keys(after).filter((t) => (before[t] ?? []).join("\n") !== after[t]!.join("\n"));
}

/**
 * The tables a refusal changed, leaving out what a refusal is meant to leave: its own audit
 * rows (outcome "failure": who tried what, and why it was refused), added, nothing else touched.
 */
function changedByRefusal(before: StoreSnapshot, after: StoreSnapshot): string[] {
  return changedTables(before, after).filter((table) => {
    if (table !== "AuditLog") return true;
    const previous = new Set(before[table] ?? []);
    const kept = after[table]!.filter((row) => previous.has(row));
    const added = after[table]!.filter((row) => !previous.has(row));
    const onlyRefusalsAdded = kept.length === previous.size && added.every((row) => (JSON.parse(row) as { outcome?: string }).outcome === "failure");
    return !onlyRefusalsAdded;
  });
}

/** Cdiscount operations that change something at the marketplace. */
export const MARKETPLACE_WRITES = ["ValidateOrderList", "CreateRefundVoucher"] as const;

/**
 * The sandbox's call log (what its admin API's /calls serves), read from its store file:
 * the same rows, without an HTTP round trip per fuzzed call.
 */
class CallLogReader {
  private readonly conn: Database.Database;

  constructor(sandbox: TestSandbox) {
    this.conn = new Database(sandbox.dataFile, { readonly: true, fileMustExist: true });
  }

  /** How many write calls the sandbox received, from every account. */
  writeCount(): number {
    const placeholders = MARKETPLACE_WRITES.map(() => "?").join(", ");
    return (this.conn.prepare(`SELECT COUNT(*) AS n FROM calls WHERE operation IN (${placeholders})`).get(...MARKETPLACE_WRITES) as { n: number }).n;
  }

  close(): void {
    this.conn.close();
  }
}

export interface Observed<T> {
  outcome: T;
  /** The tables the call changed (SQL names: "Order", "OrderNote"...), refusals' audit rows aside. */
  changed: string[];
}

/**
 * Runs one call and checks what it left behind: no marketplace write, Object.prototype
 * untouched, and -- when `refused` says the outcome is a refusal -- an unchanged store
 * (but for the refusal's own audit rows).
 * The state after one call is the state before the next, so each call reads it once.
 */
export class EffectProbe {
  private readonly store: StoreReader;
  private readonly calls: CallLogReader | null;
  private before: { snapshot: StoreSnapshot; writes: number } | undefined;

  /**
   * `sandbox`: null where the code under test has no marketplace client at all (sign-in).
   * `volatile`: columns a call may move without changing anything, by table (e.g. ApiToken.lastUsedAt).
   */
  constructor(
    sandbox: TestSandbox | null,
    private readonly volatile: Readonly<Record<string, readonly string[]>> = {},
  ) {
    this.store = new StoreReader(databaseUrl());
    this.calls = sandbox && new CallLogReader(sandbox);
  }

  async observe<T>(call: () => Promise<T>, refused: (outcome: T) => boolean): Promise<Observed<T>> {
    try {
      const before = (this.before ??= { snapshot: this.store.snapshot(this.volatile), writes: this.calls?.writeCount() ?? 0 });
      let outcome: T;
      try {
        outcome = await call();
      } catch (error) {
        throw new Error(`the call threw instead of answering: ${String(error)}`, { cause: error });
      }
      expectPrototypeUntouched();
      const after = { snapshot: this.store.snapshot(this.volatile), writes: this.calls?.writeCount() ?? 0 };
      expect(after.writes, "the marketplace received a write").toBe(before.writes);
      // A refused attempt's own audit row is a record of the refusal, not a change.
      const changed = changedByRefusal(before.snapshot, after.snapshot);
      if (refused(outcome)) {
        const refusedChanges = changed;
        const table = refusedChanges[0];
        const added = table ? after.snapshot[table]!.filter((row) => !before.snapshot[table]?.includes(row)) : [];
        expect(refusedChanges, table ? `a refused input changed ${table}: ${JSON.stringify(added).slice(0, 500)}` : "").toEqual([]);
      }
      this.before = after;
      return { outcome, changed };
    } catch (error) {
      this.before = undefined;
      throw error;
    }
  }

  /** A server action's call: its result must be one of next-safe-action's branches, and a refusal changes nothing. */
  async action(action: (input: never) => Promise<unknown>, input: unknown): Promise<Observed<ActionResult> & { branch: ActionBranch }> {
    let branch: ActionBranch = "data";
    const observed = await this.observe(
      async () => (await action(input as never)) as ActionResult,
      (result) => (branch = expectExpectedResult(result)) !== "data",
    );
    return { ...observed, branch };
  }

  close(): void {
    this.store.close();
    this.calls?.close();
  }
}
