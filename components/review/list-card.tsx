// The frame of a paged review list: a titled card, its empty state or its table, and the
// first-page / next-page links. The caller gives the header cells and the rows.
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "./empty-state";

interface ListCardProps {
  id: string;
  title: string;
  caption: string;
  empty: string | null;
  header: ReactNode;
  children: ReactNode;
  pagination: { label: string; firstHref: string | null; firstLabel: string; nextHref: string | null; nextLabel: string };
  /** Beside the title: what applies to the whole list (its CSV export). */
  actions?: ReactNode;
}

export function ListCard({ id, title, caption, empty, header, children, pagination, actions }: ListCardProps) {
  return (
    <Card aria-labelledby={id} className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {actions}
      </div>
      {empty !== null ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
              <tr>{header}</tr>
            </thead>
            <tbody className="divide-y divide-slate-100">{children}</tbody>
          </table>
        </div>
      )}
      <nav aria-label={pagination.label} className="flex justify-between text-sm">
        {pagination.firstHref ? (
          <Link href={pagination.firstHref} className="text-brand-700 underline">
            {pagination.firstLabel}
          </Link>
        ) : (
          <span />
        )}
        {pagination.nextHref ? (
          <Link href={pagination.nextHref} className="text-brand-700 underline">
            {pagination.nextLabel}
          </Link>
        ) : null}
      </nav>
    </Card>
  );
}
