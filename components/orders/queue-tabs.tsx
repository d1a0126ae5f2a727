"use client";
// The queue's tabs: the brief's four buckets, then the two working views. Links, so a
// view can be opened in a new tab and bookmarked; each shows its live count.
import { useLocale, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { QueueViewCounts } from "@/lib/orders/queue";
import type { QueueView } from "@/lib/orders/queue-params";

const TABS: readonly QueueView[] = ["NEW", "WAITING_SHIPMENT", "SHIPPED", "CANCELED", "late", "attention"];

export function QueueTabs({ view, counts, hrefFor, onSelect }: { view: QueueView; counts: QueueViewCounts; hrefFor: (view: QueueView) => string; onSelect: (view: QueueView) => void }) {
  const t = useTranslations("orders.views");
  // The user's locale, not the machine's: the server and the browser must print the same figure.
  const locale = useLocale();
  const format = (view: QueueView) => {
    const c = counts[view];
    return c.capped ? `${c.count.toLocaleString(locale)}+` : c.count.toLocaleString(locale);
  };
  const tabs = counts.OTHER.count > 0 || view === "OTHER" ? [...TABS.slice(0, 4), "OTHER" as const, ...TABS.slice(4)] : TABS;
  return (
    <nav aria-label={t("label")} className="-mx-1 mb-4 flex gap-1 overflow-x-auto border-b border-slate-200">
      {tabs.map((tab) => (
        <a
          key={tab}
          href={hrefFor(tab)}
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            onSelect(tab);
          }}
          aria-current={tab === view ? "page" : undefined}
          data-view={tab}
          className={cn(
            "flex items-center gap-2 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
            tab === view ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            (tab === "late" || tab === "attention") && "ml-2 first-of-type:ml-0",
          )}
        >
          {t(tab)}
          <span className={cn("rounded-full px-2 py-0.5 text-xs tabular-nums", tab === view ? "bg-brand-100 text-brand-800" : "bg-slate-100 text-slate-700")} data-count>
            {format(tab)}
          </span>
        </a>
      ))}
    </nav>
  );
}
