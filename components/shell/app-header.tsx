import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ShopSwitcher, type ShopOption } from "./shop-switcher";
import { UserMenu } from "./user-menu";

interface AppHeaderProps {
  user: { name: string; email: string };
  shops: ShopOption[];
  currentShopId: string | null;
  roleLabel: string | null;
  showAdmin: boolean;
  /** The user reviews orders (orders.review) in at least one shop. */
  showReview: boolean;
}

export async function AppHeader({ user, shops, currentShopId, roleLabel, showAdmin, showReview }: AppHeaderProps) {
  const t = await getTranslations();
  return (
    <header className="bg-brand-700 text-white">
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-1 focus:text-brand-800">
        {t("nav.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-base font-semibold tracking-tight">
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.main")} className="flex items-center gap-1 text-sm">
          <Link href="/" className="rounded-md px-3 py-1.5 hover:bg-white/10">
            {t("nav.overview")}
          </Link>
          <Link href="/orders" className="rounded-md px-3 py-1.5 hover:bg-white/10">
            {t("nav.orders")}
          </Link>
          {showReview ? (
            <Link href="/review" className="rounded-md px-3 py-1.5 hover:bg-white/10">
              {t("nav.review")}
            </Link>
          ) : null}
          {showAdmin ? (
            <Link href="/admin/shops" className="rounded-md px-3 py-1.5 hover:bg-white/10">
              {t("nav.shops")}
            </Link>
          ) : null}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <ShopSwitcher shops={shops} currentShopId={currentShopId} />
          <UserMenu name={user.name} email={user.email} roleLabel={roleLabel} />
        </div>
      </div>
    </header>
  );
}
