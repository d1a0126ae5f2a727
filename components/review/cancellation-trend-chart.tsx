// Canceled orders per day (or week), stacked by cause.
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/orders/status";
import { CANCELLATION_CAUSES } from "@/lib/review/cancellation-causes";
import type { CancellationTrendPoint } from "@/lib/review/get-cancellation-trend";
import type { Granularity } from "@/lib/review/periods";
import { ReviewBarChart } from "./bar-chart";
import { CAUSE_COLORS } from "./chart-colors";
import { ChartSection } from "./chart-section";
import { reviewFormat } from "./review-format";

export async function CancellationTrendChart({ points, granularity, locale, filterLabel }: { points: CancellationTrendPoint[]; granularity: Granularity; locale: Locale; filterLabel: string | null }) {
  const t = await getTranslations("review.canceled");
  const tChart = await getTranslations("review.chart");
  const tCauses = await getTranslations("review.causes");
  const f = reviewFormat(locale);
  const total = points.reduce((n, p) => n + p.total, 0);
  const value = points.reduce((sum, p) => sum + Number(p.value), 0);
  const causes = CANCELLATION_CAUSES.filter((c) => points.some((p) => p.byCause[c] > 0));
  const periodLabel = (key: string) => (granularity === "week" ? tChart("weekOf", { date: f.shortDay(key) }) : f.shortDay(key));
  const peak = points.reduce<CancellationTrendPoint | null>((best, p) => (!best || p.total > best.total ? p : best), null);
  const title = t(granularity === "week" ? "trendTitleWeek" : "trendTitleDay");
  return (
    <ChartSection
      id="cancellation-trend"
      title={filterLabel ? `${title} — ${filterLabel}` : title}
      summary={t("trendSummary", { total, value: f.money(value), peak: peak ? periodLabel(peak.period) : "", peakCount: peak?.total ?? 0 })}
      showDataLabel={tChart("showData")}
      empty={total === 0 ? t("empty") : null}
      table={{
        caption: title,
        columns: [tChart("period"), ...causes.map((c) => tCauses(c)), tChart("total"), t("valueLost")],
        rows: points.map((p) => [periodLabel(p.period), ...causes.map((c) => f.number(p.byCause[c])), f.number(p.total), f.money(p.value)]),
        footer: [[tChart("total"), ...causes.map((c) => f.number(points.reduce((n, p) => n + p.byCause[c], 0))), f.number(total), f.money(value)]],
      }}
    >
      <ReviewBarChart kind="count" stacked data={points.map((p) => ({ label: periodLabel(p.period), ...p.byCause }))} series={causes.map((c) => ({ key: c, label: tCauses(c), color: CAUSE_COLORS[c] }))} />
    </ChartSection>
  );
}
