"use client";
// "Exporter (CSV)" on the order queue: the list those URL params show, every page of it,
// downloaded from GET /api/orders/export (semicolons and a BOM, for French Excel).
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

export function ExportCsvLink({ search, className }: { search: string; className?: string }) {
  const t = useTranslations("review.export");
  return (
    <a
      href={search ? `/api/orders/export?${search}` : "/api/orders/export"}
      download
      title={t("linkHint")}
      className={cn("inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50", className)}
    >
      {t("link")}
    </a>
  );
}
