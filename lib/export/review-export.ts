// The review's CSV exports: GET /api/review/{canceled|fulfillment|audit}/export with the
// page's own URL params gives the list that page shows (every page of it), for the
// shops the user reviews and may export from.
import "server-only";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { auditActionLabel, auditTargetLabel } from "@/lib/audit/audit-labels";
import { authorizeReview } from "@/lib/review/authorize-review";
import type { ReviewAccess } from "@/lib/review/review-access";
import { auditSearch, canceledStatusesOf, parseAuditParams, parseReviewParams, reviewSearch } from "@/lib/review/review-params";
import { parisDayOf } from "@/lib/review/periods";
import { csvDelimiterOf } from "./csv";
import { exportableShopIds } from "./export-access";
import { csvDownload, orderCsvFormat } from "./csv-download";
import { exportAuditCsv, AUDIT_EXPORT_COLUMNS, type AuditExportColumn } from "./export-audit-csv";
import { canceledOrderPages, exportOrdersCsv, fulfillmentOrderPages } from "./export-orders-csv";
import { recordOrderExport } from "./record-order-export";

export const REVIEW_EXPORTS = ["canceled", "fulfillment", "audit"] as const;
export type ReviewExport = (typeof REVIEW_EXPORTS)[number];

export function isReviewExport(value: string): value is ReviewExport {
  return (REVIEW_EXPORTS as readonly string[]).includes(value);
}

/** The reviewed shops the user may also export from (orders.export). */
export function exportableReview(access: ReviewAccess): ReviewAccess {
  return { ...access, shopIds: exportableShopIds(access.reviewableShops, access.shopIds) };
}

export async function reviewExportResponse(list: string, url: URL): Promise<Response> {
  if (!isReviewExport(list)) throw new AppError("NOT_FOUND", { message: `No export named ${list}` });
  const now = new Date();
  const delimiter = csvDelimiterOf(url.searchParams.get("sep"));
  const t = await getTranslations("review.export");
  const filename = t(`filenames.${list}`, { date: parisDayOf(now) });

  if (list === "audit") {
    const params = parseAuditParams(url.searchParams);
    const access = exportableReview(await authorizeReview(params.shop));
    const ta = await getTranslations("review.audit");
    await recordOrderExport(db, { actorId: access.actor.id, shopIds: access.shopIds, list, query: auditSearch(params), delimiter });
    const stream = exportAuditCsv(db, {
      shopIds: access.shopIds,
      filters: { actorId: params.user, action: params.action, from: params.from, to: params.to },
      format: {
        delimiter,
        headers: Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((c) => [c, t(`auditColumns.${c}`)])) as Record<AuditExportColumn, string>,
        actionLabel: (action) => auditActionLabel(ta, action),
        targetLabel: (target) => auditTargetLabel(ta, target),
        outcomeLabel: (outcome) => (outcome === "success" || outcome === "failure" ? ta(`outcomes.${outcome}`) : outcome),
        system: ta("system"),
      },
    });
    return csvDownload(stream, filename);
  }

  const params = parseReviewParams(url.searchParams, now);
  const access = exportableReview(await authorizeReview(params.shop));
  const scope = { shopIds: access.shopIds, range: params.range };
  const pages = list === "canceled" ? canceledOrderPages(db, { ...scope, statuses: canceledStatusesOf(params) }) : fulfillmentOrderPages(db, scope);
  const format = await orderCsvFormat(delimiter, access.reviewableShops);
  await recordOrderExport(db, { actorId: access.actor.id, shopIds: access.shopIds, list, query: reviewSearch(params), delimiter });
  return csvDownload(exportOrdersCsv(db, { shopIds: access.shopIds, pages, format }), filename);
}
