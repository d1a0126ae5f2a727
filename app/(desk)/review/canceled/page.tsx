import type { Metadata } from "next";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { authorizedPage } from "@/lib/auth/page-access";
import { statusInfo, type Locale } from "@/lib/orders/status";
import { authorizeReview } from "@/lib/review/authorize-review";
import { getCanceledSummary } from "@/lib/review/get-canceled-summary";
import { getCancellationTrend } from "@/lib/review/get-cancellation-trend";
import { listCanceledOrders } from "@/lib/review/list-canceled-orders";
import { canceledStatusesOf, parseReviewParams, reviewSearch, type ReviewParams } from "@/lib/review/review-params";
import type { ReviewAccess } from "@/lib/review/review-access";
import { PageHeader } from "@/components/ui/page-header";
import { CanceledOrdersTable } from "@/components/review/canceled-orders-table";
import { CanceledOverview } from "@/components/review/canceled-overview";
import { CancellationTrendChart } from "@/components/review/cancellation-trend-chart";
import { ReviewFilters } from "@/components/review/review-filters";
import { ReviewNav } from "@/components/review/review-nav";
import { reviewScopeLabel } from "@/components/review/review-scope";
import { ReviewSkeleton } from "@/components/review/review-skeleton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review.canceled"))("title") };
}

export default async function CanceledReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const now = new Date();
  const params = parseReviewParams(await searchParams, now);
  const access = await authorizedPage(authorizeReview(params.shop));
  const t = await getTranslations("review.canceled");
  return (
    <>
      <PageHeader title={t("title")} subtitle={await reviewScopeLabel(access, params)} />
      <ReviewNav current="canceled" shop={params.shop} range={params.range} />
      <ReviewFilters path="/review/canceled" params={params} shops={access.reviewableShops} now={now} />
      <Suspense key={reviewSearch(params)} fallback={<ReviewSkeleton />}>
        <CanceledReview access={access} params={params} />
      </Suspense>
    </>
  );
}

async function CanceledReview({ access, params }: { access: ReviewAccess; params: ReviewParams }) {
  const statuses = canceledStatusesOf(params);
  const scope = { shopIds: access.shopIds, range: params.range };
  const [summary, trend, page, tCauses, locale] = await Promise.all([
    getCanceledSummary(db, scope),
    getCancellationTrend(db, { ...scope, granularity: params.granularity, statuses }),
    listCanceledOrders(db, { ...scope, statuses, after: params.after }),
    getTranslations("review.causes"),
    getLocale() as Promise<Locale>,
  ]);
  const filterLabel = params.status ? statusInfo(params.status).label[locale] : params.cause ? tCauses(params.cause) : null;
  const shopNames = access.shopIds.length > 1 ? new Map(access.reviewableShops.map((s) => [s.shopId, s.shopName])) : null;
  return (
    <div className="space-y-6">
      <CanceledOverview summary={summary} params={params} locale={locale} />
      <CancellationTrendChart points={trend} granularity={params.granularity} locale={locale} filterLabel={filterLabel} />
      <CanceledOrdersTable page={page} params={params} shopNames={shopNames} locale={locale} />
    </div>
  );
}
