// Money, counts, rates and dates as the review shows them: the reader's language, euros,
// Paris time. Plain functions, for server and client components alike.
import type { Locale } from "@/lib/orders/status";

export type ValueKind = "count" | "money" | "percent";

export function reviewFormat(locale: Locale) {
  const money = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" });
  const compactMoney = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", notation: "compact", maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });
  // Period keys are Paris days (YYYY-MM-DD): shown as the calendar day they name.
  const shortDay = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const longDay = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const day = (key: string) => new Date(`${key}T00:00:00Z`);
  return {
    locale,
    money: (amount: string | number) => money.format(Number(amount)),
    compactMoney: (amount: number) => compactMoney.format(amount),
    number: (n: number) => number.format(n),
    percent: (rate: number | null) => (rate === null ? "—" : percent.format(rate)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    shortDay: (key: string) => shortDay.format(day(key)),
    longDay: (key: string) => longDay.format(day(key)),
    value(kind: ValueKind, value: number) {
      return kind === "money" ? money.format(value) : kind === "percent" ? percent.format(value) : number.format(value);
    },
  };
}

export type ReviewFormat = ReturnType<typeof reviewFormat>;
