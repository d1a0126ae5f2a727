import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DISPLAYED_STATUSES } from "./status";
import {
  DEFAULT_QUEUE_PARAMS,
  FULFILLMENT_FILTERS,
  PAGE_SIZES,
  QUEUE_SORTS,
  QUEUE_VIEWS,
  SHOP_SCOPES,
  SORT_DIRECTIONS,
  changeQueueParams,
  deadlineState,
  parseQueueParams,
  queueParamsToSearch,
  type QueueParams,
} from "./queue-params";

const parse = (query: string) => parseQueueParams(new URLSearchParams(query));
const roundTrip = (params: QueueParams) => parse(queueParamsToSearch(params));

describe("parseQueueParams", () => {
  it("gives the New view, deadline first, 50 rows, no filter, for an empty query", () => {
    expect(parse("")).toEqual({
      view: "NEW",
      shops: "current",
      status: [],
      shipping: [],
      fulfillment: null,
      from: null,
      to: null,
      q: null,
      sort: "deadline",
      dir: "asc",
      size: 50,
      after: null,
      before: null,
    });
  });

  it("falls back to each default on a bad value, and keeps the good ones beside it", () => {
    const params = parse("view=bogus&shops=everyone&fulfillment=DHL&from=2026-02-30&to=yesterday&sort=price&dir=up&size=abc&after=not%20a%20cursor&view2=x");
    expect(params).toEqual(DEFAULT_QUEUE_PARAMS);
    expect(parse("view=SHIPPED&size=-3&sort=amount").size).toBe(50);
    expect(parse("view=SHIPPED&size=-3&sort=amount")).toMatchObject({ view: "SHIPPED", sort: "amount", dir: "desc" });
  });

  it("clamps the page size to the nearest allowed one above, 100 at most", () => {
    expect([1, 25, 26, 50, 51, 100, 101, 10_000].map((n) => parse(`size=${n}`).size)).toEqual([25, 25, 50, 50, 100, 100, 100, 100]);
  });

  it("keeps known statuses once each, in status.ts order; shipping codes uppercase-only, sorted", () => {
    expect(parse("status=Shipped,Nope,WaitingForSellerAcceptation,Shipped").status).toEqual(["WaitingForSellerAcceptation", "Shipped"]);
    expect(parse("shipping=TRK,std,REG,TRK,NEW1").shipping).toEqual(["NEW1", "REG", "TRK"]);
  });

  it("reads repeated keys (URLSearchParams) and arrays (Next.js searchParams) as lists", () => {
    expect(parse("status=Shipped&status=PickedUp").status).toEqual(["Shipped", "PickedUp"]);
    expect(parseQueueParams({ shipping: ["REG", "TRK"], view: "late", q: undefined })).toMatchObject({ shipping: ["REG", "TRK"], view: "late" });
  });

  it("reads a reversed date range as meant and rejects impossible days", () => {
    expect(parse("from=2026-11-20&to=2026-11-01")).toMatchObject({ from: "2026-11-01", to: "2026-11-20" });
    expect(parse("from=2026-02-29&to=2024-02-29")).toMatchObject({ from: null, to: "2024-02-29" });
  });

  it("trims the search, collapses its spaces and bounds its length", () => {
    expect(parse("q=%20%20du%20%20%20pont%20").q).toBe("du pont");
    expect(parse("q=%20%20").q).toBeNull();
    expect(parse(`q=${"x".repeat(150)}`).q).toHaveLength(100);
  });

  it("takes each view's default order unless the URL sets one", () => {
    expect(parse("view=late")).toMatchObject({ sort: "deadline", dir: "asc" });
    expect(parse("view=SHIPPED")).toMatchObject({ sort: "date", dir: "desc" });
    expect(parse("view=SHIPPED&dir=asc")).toMatchObject({ sort: "date", dir: "asc" });
  });

  it("keeps one cursor: after wins over before", () => {
    expect(parse("after=abc&before=def")).toMatchObject({ after: "abc", before: null });
    expect(parse("before=def")).toMatchObject({ after: null, before: "def" });
  });
});

describe("queueParamsToSearch", () => {
  it("writes nothing for the defaults, and only what differs otherwise, commas unescaped", () => {
    expect(queueParamsToSearch(DEFAULT_QUEUE_PARAMS)).toBe("");
    expect(queueParamsToSearch(parse("view=SHIPPED&sort=date&dir=desc&size=50"))).toBe("view=SHIPPED");
    expect(queueParamsToSearch(parse("status=PickedUp,Shipped&view=SHIPPED&q=a,b"))).toBe("view=SHIPPED&status=Shipped,PickedUp&q=a,b");
  });
});

