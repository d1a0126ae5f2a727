import type { Metadata } from "next";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { authorizedPage } from "@/lib/auth/page-access";
import type { Locale } from "@/lib/orders/status";
import { authorizeReview } from "@/lib/review/authorize-review";
import { listAuditFacets } from "@/lib/review/list-audit-facets";
import { listAuditLog } from "@/lib/review/list-audit-log";
import { auditSearch, parseAuditParams, type AuditParams } from "@/lib/review/review-params";
import { PageHeader } from "@/components/ui/page-header";
import { AuditFilters } from "@/components/review/audit-filters";
import { AuditTable } from "@/components/review/audit-table";
import { ReviewNav } from "@/components/review/review-nav";
import { ReviewSkeleton } from "@/components/review/review-skeleton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review.audit"))("title") };
}

// ADMIN and MANAGER of a shop read its log (orders.review); the shop filter narrows it.
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseAuditParams(await searchParams);
  const access = await authorizedPage(authorizeReview(params.shop));
  const [facets, t] = await Promise.all([listAuditFacets(db, { shopIds: access.shopIds }), getTranslations("review.audit")]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <ReviewNav current="audit" shop={params.shop} />
      <AuditFilters params={params} shops={access.reviewableShops} facets={facets} />
      <Suspense key={auditSearch(params, { after: params.after })} fallback={<ReviewSkeleton />}>
        <AuditLog shopIds={access.shopIds} params={params} />
      </Suspense>
    </>
  );
}

async function AuditLog({ shopIds, params }: { shopIds: string[]; params: AuditParams }) {
  const [page, locale] = await Promise.all([
    listAuditLog(db, { shopIds, filters: { actorId: params.user, action: params.action, from: params.from, to: params.to }, after: params.after }),
    getLocale() as Promise<Locale>,
  ]);
  return <AuditTable page={page} params={params} showShop={shopIds.length > 1} locale={locale} />;
}
