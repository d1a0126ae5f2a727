// The canceled orders themselves, most recently canceled first: each links to its page.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusChip, FulfillmentBadge } from "@/components/orders/order-badges";
import type { Locale } from "@/lib/orders/status";
import type { CanceledOrdersPage } from "@/lib/review/list-canceled-orders";
import { reviewSearch, type ReviewParams } from "@/lib/review/review-params";
import { ExportCsvLink } from "./export-csv-link";
import { ListCard } from "./list-card";
import { reviewFormat } from "./review-format";

export async function CanceledOrdersTable({ page, params, shopNames, locale }: { page: CanceledOrdersPage; params: ReviewParams; shopNames: Map<string, string> | null; locale: Locale }) {
  const t = await getTranslations("review.canceled");
  const tCauses = await getTranslations("review.causes");
  const f = reviewFormat(locale);
  return (
    <ListCard
      id="canceled-list-title"
      title={t("listTitle")}
      caption={t("table.caption")}
      empty={page.rows.length ? null : params.after ? t("emptyPage") : t("empty")}
      actions={<ExportCsvLink list="canceled" search={reviewSearch(params)} />}
      header={
        <>
                <th scope="col" className="py-2 pr-4 font-medium">{t("table.order")}</th>
                {shopNames ? <th scope="col" className="px-3 py-2 font-medium">{t("table.shop")}</th> : null}
                <th scope="col" className="px-3 py-2 font-medium">{t("table.status")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("table.cause")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("table.canceledAt")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("table.createdAt")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("table.amount")}</th>
        </>
      }
      pagination={{
        label: t("pagination"),
        firstHref: params.after ? `/review/canceled?${reviewSearch(params)}` : null,
        firstLabel: t("firstPage"),
        nextHref: page.nextCursor ? `/review/canceled?${reviewSearch(params, { after: page.nextCursor })}` : null,
        nextLabel: t("nextPage"),
      }}
    >
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
    </ListCard>
  );
}
