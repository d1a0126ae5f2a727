import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getDeskContext } from "@/lib/auth/page-access";
import { roleCan } from "@/lib/auth/permissions";
import { AppHeader } from "@/components/shell/app-header";
import { DeskProviders } from "@/components/providers/query-provider";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const { actor, memberships, currentShop } = await getDeskContext();
  const t = await getTranslations("roles");
  return (
    <DeskProviders>
      <AppHeader
        user={{ name: actor.name, email: actor.email }}
        shops={memberships}
        currentShopId={currentShop?.shopId ?? null}
        roleLabel={currentShop ? t(currentShop.role) : null}
        showAdmin={memberships.some((m) => roleCan(m.role, "shop.manage"))}
        showReview={memberships.some((m) => roleCan(m.role, "orders.review"))}
      />
      <main id="content" className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
    </DeskProviders>
  );
}
