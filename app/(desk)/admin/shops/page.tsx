import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { authorizePage } from "@/lib/auth/page-access";
import { listShops } from "@/lib/shops/queries";
import { PageHeader } from "@/components/ui/page-header";
import { ShopTable } from "@/components/admin/shop-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("shopsTitle") };
}

export default async function ShopsAdminPage() {
  const access = await authorizePage("shop.manage", { anyShop: true });
  const [shops, t] = await Promise.all([listShops(access.shops.map((s) => s.shopId)), getTranslations("admin")]);
  return (
    <>
      <PageHeader
        title={t("shopsTitle")}
        subtitle={t("shopsSubtitle")}
        actions={
          <Link href="/admin/shops/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
            {t("addShop")}
          </Link>
        }
      />
      <ShopTable shops={shops} />
    </>
  );
}
