// A chart with its text alternatives: a title, a one-sentence summary (what the chart
// says, read by screen readers as the section's description) and the data as a table,
// one click away. Sighted keyboard users get the same table.
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { DataTable, type DataTableProps } from "./data-table";
import { EmptyState } from "./empty-state";

interface ChartSectionProps {
  id: string;
  title: string;
  summary: ReactNode;
  /** The chart; not rendered when `empty` says there is nothing to draw. */
  children: ReactNode;
  table: DataTableProps;
  showDataLabel: string;
  empty?: string | null;
  actions?: ReactNode;
}

export function ChartSection({ id, title, summary, children, table, showDataLabel, empty, actions }: ChartSectionProps) {
  return (
    <Card aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} className="space-y-4" data-chart-section={id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <p id={`${id}-summary`} className="mt-1 text-sm text-slate-700">
            {summary}
          </p>
        </div>
        {actions}
      </div>
      {empty ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <>
          {children}
          <details className="text-sm">
            <summary className="cursor-pointer text-brand-700 underline">{showDataLabel}</summary>
            <div className="mt-3">
              <DataTable {...table} />
            </div>
          </details>
        </>
      )}
    </Card>
  );
}
