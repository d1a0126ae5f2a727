// Fulfillment orders placed per day (or week), MKPFBC and EXTFBC side by side.
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/orders/status";
import { FULFILLMENT_TYPE_NAMES } from "@/lib/review/get-fulfillment-summary";
import type { FulfillmentTrendPoint } from "@/lib/review/get-fulfillment-trend";
import type { Granularity } from "@/lib/review/periods";
import { ReviewBarChart } from "./bar-chart";
import { FULFILLMENT_COLORS } from "./chart-colors";
import { ChartSection } from "./chart-section";
import { reviewFormat } from "./review-format";

export async function FulfillmentTrendChart({ points, granularity, locale }: { points: FulfillmentTrendPoint[]; granularity: Granularity; locale: Locale }) {
  const t = await getTranslations("review.fulfillment");
  const tChart = await getTranslations("review.chart");
  const f = reviewFormat(locale);
  const totals = Object.fromEntries(FULFILLMENT_TYPE_NAMES.map((type) => [type, points.reduce((n, p) => n + p.count[type], 0)]));
  const values = Object.fromEntries(FULFILLMENT_TYPE_NAMES.map((type) => [type, points.reduce((n, p) => n + Number(p.value[type]), 0)]));
  const total = FULFILLMENT_TYPE_NAMES.reduce((n, type) => n + totals[type]!, 0);
  const periodLabel = (key: string) => (granularity === "week" ? tChart("weekOf", { date: f.shortDay(key) }) : f.shortDay(key));
  const title = t(granularity === "week" ? "trendTitleWeek" : "trendTitleDay");
  return (
    <ChartSection
      id="fulfillment-trend"
      title={title}
      summary={t("trendSummary", { mkpfbc: totals.MKPFBC ?? 0, extfbc: totals.EXTFBC ?? 0, mkpfbcValue: f.money(values.MKPFBC ?? 0), extfbcValue: f.money(values.EXTFBC ?? 0) })}
      showDataLabel={tChart("showData")}
      empty={total === 0 ? t("empty") : null}
      table={{
        caption: title,
        columns: [tChart("period"), ...FULFILLMENT_TYPE_NAMES.flatMap((type) => [t("countOf", { type }), t("valueOf", { type })])],
        rows: points.map((p) => [periodLabel(p.period), ...FULFILLMENT_TYPE_NAMES.flatMap((type) => [f.number(p.count[type]), f.money(p.value[type])])]),
        footer: [[tChart("total"), ...FULFILLMENT_TYPE_NAMES.flatMap((type) => [f.number(totals[type] ?? 0), f.money(values[type] ?? 0)])]],
      }}
    >
      <ReviewBarChart kind="count" data={points.map((p) => ({ label: periodLabel(p.period), ...p.count }))} series={FULFILLMENT_TYPE_NAMES.map((type) => ({ key: type, label: type, color: FULFILLMENT_COLORS[type] }))} />
    </ChartSection>
  );
}
