import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { authorizePage } from "@/lib/auth/page-access";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ShopForm } from "@/components/admin/shop-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("newShopTitle") };
}

export default async function NewShopPage() {
  await authorizePage("shop.manage", { anyShop: true });
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("newShopTitle")} />
      <Card>
        <ShopForm mode="create" />
      </Card>
    </>
  );
}
