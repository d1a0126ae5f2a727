// The instants both engines store. PostgreSQL's timestamp(3) refuses the ISO year 0000
// (JavaScript's 1 BC) and JavaScript's six-digit years, which SQLite would keep as text
// sorting out of order; every date the desk deals in lies well within years 1 to 9999.
const FIRST = Date.parse("0001-01-01T00:00:00.000Z");
const LAST = Date.parse("9999-12-31T23:59:59.999Z");

/** False for an invalid Date and for one outside years 1 to 9999 (UTC). */
export function isStorableInstant(date: Date): boolean {
  const time = date.getTime();
  return time >= FIRST && time <= LAST;
}
