import type { Metadata } from "next";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { authorizedPage } from "@/lib/auth/page-access";
import type { Locale } from "@/lib/orders/status";
import { authorizeReview } from "@/lib/review/authorize-review";
import { getFulfillmentSummary } from "@/lib/review/get-fulfillment-summary";
import { getFulfillmentTrend } from "@/lib/review/get-fulfillment-trend";
import { parseReviewParams, reviewSearch, type ReviewParams } from "@/lib/review/review-params";
import { PageHeader } from "@/components/ui/page-header";
import { FulfillmentOverview } from "@/components/review/fulfillment-overview";
import { FulfillmentTrendChart } from "@/components/review/fulfillment-trend-chart";
import { ExportCsvLink } from "@/components/review/export-csv-link";
import { ReviewFilters } from "@/components/review/review-filters";
import { ReviewNav } from "@/components/review/review-nav";
import { reviewScopeLabel } from "@/components/review/review-scope";
import { ReviewSkeleton } from "@/components/review/review-skeleton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review.fulfillment"))("title") };
}

export default async function FulfillmentReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const now = new Date();
  const params = parseReviewParams(await searchParams, now);
  const access = await authorizedPage(authorizeReview(params.shop));
  const t = await getTranslations("review.fulfillment");
  return (
    <>
      <PageHeader title={t("title")} subtitle={await reviewScopeLabel(access, params)} />
      <ReviewNav current="fulfillment" shop={params.shop} range={params.range} />
      <ReviewFilters path="/review/fulfillment" params={params} shops={access.reviewableShops} now={now} />
      <div className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <ExportCsvLink list="fulfillment" search={reviewSearch(params)} />
      </div>
      <Suspense key={reviewSearch(params)} fallback={<ReviewSkeleton />}>
        <FulfillmentReview shopIds={access.shopIds} params={params} />
      </Suspense>
    </>
  );
}

async function FulfillmentReview({ shopIds, params }: { shopIds: string[]; params: ReviewParams }) {
  const scope = { shopIds, range: params.range };
  const [summary, trend, locale] = await Promise.all([getFulfillmentSummary(db, scope), getFulfillmentTrend(db, { ...scope, granularity: params.granularity }), getLocale() as Promise<Locale>]);
  return (
    <div className="space-y-6">
      <FulfillmentOverview summary={summary} locale={locale} />
      <FulfillmentTrendChart points={trend} granularity={params.granularity} locale={locale} />
    </div>
  );
}
