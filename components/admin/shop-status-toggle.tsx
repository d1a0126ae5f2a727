"use client";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { setShopDisabledAction } from "@/lib/shops/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export function ShopStatusToggle({ shopId, disabled }: { shopId: string; disabled: boolean }) {
  const t = useTranslations("admin");
  const { execute, isPending, result } = useAction(setShopDisabledAction);
  return (
    <div className="space-y-3">
      {result.serverError ? <Alert tone="error">{result.serverError}</Alert> : null}
      <p className="text-sm text-slate-600">{t("disableHint")}</p>
      <Button variant={disabled ? "secondary" : "danger"} disabled={isPending} onClick={() => execute({ shopId, disabled: !disabled })}>
        {disabled ? t("enable") : t("disable")}
      </Button>
    </div>
  );
}
