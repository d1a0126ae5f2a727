// The canceled review's figures: the total and value lost, then who or what canceled
// (causes) and the ten canceled statuses (facets). Each cause and status is a link that
// narrows the trend and the list to it; the counts always cover the whole range.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import { statusInfo, type Locale } from "@/lib/orders/status";
import type { CanceledSummary } from "@/lib/review/get-canceled-summary";
import { reviewSearch, type ReviewParams } from "@/lib/review/review-params";
import { CAUSE_COLORS } from "./chart-colors";
import { reviewFormat } from "./review-format";

const PATH = "/review/canceled";

export async function CanceledOverview({ summary, params, locale }: { summary: CanceledSummary; params: ReviewParams; locale: Locale }) {
  const t = await getTranslations("review.canceled");
  const tCauses = await getTranslations("review.causes");
  const f = reviewFormat(locale);
  const share = (count: number) => (summary.total.count ? f.percent(count / summary.total.count) : "—");
  const all = !params.status && !params.cause;
  const facetLink = (active: boolean) =>
    cn("flex items-center justify-between gap-3 rounded-md px-3 py-2 text-sm", active ? "bg-brand-50 font-medium text-brand-800 ring-1 ring-brand-100" : "text-slate-800 hover:bg-slate-50");
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <section aria-labelledby="canceled-total" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="canceled-total" className="text-sm font-medium text-slate-700">
          {t("totalTitle")}
        </h2>
        <p className="mt-2 text-3xl font-semibold tabular-nums text-slate-900" data-total>
          {f.number(summary.total.count)}
        </p>
        <p className="text-sm text-slate-700">
          {t.rich("valueLostFigure", {
            amount: f.money(summary.total.value),
            value: (chunks) => (
              <span className="font-semibold tabular-nums text-red-800" data-value-lost>
                {chunks}
              </span>
            ),
          })}
        </p>
        <p className="mt-3 text-xs text-slate-600">{t("whenDefinition")}</p>
        {all ? null : (
          <p className="mt-3 text-sm">
            <Link href={`${PATH}?${reviewSearch(params, { status: null, cause: null })}`} className="text-brand-700 underline">
              {t("clearFilter")}
            </Link>
          </p>
        )}
      </section>
      <section aria-labelledby="canceled-causes" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="canceled-causes" className="text-sm font-medium text-slate-700">
          {t("causesTitle")}
        </h2>
        <ul className="mt-2 space-y-1">
          {summary.causes.map((c) => {
            const active = params.cause === c.cause;
            return (
              <li key={c.cause} data-cause={c.cause}>
                <Link href={`${PATH}?${reviewSearch(params, { cause: active ? null : c.cause, status: null })}`} aria-current={active ? "true" : undefined} className={facetLink(active)}>
                  <span className="flex items-center gap-2">
                    <span aria-hidden="true" className="inline-block size-2.5 rounded-full" style={{ backgroundColor: CAUSE_COLORS[c.cause] }} />
                    {tCauses(c.cause)}
                  </span>
                  <span className="text-right tabular-nums">
                    {t("facetFigure", { count: c.count, value: f.money(c.value), share: share(c.count) })}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="canceled-statuses" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="canceled-statuses" className="text-sm font-medium text-slate-700">
          {t("statusesTitle")}
        </h2>
        <ul className="mt-2 space-y-1">
          {summary.statuses.map((s) => {
            const active = params.status === s.status;
            return (
              <li key={s.status} data-status-facet={s.status}>
                <Link
                  href={`${PATH}?${reviewSearch(params, { status: active ? null : s.status, cause: null })}`}
                  aria-current={active ? "true" : undefined}
                  title={statusInfo(s.status).meaning[locale]}
                  className={cn(facetLink(active), s.count === 0 && !active && "text-slate-600")}
                >
                  <span>{statusInfo(s.status).label[locale]}</span>
                  <span className="text-right tabular-nums" data-count={s.count}>
                    {t("facetFigure", { count: s.count, value: f.money(s.value), share: share(s.count) })}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
