"use client";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { selectShopAction } from "@/lib/shops/actions";

export interface ShopOption {
  shopId: string;
  shopName: string;
  shopDisabled: boolean;
}

export function ShopSwitcher({ shops, currentShopId }: { shops: ShopOption[]; currentShopId: string | null }) {
  const t = useTranslations("shell");
  const { execute, isPending } = useAction(selectShopAction);
  if (shops.length === 0) return <span className="text-sm text-slate-300">{t("noShop")}</span>;
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t("switchShop")}</span>
      <select
        className="rounded-md border border-white/30 bg-brand-800 px-2 py-1 text-sm text-white"
        value={currentShopId ?? ""}
        disabled={isPending}
        onChange={(e) => execute({ shopId: e.target.value })}
      >
        {shops.map((s) => (
          <option key={s.shopId} value={s.shopId}>
            {s.shopDisabled ? t("disabledShop", { name: s.shopName }) : s.shopName}
          </option>
        ))}
      </select>
    </label>
  );
}
