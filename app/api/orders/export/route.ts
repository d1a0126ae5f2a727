// GET /api/orders/export?<queue params>[&sep=comma]: the queue list those params show on
// /orders, every page of it, as a CSV download streamed from the database (lib/export).
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { problemResponse } from "@/lib/errors/http";
import { csvDelimiterOf } from "@/lib/export/csv";
import { authorizeOrderExport } from "@/lib/export/export-access";
import { exportOrdersCsv } from "@/lib/export/export-orders-csv";
import { EXPORT_COLUMNS } from "@/lib/export/order-export-columns";
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
    const [t, locale] = await Promise.all([getTranslations("review.export"), getLocale()]);
    const now = new Date();
    await recordOrderExport(db, { actorId: access.actor.id, shopIds: access.shopIds, query: queueParamsToSearch(params), delimiter });
    const stream = exportOrdersCsv(db, {
      shopIds: access.shopIds,
      params,
      now,
      format: {
        delimiter,
        locale,
        headers: Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, t(`columns.${c}`)])) as Record<(typeof EXPORT_COLUMNS)[number], string>,
        yes: t("yes"),
        no: t("no"),
        shopNames: new Map(access.readableShops.map((s) => [s.shopId, s.shopName])),
      },
    });
    const filename = t("filename", { date: parisDayOf(now) });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return problemResponse(error);
  }
}
