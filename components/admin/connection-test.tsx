"use client";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { testShopConnectionAction } from "@/lib/shops/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export function ConnectionTest({ shopId }: { shopId: string }) {
  const t = useTranslations("connection");
  const { execute, result, isPending } = useAction(testShopConnectionAction);
  const outcome = result.data;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <Button variant="secondary" disabled={isPending} onClick={() => execute({ shopId })}>
        {isPending ? t("testing") : t("test")}
      </Button>
      {result.serverError ? <Alert tone="error">{result.serverError}</Alert> : null}
      {outcome?.ok ? <Alert tone="success">{t("ok", { count: outcome.carrierCount })}</Alert> : null}
      {outcome && !outcome.ok ? (
        <Alert tone="error">
          <p>{t(`errors.${outcome.kind}`)}</p>
          {outcome.marketplaceMessage ? <p className="mt-1">{t("cdiscountSaid", { message: outcome.marketplaceMessage })}</p> : null}
        </Alert>
      ) : null}
    </div>
  );
}