const day = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const isCanonicalSearch = (s: string) => s.length > 0 && s.length <= 100 && s === s.replace(/\s+/g, " ").trim();
const token = fc.stringMatching(/^[A-Za-z0-9_-]{1,80}$/);

/** Any params the parser can produce: canonical by construction. */
const canonicalParams: fc.Arbitrary<QueueParams> = fc
  .record({
    view: fc.constantFrom(...QUEUE_VIEWS),
    shops: fc.constantFrom(...SHOP_SCOPES),
    status: fc.subarray([...DISPLAYED_STATUSES]),
    shipping: fc.uniqueArray(fc.stringMatching(/^[A-Z0-9]{1,10}$/), { maxLength: 5 }).map((codes) => codes.sort()),
    fulfillment: fc.constantFrom(null, ...FULFILLMENT_FILTERS),
    days: fc.tuple(fc.option(day, { nil: null }), fc.option(day, { nil: null })),
    q: fc.option(fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter(isCanonicalSearch), { nil: null }),
    sort: fc.constantFrom(...QUEUE_SORTS),
    dir: fc.constantFrom(...SORT_DIRECTIONS),
    size: fc.constantFrom(...PAGE_SIZES),
    cursor: fc.option(fc.tuple(fc.boolean(), token), { nil: null }),
  })
  .map(({ days: [a, b], cursor, ...rest }) => ({
    ...rest,
    from: a && b && a > b ? b : a,
    to: a && b && a > b ? a : b,
    after: cursor && cursor[0] ? cursor[1] : null,
    before: cursor && !cursor[0] ? cursor[1] : null,
  }));

const KEYS = ["view", "shops", "status", "shipping", "fulfillment", "from", "to", "q", "sort", "dir", "size", "after", "before", "other"];
const anyQuery = fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(fc.string(), fc.constantFrom("late", "SHIPPED", "Shipped,Nope", "2026-11-20", "50", "all", "asc", "TRK,REG")));

describe("URL round trip (property)", () => {
  it("parse(serialize(p)) equals p for any params", () => {
    fc.assert(
      fc.property(canonicalParams, (params) => {
        expect(roundTrip(params)).toEqual(params);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on any query, and what it reads survives the round trip", () => {
    fc.assert(
      fc.property(anyQuery, (query) => {
        const params = parseQueueParams(query);
        expect(roundTrip(params)).toEqual(params);
      }),
      { numRuns: 500 },
    );
  });
});

describe("changeQueueParams", () => {
  const deep = parse("view=SHIPPED&after=abc&shipping=TRK");

  it("keeps the filters when only the cursor moves", () => {
    expect(changeQueueParams(deep, { before: "xyz" })).toMatchObject({ view: "SHIPPED", shipping: ["TRK"], after: null, before: "xyz" });
  });

  it("goes back to the first page on any other change", () => {
    expect(changeQueueParams(deep, { sort: "amount" })).toMatchObject({ sort: "amount", after: null, before: null });
    expect(changeQueueParams(deep, { q: "dupont" })).toMatchObject({ q: "dupont", after: null });
  });

  it("starts a new view from its own order and with no status filter", () => {
    const shipped = parse("view=SHIPPED&status=Shipped&sort=amount");
    expect(changeQueueParams(shipped, { view: "late" })).toMatchObject({ view: "late", status: [], sort: "deadline", dir: "asc", shipping: [] });
    expect(changeQueueParams(shipped, { view: "NEW", sort: "number" })).toMatchObject({ view: "NEW", sort: "number", dir: "asc" });
  });
});

describe("deadlineState (the late definition)", () => {
  const now = new Date("2026-11-27T10:00:00Z");
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

  it("is overdue past the deadline and due soon within 24 hours, for open orders only", () => {
    expect(deadlineState({ bucket: "WAITING_SHIPMENT", shippingDateMax: at(-1) }, now)).toBe("overdue");
    expect(deadlineState({ bucket: "NEW", shippingDateMax: at(0) }, now)).toBe("dueSoon");
    expect(deadlineState({ bucket: "NEW", shippingDateMax: at(23.9) }, now)).toBe("dueSoon");
    expect(deadlineState({ bucket: "NEW", shippingDateMax: at(24) }, now)).toBeNull();
    expect(deadlineState({ bucket: "SHIPPED", shippingDateMax: at(-48) }, now)).toBeNull();
    expect(deadlineState({ bucket: "WAITING_SHIPMENT", shippingDateMax: null }, now)).toBeNull();
  });
});
