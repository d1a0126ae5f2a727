// The canceled orders themselves, most recently canceled first: each links to its page.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { StatusChip, FulfillmentBadge } from "@/components/orders/order-badges";
import type { Locale } from "@/lib/orders/status";
import type { CanceledOrdersPage } from "@/lib/review/list-canceled-orders";
import { reviewSearch, type ReviewParams } from "@/lib/review/review-params";
import { EmptyState } from "./empty-state";
import { reviewFormat } from "./review-format";

export async function CanceledOrdersTable({ page, params, shopNames, locale }: { page: CanceledOrdersPage; params: ReviewParams; shopNames: Map<string, string> | null; locale: Locale }) {
  const t = await getTranslations("review.canceled");
  const tCauses = await getTranslations("review.causes");
  const f = reviewFormat(locale);
  return (
    <Card aria-labelledby="canceled-list-title" className="space-y-4">
      <h2 id="canceled-list-title" className="text-lg font-semibold text-slate-900">
        {t("listTitle")}
      </h2>
      {page.rows.length === 0 ? (
        <EmptyState>{params.after ? t("emptyPage") : t("empty")}</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{t("table.caption")}</caption>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t("table.order")}</th>
                {shopNames ? <th scope="col" className="px-3 py-2 font-medium">{t("table.shop")}</th> : null}
                <th scope="col" className="px-3 py-2 font-medium">{t("table.status")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("table.cause")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("table.canceledAt")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("table.createdAt")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("table.amount")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.rows.map((r) => (
                <tr key={r.id} data-order-number={r.orderNumber}>
                  <th scope="row" className="py-2 pr-4 font-medium">
                    <Link href={`/orders/${r.id}`} className="text-brand-700 underline">
                      {r.orderNumber}
                    </Link>{" "}
                    <FulfillmentBadge type={r.fulfillmentType} />
                  </th>
                  {shopNames ? <td className="px-3 py-2 text-slate-800">{shopNames.get(r.shopId)}</td> : null}
                  <td className="px-3 py-2">
                    <StatusChip status={r.status} />
                  </td>
                  <td className="px-3 py-2 text-slate-800">{tCauses(r.cause)}</td>
                  <td className="px-3 py-2 tabular-nums text-slate-800">{f.dateTime(r.canceledAt)}</td>
                  <td className="px-3 py-2 tabular-nums text-slate-700">{f.dateTime(r.createdAt)}</td>
                  <td className="px-3 py-2 text-right tabular-nums text-slate-900">{f.money(r.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t("pagination")} className="flex justify-between text-sm">
        {params.after ? (
          <Link href={`/review/canceled?${reviewSearch(params)}`} className="text-brand-700 underline">
            {t("firstPage")}
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={`/review/canceled?${reviewSearch(params, { after: page.nextCursor })}`} className="text-brand-700 underline">
            {t("nextPage")}
          </Link>
        ) : null}
      </nav>
    </Card>
  );
}
