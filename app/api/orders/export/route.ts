// GET /api/orders/export?<queue params>[&sep=comma]: the queue list those params show on
// /orders, every page of it, as a CSV download streamed from the database (lib/export).
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { problemResponse } from "@/lib/errors/http";
import { csvDelimiterOf } from "@/lib/export/csv";
import { csvDownload, orderCsvFormat } from "@/lib/export/csv-download";
import { authorizeOrderExport } from "@/lib/export/export-access";
import { exportOrdersCsv, queueOrderPages } from "@/lib/export/export-orders-csv";
import { recordOrderExport } from "@/lib/export/record-order-export";
import { parseQueueParams, queueParamsToSearch } from "@/lib/orders/queue-params";
import { parisDayOf } from "@/lib/review/periods";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const url = new URL(request.url);
    const params = parseQueueParams(url.searchParams);
    const access = await authorizeOrderExport(params.shops);
    const delimiter = csvDelimiterOf(url.searchParams.get("sep"));
    const now = new Date();
    const [t, format] = await Promise.all([getTranslations("review.export"), orderCsvFormat(delimiter, access.readableShops)]);
    await recordOrderExport(db, { actorId: access.actor.id, shopIds: access.shopIds, list: "queue", query: queueParamsToSearch(params), delimiter });
    const stream = exportOrdersCsv(db, { shopIds: access.shopIds, pages: queueOrderPages(db, { shopIds: access.shopIds, params, now }), format });
    return csvDownload(stream, t("filename", { date: parisDayOf(now) }));
  } catch (error) {
    return problemResponse(error);
  }
}
