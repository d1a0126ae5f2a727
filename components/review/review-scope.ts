// The review pages' subtitle: which shops, over which days.
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/orders/status";
import type { ReviewAccess } from "@/lib/review/review-access";
import type { ReviewParams } from "@/lib/review/review-params";
import { reviewFormat } from "./review-format";

export async function reviewScopeLabel(access: ReviewAccess, params: ReviewParams): Promise<string> {
  const [t, locale] = await Promise.all([getTranslations("review.scope"), getLocale()]);
  const f = reviewFormat(locale as Locale);
  const shops = params.shop ? t("shop", { shop: access.reviewableShops.find((s) => s.shopId === params.shop)?.shopName ?? "" }) : t("allShops", { count: access.reviewableShops.length });
  return t("range", { shops, from: f.longDay(params.range.from), to: f.longDay(params.range.to) });
}
