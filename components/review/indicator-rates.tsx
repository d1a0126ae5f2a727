// Cdiscount's two rates over its 30- and 60-day windows: figures first (with what they
// count), then the same as bars, with their table.
import { getTranslations } from "next-intl/server";
import type { IndicatorRates as Rates } from "@/lib/review/get-indicator-rates";
import type { Locale } from "@/lib/orders/status";
import { ReviewBarChart } from "./bar-chart";
import { WINDOW_COLORS } from "./chart-colors";
import { ChartSection } from "./chart-section";
import { reviewFormat } from "./review-format";

const METRICS = ["cancellation", "sellerCancellation", "lateShipment"] as const;

export async function IndicatorRates({ rates, locale }: { rates: Rates[]; locale: Locale }) {
  const t = await getTranslations("review.indicators");
  const tChart = await getTranslations("review.chart");
  const f = reviewFormat(locale);
  const windowLabel = (r: Rates) => t("window", { days: r.window });
  const judged = rates.some((r) => METRICS.some((m) => r[m].of > 0));
  return (
    <div className="space-y-4">
      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title" className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("description")}</p>
      <ul className="mt-4 grid gap-4 md:grid-cols-3">
        {METRICS.map((metric) => (
          <li key={metric} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-metric={metric}>
            <h3 className="text-sm font-medium text-slate-700">{t(metric)}</h3>
            <dl className="mt-3 grid grid-cols-2 gap-3">
              {rates.map((r) => (
                <div key={r.window}>
                  <dt className="text-xs text-slate-600">{windowLabel(r)}</dt>
                  <dd className="text-2xl font-semibold tabular-nums text-slate-900" data-window={r.window}>
                    {f.percent(r[metric].rate)}
                  </dd>
                  <dd className="text-xs text-slate-600">{r[metric].of > 0 ? t("detail", { count: r[metric].count, of: r[metric].of }) : t("none")}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-xs text-slate-600">{t(`definitions.${metric}`)}</p>
          </li>
        ))}
      </ul>
      </section>
      <ChartSection
        id="indicator-rates"
        title={t("chartTitle")}
        summary={t("chartSummary", {
          cancellation30: f.percent(rates[0]?.cancellation.rate ?? null),
          cancellation60: f.percent(rates[1]?.cancellation.rate ?? null),
          late30: f.percent(rates[0]?.lateShipment.rate ?? null),
          late60: f.percent(rates[1]?.lateShipment.rate ?? null),
        })}
        showDataLabel={tChart("showData")}
        empty={judged ? null : t("empty")}
        table={{
          caption: t("chartTitle"),
          columns: [t("metric"), ...rates.map(windowLabel)],
          rows: METRICS.map((m) => [t(m), ...rates.map((r) => `${f.percent(r[m].rate)} (${t("detail", { count: r[m].count, of: r[m].of })})`)]),
        }}
      >
        <ReviewBarChart
          kind="percent"
          height={240}
          data={METRICS.map((m) => ({ label: t(m), ...Object.fromEntries(rates.map((r) => [`w${r.window}`, r[m].rate ?? 0])) }))}
          series={rates.map((r, i) => ({ key: `w${r.window}`, label: windowLabel(r), color: WINDOW_COLORS[i] ?? "#475569" }))}
        />
      </ChartSection>
    </div>
  );
}
