"use client";
// Money, dates and countdowns as a French seller reads them: Paris time, euros.
import { useLocale } from "next-intl";
import type { Locale } from "@/lib/orders/status";

function orderFormat(locale: Locale) {
  const money = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" });
  return {
    locale,
    money: (amount: string) => money.format(Number(amount)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** "dans 3 h", "il y a 2 j": the largest unit that is at least one. */
    relative(iso: string, now: number) {
      const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
      const abs = Math.abs(minutes);
      if (abs < 60) return relative.format(minutes, "minute");
      if (abs < 48 * 60) return relative.format(Math.round(minutes / 60), "hour");
      return relative.format(Math.round(minutes / 1440), "day");
    },
  };
}

// Building Intl formatters is costly, and every badge and cell of the queue asks for them:
// a useMemo per component still built three per row, and the server's render (where
// useMemo keeps nothing between requests) built them again on every page. One set per
// locale, for the life of the process or the tab.
const formats = new Map<Locale, ReturnType<typeof orderFormat>>();

export function useOrderFormat() {
  const locale = useLocale() as Locale;
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = orderFormat(locale)));
  return format;
}
