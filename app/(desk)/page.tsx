import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { authorizePage, getDeskContext } from "@/lib/auth/page-access";
import { countOrdersByBucket } from "@/lib/orders/queries";
import { BUCKET_LABELS, BUCKETS } from "@/lib/orders/status";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { BucketSummary } from "@/components/orders/bucket-summary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home"))("title") };
}

export default async function OverviewPage() {
  const [{ currentShop }, t, locale] = await Promise.all([getDeskContext(), getTranslations("home"), getLocale()]);
  if (!currentShop) {
    return (
      <>
        <PageHeader title={t("noShopTitle")} />
        <Alert>{t("noShop")}</Alert>
      </>
    );
  }
  const access = await authorizePage("orders.read", { shopId: currentShop.shopId });
  const counts = await countOrdersByBucket(access.shopId);
  const total = BUCKETS.reduce((sum, b) => sum + counts[b], 0);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle", { shop: currentShop.shopName })} />
      {currentShop.shopDisabled ? <Alert className="mb-6">{t("disabledShop")}</Alert> : null}
      <BucketSummary
        buckets={BUCKETS.filter((b) => b !== "OTHER" || counts.OTHER > 0).map((b) => ({
          bucket: b,
          label: BUCKET_LABELS[b][locale],
          count: counts[b],
          countLabel: t("ordersCount", { count: counts[b] }),
        }))}
      />
      {total === 0 ? <p className="mt-6 text-sm text-slate-600">{t("emptyStore")}</p> : null}
    </>
  );
}
