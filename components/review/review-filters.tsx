// The review's filters as a plain GET form: shop, range of days, chart granularity. The
// URL is the state, so a review can be bookmarked and shared; no script needed.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { filterControl, ShopFilter } from "./shop-filter";
import type { ShopMembership } from "@/lib/auth/access";
import { lastDays } from "@/lib/review/periods";
import { reviewSearch, type ReviewParams } from "@/lib/review/review-params";

const control = filterControl;
const QUICK_RANGES = [30, 60, 90] as const;

export async function ReviewFilters({ path, params, shops, now, granularity = true }: { path: string; params: ReviewParams; shops: ShopMembership[]; now: Date; granularity?: boolean }) {
  const t = await getTranslations("review.filters");
  return (
    <div className="mb-6 space-y-3">
      <form method="get" action={path} className="flex flex-wrap items-end gap-3" aria-label={t("label")}>
        <ShopFilter shops={shops} value={params.shop} label={t("shop")} allLabel={t("allShops", { count: shops.length })} />
        <label className="text-xs font-medium text-slate-700">
          {t("from")}
          <input type="date" name="from" defaultValue={params.range.from} className={control} />
        </label>
        <label className="text-xs font-medium text-slate-700">
          {t("to")}
          <input type="date" name="to" defaultValue={params.range.to} className={control} />
        </label>
        {granularity ? (
          <label className="text-xs font-medium text-slate-700">
            {t("granularity")}
            <select name="granularity" defaultValue={params.granularity} className={control}>
              <option value="day">{t("day")}</option>
              <option value="week">{t("week")}</option>
            </select>
          </label>
        ) : null}
        {params.status ? <input type="hidden" name="status" value={params.status} /> : null}
        {params.cause ? <input type="hidden" name="cause" value={params.cause} /> : null}
        <Button type="submit" variant="secondary" size="sm">
          {t("apply")}
        </Button>
      </form>
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <span>{t("quickRanges")}</span>
        {QUICK_RANGES.map((days) => {
          const range = lastDays(now, days);
          const search = reviewSearch(params, { range, granularity: days > 62 ? "week" : "day" });
          const current = params.range.from === range.from && params.range.to === range.to;
          return (
            <Link key={days} href={`${path}?${search}`} aria-current={current ? "true" : undefined} className={current ? "rounded-full bg-brand-100 px-2.5 py-0.5 font-medium text-brand-800" : "rounded-full px-2.5 py-0.5 text-brand-700 underline"}>
              {t("lastDays", { days })}
            </Link>
          );
        })}
      </p>
    </div>
  );
}
