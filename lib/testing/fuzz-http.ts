// Route handlers called in-process with fuzzed Requests (the fuzz suites of lib/api):
// what a request may carry, and what every answer must look like.
import fc from "fast-check";
import { expect } from "vitest";
import { hostileKey, hostileString, missingId } from "./fuzz";

export const BASE_URL = "http://127.0.0.1:3000";

/** What a header may hold (Latin-1 without controls: Headers refuses the rest before any handler runs). */
export const headerValue = fc.oneof(
  fc.constantFrom("", " ", "null", '""', '"quoted"', "a".repeat(300), "é", "Bearer", "\u00ff\u0080"),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f && (c < 0x80 || c > 0x9f)).map((c) => String.fromCharCode(c)), maxLength: 60 }),
);

export interface Answer {
  status: number;
  contentType: string;
  headers: Headers;
  text: string;
  body: unknown;
}

export function request(path: string, { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string | undefined>; body?: string } = {}): Request {
  const h = new Headers();
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) h.set(name, value);
  return new Request(new URL(path, BASE_URL), { method, headers: h, body });
}

/** The whole answer, streamed bodies included: an error thrown while streaming fails the property too. */
export async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  const contentType = response.headers.get("content-type") ?? "";
  return { status: response.status, contentType, headers: response.headers, text, body: /json/.test(contentType) ? JSON.parse(text) : text };
}

/** No 500, and an error is a problem document with the response's status. */
export function expectWellFormed(answer: Answer) {
  expect(answer.status, `a 5xx answer: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  if (answer.status >= 400) {
    expect(answer.contentType.split(";")[0]).toBe("application/problem+json");
    expect(answer.body).toMatchObject({ status: answer.status });
  }
}

export const routeParams = <K extends string>(name: K, value: string) => ({ params: Promise.resolve({ [name]: value } as Record<K, string>) });
/** Path segments as Next.js hands them over: decoded, and well-formed (a URL cannot carry a lone surrogate). */
export const pathId = (ids: () => string[]) => fc.oneof(fc.constantFrom(...ids()), missingId, hostileString).map((id) => id.toWellFormed());

export const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const V1_QUERY: Readonly<Record<string, fc.Arbitrary<string>>> = {
  updated_from: fc.constantFrom("2026-03-01T00:00:00Z", "2024-02-29T23:59:59.999+01:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-23:59", "2026-02-30T00:00:00Z", "2026-03-01"),
  updated_to: fc.constantFrom("2100-01-01T00:00:00Z", "1970-01-01T00:00:00-00:00"),
  status: fc.constantFrom("Shipped", "Other", "shipped"),
  bucket: fc.constantFrom("NEW", "WAITING_SHIPMENT", "new"),
  delivered_by_marketplace: fc.constantFrom("true", "false", "1", "TRUE"),
  limit: fc.constantFrom("1", "200", "201", "0", "-1", "1e2", "0x10", "2.5", " 5 ", "Infinity", "NaN"),
  cursor: fc.oneof(
    fc.constantFrom(
      cursorOf(["+275760-09-13T00:00:00.000Z", "x"]),
      cursorOf(["-271821-04-20T00:00:00.000Z", "x"]),
      cursorOf(["0000-01-01T00:00:00Z", ""]),
      cursorOf([5, 6]),
      cursorOf(null),
      cursorOf({}),
      cursorOf(["2026-01-01T00:00:00Z", "\u0000"]),
      "AAAA",
      "_-_-",
    ),
    fc.tuple(hostileString, hostileString).map(cursorOf),
  ),
};
/** GET /api/v1/orders parameters, plausible and hostile, plus unknown ones. */
export const v1Query = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...Object.keys(V1_QUERY)).chain((key) => fc.tuple(fc.constant(key), fc.oneof({ weight: 3, arbitrary: V1_QUERY[key]! }, { weight: 1, arbitrary: hostileString }))) },
      { weight: 1, arbitrary: fc.tuple(hostileKey, hostileString) },
    ),
    { maxLength: 6 },
  )
  .map((pairs) => new URLSearchParams(pairs.map(([k, v]) => [k.toWellFormed(), v.toWellFormed()])));
