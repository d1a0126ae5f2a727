// Orders placed per day (or week), stacked by the bucket they are in now.
import { getTranslations } from "next-intl/server";
import { BUCKET_LABELS, BUCKETS, type Locale } from "@/lib/orders/status";
import type { OrdersPerPeriod } from "@/lib/review/count-orders-per-period";
import type { DayRange, Granularity } from "@/lib/review/periods";
import { ReviewBarChart } from "./bar-chart";
import { BUCKET_COLORS } from "./chart-colors";
import { ChartSection } from "./chart-section";
import { reviewFormat } from "./review-format";

export async function OrdersPerPeriodChart({ points, range, granularity, locale }: { points: OrdersPerPeriod[]; range: DayRange; granularity: Granularity; locale: Locale }) {
  const t = await getTranslations("review.perPeriod");
  const tChart = await getTranslations("review.chart");
  const f = reviewFormat(locale);
  const total = points.reduce((n, p) => n + p.total, 0);
  // The Other bucket only when orders are in it, as on the queue.
  const buckets = BUCKETS.filter((b) => b !== "OTHER" || points.some((p) => p.byBucket.OTHER > 0));
  const busiest = points.reduce<OrdersPerPeriod | null>((best, p) => (!best || p.total > best.total ? p : best), null);
  const periodLabel = (key: string) => (granularity === "week" ? tChart("weekOf", { date: f.shortDay(key) }) : f.shortDay(key));
  return (
    <ChartSection
      id="orders-per-period"
      title={t(granularity === "week" ? "titleWeek" : "titleDay")}
      summary={t("summary", { total, from: f.longDay(range.from), to: f.longDay(range.to), busiest: busiest ? periodLabel(busiest.period) : "", busiestCount: busiest?.total ?? 0 })}
      showDataLabel={tChart("showData")}
      empty={total === 0 ? t("empty") : null}
      table={{
        caption: t(granularity === "week" ? "titleWeek" : "titleDay"),
        columns: [tChart("period"), ...buckets.map((b) => BUCKET_LABELS[b][locale]), tChart("total")],
        rows: points.map((p) => [periodLabel(p.period), ...buckets.map((b) => f.number(p.byBucket[b])), f.number(p.total)]),
        footer: [[tChart("total"), ...buckets.map((b) => f.number(points.reduce((n, p) => n + p.byBucket[b], 0))), f.number(total)]],
      }}
    >
      <ReviewBarChart
        kind="count"
        stacked
        data={points.map((p) => ({ label: periodLabel(p.period), ...p.byBucket }))}
        series={buckets.map((b) => ({ key: b, label: BUCKET_LABELS[b][locale], color: BUCKET_COLORS[b] }))}
      />
    </ChartSection>
  );
}
