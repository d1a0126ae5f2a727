// "Exporter (CSV)": the list a page shows, every page of it, downloaded from one of the
// export routes (semicolons and a BOM, for French Excel). Without `list`, the order queue's
// export (/api/orders/export); with it, a review list's (/api/review/<list>/export).
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

type ReviewList = "canceled" | "fulfillment" | "audit";

export function ExportCsvLink({ search, list, className }: { search: string; list?: ReviewList; className?: string }) {
  const t = useTranslations("review.export");
  const path = list ? `/api/review/${list}/export` : "/api/orders/export";
  return (
    <a
      href={search ? `${path}?${search}` : path}
      download
      title={list ? t(`reviewLinkHint.${list}`) : t("linkHint")}
      className={cn("inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50", className)}
    >
      {t("link")}
    </a>
  );
}
