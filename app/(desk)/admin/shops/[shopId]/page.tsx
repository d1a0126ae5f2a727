import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { authorizePage } from "@/lib/auth/page-access";
import { getShopSettings, listShopMembers } from "@/lib/shops/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ShopForm } from "@/components/admin/shop-form";
import { ShopStatusToggle } from "@/components/admin/shop-status-toggle";
import { MemberList } from "@/components/admin/member-list";
import { AddMemberForm } from "@/components/admin/add-member-form";
import { ConnectionTest } from "@/components/admin/connection-test";
import { db } from "@/lib/db/client";
import { listApiTokens } from "@/lib/api/tokens/queries";
import { ApiTokenList } from "@/components/admin/api-token-list";
import { ApiTokenCreateForm } from "@/components/admin/api-token-create-form";

type Props = { params: Promise<{ shopId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("shopsTitle") };
}

export default async function ShopAdminPage({ params }: Props) {
  const { shopId } = await params;
  const access = await authorizePage("shop.manage", { shopId });
  const [shop, members, t] = await Promise.all([getShopSettings(shopId), listShopMembers(shopId), getTranslations("admin")]);
  const [apiTokens, tTokens] = await Promise.all([listApiTokens(db, shopId), getTranslations("apiTokens")]);
  return (
    <>
      <PageHeader title={t("editShopTitle", { name: shop.name })} subtitle={shop.disabled ? t("disabled") : t("active")} />
      <div className="grid gap-6">
        <Card aria-labelledby="settings-heading">
          <h2 id="settings-heading" className="sr-only">
            {t("editShopTitle", { name: shop.name })}
          </h2>
          <ShopForm mode="edit" shop={shop} />
        </Card>
        <Card aria-labelledby="connection-heading">
          <h2 id="connection-heading" className="mb-2 text-lg font-semibold">
            {t("connectionTitle")}
          </h2>
          <ConnectionTest shopId={shopId} />
        </Card>
        <Card aria-labelledby="members-heading">
          <h2 id="members-heading" className="mb-4 text-lg font-semibold">
            {t("members.title")}
          </h2>
          <MemberList shopId={shopId} members={members} currentUserId={access.actor.id} />
          <h3 className="mb-3 mt-8 text-base font-semibold">{t("members.add")}</h3>
          <AddMemberForm shopId={shopId} />
        </Card>
        <Card aria-labelledby="api-tokens-heading">
          <h2 id="api-tokens-heading" className="mb-2 text-lg font-semibold">
            {tTokens("title")}
          </h2>
          <p className="mb-4 text-sm text-slate-600">
            {tTokens("hint")}{" "}
            <a className="text-brand-700 underline" href="/api/v1/openapi.json">
              {tTokens("docs")}
            </a>
          </p>
          <ApiTokenList shopId={shopId} tokens={apiTokens} />
          <ApiTokenCreateForm shopId={shopId} />
        </Card>
        <Card aria-labelledby="status-heading">
          <h2 id="status-heading" className="mb-2 text-lg font-semibold">
            {t("columns.status")}
          </h2>
          <ShopStatusToggle shopId={shopId} disabled={shop.disabled} />
        </Card>
      </div>
    </>
  );
}
