"use client";
// The buttons an order's status allows (status.ts decides, through the row's `actions`);
// without any, a short reason instead of nothing.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { DisplayedStatus, SellerAction } from "@/lib/orders/status";

const VARIANT: Readonly<Record<SellerAction, "primary" | "secondary" | "danger">> = {
  accept: "primary",
  refuse: "danger",
  ship: "primary",
  refuseShipment: "danger",
  refund: "secondary",
};

export function OrderActionButtons({
  orderNumber,
  status,
  actions,
  pending,
  onRequest,
}: {
  orderNumber: string;
  status: DisplayedStatus;
  actions: readonly SellerAction[];
  pending: boolean;
  onRequest: (action: SellerAction) => void;
}) {
  const t = useTranslations("orders.actions");
  const label = useTranslations("orderActions.actions");
  if (actions.length === 0) {
    return <span className="text-xs text-slate-600">{status === "PaymentInProgress" ? t("noneWhilePayment") : t("none")}</span>;
  }
  return (
    <div className="flex flex-wrap gap-1.5">
      {actions.map((action) => (
        <Button key={action} size="sm" variant={VARIANT[action]} disabled={pending} onClick={() => onRequest(action)} aria-label={t(`${action}Order`, { number: orderNumber })} data-action={action}>
          {label(action)}
        </Button>
      ))}
    </div>
  );
}
