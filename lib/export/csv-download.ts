// What every CSV download answers with, and the order export's words in the reader's
// language: one place for the queue's export and the review's.
import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/orders/status";
import type { CsvDelimiter } from "./csv";
import { EXPORT_COLUMNS, type OrderCsvFormat } from "./order-export-columns";

export function csvDownload(stream: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      // An ASCII name for old clients, the exact one (RFC 6266) for the others.
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export async function orderCsvFormat(delimiter: CsvDelimiter, shops: readonly { shopId: string; shopName: string }[]): Promise<OrderCsvFormat> {
  const [t, locale] = await Promise.all([getTranslations("review.export"), getLocale() as Promise<Locale>]);
  return {
    delimiter,
    locale,
    headers: Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, t(`columns.${c}`)])) as Record<(typeof EXPORT_COLUMNS)[number], string>,
    yes: t("yes"),
    no: t("no"),
    shopNames: new Map(shops.map((s) => [s.shopId, s.shopName])),
  };
}
