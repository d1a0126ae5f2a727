import type { Metadata } from "next";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { authorizedPage } from "@/lib/auth/page-access";
import type { Locale } from "@/lib/orders/status";
import { authorizeReview } from "@/lib/review/authorize-review";
import { countOrdersPerPeriod } from "@/lib/review/count-orders-per-period";
import { getIndicatorRates } from "@/lib/review/get-indicator-rates";
import { parseReviewParams, reviewSearch, type ReviewParams } from "@/lib/review/review-params";
import { PageHeader } from "@/components/ui/page-header";
import { IndicatorRates } from "@/components/review/indicator-rates";
import { OrdersPerPeriodChart } from "@/components/review/orders-per-period-chart";
import { ReviewFilters } from "@/components/review/review-filters";
import { ReviewNav } from "@/components/review/review-nav";
import { reviewScopeLabel } from "@/components/review/review-scope";
import { ReviewSkeleton } from "@/components/review/review-skeleton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const now = new Date();
  const params = parseReviewParams(await searchParams, now);
  const access = await authorizedPage(authorizeReview(params.shop));
  const t = await getTranslations("review");
  return (
    <>
      <PageHeader title={t("title")} subtitle={await reviewScopeLabel(access, params)} />
      <ReviewNav current="overview" shop={params.shop} range={params.range} />
      <ReviewFilters path="/review" params={params} shops={access.reviewableShops} now={now} />
      <Suspense key={reviewSearch(params)} fallback={<ReviewSkeleton />}>
        <Indicators shopIds={access.shopIds} params={params} now={now} />
      </Suspense>
    </>
  );
}

async function Indicators({ shopIds, params, now }: { shopIds: string[]; params: ReviewParams; now: Date }) {
  const [rates, perPeriod, locale] = await Promise.all([
    getIndicatorRates(db, { shopIds, now }),
    countOrdersPerPeriod(db, { shopIds, range: params.range, granularity: params.granularity }),
    getLocale(),
  ]);
  return (
    <div className="space-y-6">
      <IndicatorRates rates={rates} locale={locale as Locale} />
      <OrdersPerPeriodChart points={perPeriod} range={params.range} granularity={params.granularity} locale={locale as Locale} />
    </div>
  );
}
