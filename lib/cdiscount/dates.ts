// Cdiscount's dates carry no timezone offset (reference §1.3): they are read as Paris
// local time. `0001-01-01T00:00:00` (.NET's DateTime.MinValue) means "not set".
const PARIS = "Europe/Paris";
const HOUR = 3_600_000;

const parisFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: PARIS,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function parisFields(utcMs: number) {
  const f: Record<string, number> = {};
  for (const part of parisFormat.formatToParts(new Date(utcMs))) if (part.type !== "literal") f[part.type] = Number(part.value);
  return f as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

// Paris' offset only changes at DST switches, on the hour: cache it per UTC hour.
const offsetCache = new Map<number, number>();
function parisOffsetMs(utcMs: number): number {
  const hour = Math.floor(utcMs / HOUR);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    const f = parisFields(hour * HOUR);
    offset = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - hour * HOUR;
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(hour, offset);
  }
  return offset;
}

/** UTC instant of a Paris wall-clock time given as if it were UTC milliseconds. */
function parisWallClockToUtc(wallMs: number): number {
  const first = wallMs - parisOffsetMs(wallMs);
  return wallMs - parisOffsetMs(first);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?(?:Z|[+-]\d{2}:\d{2})$/;

/** A Date, null for the "unset" sentinel, undefined when the text is not a date. */
export function parseCdiscountDate(value: string): Date | null | undefined {
  const m = LOCAL.exec(value);
  if (m) {
    const [, y, mo, d, h, mi, s, frac] = m;
    if (y === "0001" && mo === "01" && d === "01") return null;
    const ms = frac ? Number(frac.slice(0, 3).padEnd(3, "0")) : 0;
    const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
    return new Date(parisWallClockToUtc(wall));
  }
  if (WITH_ZONE.test(value)) {
    if (value.startsWith("0001-01-01")) return null;
    const parsed = new Date(value.replace(/(\.\d{3})\d+/, "$1"));
    return Number.isNaN(parsed.getTime()) ? undefined : parsed;
  }
  return undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Paris wall-clock time without offset, as Cdiscount writes dates. */
export function formatCdiscountDate(date: Date): string {
  const utcMs = date.getTime();
  const wall = new Date(utcMs + parisOffsetMs(utcMs));
  const ms = wall.getUTCMilliseconds();
  return (
    `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    (ms ? `.${pad(ms, 3)}`.replace(/0+$/, "") : "")
  );
}

export const UNSET_DATE = "0001-01-01T00:00:00";
