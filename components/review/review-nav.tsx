// The review's sections. Links keep the shop and the range, so moving between sections
// keeps what the manager is looking at (the audit log, with filters of its own, keeps the shop).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

const SECTIONS = [
  { href: "/review", key: "overview" },
  { href: "/review/canceled", key: "canceled" },
  { href: "/review/fulfillment", key: "fulfillment" },
  { href: "/review/audit", key: "audit" },
] as const;

export type ReviewSection = (typeof SECTIONS)[number]["key"];

export async function ReviewNav({ current, shop, range }: { current: ReviewSection; shop: string | null; range?: { from: string; to: string } }) {
  const t = await getTranslations("review.nav");
  return (
    <nav aria-label={t("label")} className="-mx-1 mb-6 flex gap-1 overflow-x-auto border-b border-slate-200">
      {SECTIONS.map((s) => {
        const query = new URLSearchParams();
        if (shop) query.set("shop", shop);
        if (range && s.key !== "audit") {
          query.set("from", range.from);
          query.set("to", range.to);
        }
        const search = query.toString();
        return (
          <Link
            key={s.key}
            href={search ? `${s.href}?${search}` : s.href}
            aria-current={s.key === current ? "page" : undefined}
            className={cn(
              "whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
              s.key === current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {t(s.key)}
          </Link>
        );
      })}
    </nav>
  );
}
