"use client";
// Bars drawn with Recharts: stacked or side by side, counts, euros or rates. The chart
// is a picture for sighted readers; the figure around it (ChartSection) says the same in
// a summary and a data table, so the SVG itself stays out of the accessibility tree.
import { useLocale } from "next-intl";
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Locale } from "@/lib/orders/status";
import { reviewFormat, type ValueKind } from "./review-format";

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export type ChartDatum = { label: string } & Record<string, number | string>;

const TICK = { fill: "#334155", fontSize: 12 };

export function ReviewBarChart({ data, series, stacked = false, kind, height = 280 }: { data: ChartDatum[]; series: ChartSeries[]; stacked?: boolean; kind: ValueKind; height?: number }) {
  const locale = useLocale() as Locale;
  const format = useMemo(() => reviewFormat(locale), [locale]);
  const tick = (value: number) => (kind === "money" ? format.compactMoney(value) : format.value(kind, value));
  return (
    <div aria-hidden="true" className="w-full" data-chart>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 720, height }}>
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={TICK} tickLine={false} axisLine={{ stroke: "#94a3b8" }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis tick={TICK} tickLine={false} axisLine={false} tickFormatter={tick} allowDecimals={kind !== "count"} width={kind === "money" ? 72 : 48} />
          <Tooltip
            formatter={(value) => format.value(kind, Number(value))}
            cursor={{ fill: "#f1f5f9" }}
            contentStyle={{ borderRadius: 6, borderColor: "#cbd5e1", fontSize: 13 }}
            labelStyle={{ color: "#0f172a", fontWeight: 600 }}
          />
          <Legend formatter={(value: string) => <span style={{ color: "#334155" }}>{value}</span>} wrapperStyle={{ fontSize: 13 }} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? "stack" : undefined} isAnimationActive={false} maxBarSize={48} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
