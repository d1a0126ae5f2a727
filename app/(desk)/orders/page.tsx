import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { authorizedPage } from "@/lib/auth/page-access";
import { roleCan } from "@/lib/auth/permissions";
import { authorizeQueue } from "@/lib/orders/queue-access";
import { listSyncIssues, loadQueuePage } from "@/lib/orders/queue";
import { listSavedViews } from "@/lib/orders/saved-views";
import { syncIssueNotice } from "@/lib/sync/issue-notice";
import { parseQueueParams, queueParamsToSearch } from "@/lib/orders/queue-params";
import { PageHeader } from "@/components/ui/page-header";
import { OrderQueue } from "@/components/orders/order-queue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders"))("title") };
}

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseQueueParams(await searchParams);
  const { actor, shopIds, readableShops, currentShop } = await authorizedPage(authorizeQueue(params.shops));
  const now = new Date();
  const [page, syncNotice, savedViews, t] = await Promise.all([
    loadQueuePage(db, { shopIds, params, now }),
    listSyncIssues(db, { shopIds }).then(syncIssueNotice),
    listSavedViews(db, actor.id),
    getTranslations("orders"),
  ]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={params.shops === "all" ? t("allShopsSubtitle", { count: readableShops.length }) : t("subtitle", { shop: currentShop.shopName })} />
      <OrderQueue
        key={shopIds.join(",")}
        initialSearch={queueParamsToSearch(params)}
        initialPage={page}
        renderedAt={now.getTime()}
        syncNotice={syncNotice}
        savedViews={savedViews}
        currentShopId={currentShop.shopId}
        canAct={roleCan(currentShop.role, "orders.act")}
        canSeeAllShops={readableShops.length > 1}
      />
    </>
  );
}
