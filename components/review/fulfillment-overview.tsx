// Fulfillment orders of the range, MKPFBC next to EXTFBC: how many, for what value, what
// share of all orders, and the statuses they are in.
import { getTranslations } from "next-intl/server";
import { FULFILLMENT_TYPES } from "@/lib/orders/fulfillment";
import { statusInfo, type Locale } from "@/lib/orders/status";
import type { FulfillmentSummary } from "@/lib/review/get-fulfillment-summary";
import { FULFILLMENT_COLORS } from "./chart-colors";
import { DataTable } from "./data-table";
import { reviewFormat } from "./review-format";

export async function FulfillmentOverview({ summary, locale }: { summary: FulfillmentSummary; locale: Locale }) {
  const t = await getTranslations("review.fulfillment");
  const f = reviewFormat(locale);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {summary.types.map((type) => (
        <section key={type.type} aria-labelledby={`fulfillment-${type.type}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-fulfillment={type.type}>
          <h2 id={`fulfillment-${type.type}`} className="flex items-center gap-2 text-base font-semibold text-slate-900">
            <span aria-hidden="true" className="inline-block size-2.5 rounded-full" style={{ backgroundColor: FULFILLMENT_COLORS[type.type] }} />
            {type.type} — {FULFILLMENT_TYPES[type.type].label[locale]}
          </h2>
          <dl className="mt-3 grid grid-cols-3 gap-3">
            <div>
              <dt className="text-xs text-slate-600">{t("orders")}</dt>
              <dd className="text-2xl font-semibold tabular-nums text-slate-900" data-count>
                {f.number(type.count)}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">{t("value")}</dt>
              <dd className="text-2xl font-semibold tabular-nums text-slate-900">{f.money(type.value)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">{t("share")}</dt>
              <dd className="text-2xl font-semibold tabular-nums text-slate-900">{summary.allOrders.count ? f.percent(type.count / summary.allOrders.count) : "—"}</dd>
            </div>
          </dl>
          <div className="mt-4">
            {type.statuses.length ? (
              <DataTable
                caption={t("statusesCaption", { type: type.type })}
                columns={[t("status"), t("orders"), t("value")]}
                rows={type.statuses.map((s) => [statusInfo(s.status).label[locale], f.number(s.count), f.money(s.value)])}
              />
            ) : (
              <p className="text-sm text-slate-600">{t("noneOfType")}</p>
            )}
          </div>
        </section>
      ))}
      <p className="text-sm text-slate-700 md:col-span-2">{t("allOrders", { count: summary.allOrders.count, value: f.money(summary.allOrders.value) })}</p>
    </div>
  );
}
