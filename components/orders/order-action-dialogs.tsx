"use client";
// One place that turns "the seller wants to <action> this order" into what it takes:
// accept goes straight out, refuse and refuse shipment ask first, ship and refund open
// their forms. The queue's buttons, its keyboard shortcuts and the order page share it.
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { SellerAction } from "@/lib/orders/status";
import type { ShipTarget } from "./ship-dialog";
import { useOrderAction } from "./use-order-actions";

// Dialogs load when first opened: the queue's first load carries the table, not the forms.
const ConfirmDialog = dynamic(() => import("@/components/ui/dialog").then((m) => m.ConfirmDialog));
const ShipDialog = dynamic(() => import("./ship-dialog").then((m) => m.ShipDialog));
const RefundDialog = dynamic(() => import("./refund-dialog").then((m) => m.RefundDialog));

export type ActionTarget = ShipTarget;
export interface ActionNotice {
  tone: "success" | "error" | "info";
  text: string;
}

export function useOrderActionDialogs(notify: (notice: ActionNotice) => void): { request: (action: SellerAction, order: ActionTarget) => void; pendingOrderIds: Set<string>; dialogs: ReactNode } {
  const t = useTranslations("orders.confirm");
  const [open, setOpen] = useState<{ action: SellerAction; order: ActionTarget } | null>(null);
  const direct = useOrderAction({
    onDone: (data) => notify({ tone: data.status === "succeeded" ? "success" : "info", text: data.message }),
  });
  const close = () => setOpen(null);
  const done = (text: string) => {
    close();
    notify({ tone: "success", text });
  };
  const send = (action: "accept" | "refuse" | "refuseShipment", order: ActionTarget, after?: () => void) =>
    direct.mutate({ action, orderId: order.id }, { onError: (error) => notify({ tone: "error", text: error.message }), onSettled: after });

  function request(action: SellerAction, order: ActionTarget) {
    if (action === "accept") send("accept", order);
    else setOpen({ action, order });
  }

  const pendingOrderIds = new Set(direct.isPending && direct.variables ? [direct.variables.orderId] : []);
  let dialogs: ReactNode = null;
  if (open?.action === "ship") dialogs = <ShipDialog order={open.order} onClose={close} onDone={done} />;
  if (open?.action === "refund") dialogs = <RefundDialog order={open.order} onClose={close} onDone={done} />;
  if (open && (open.action === "refuse" || open.action === "refuseShipment")) {
    const action = open.action;
    dialogs = (
      <ConfirmDialog
        open
        onOpenChange={(o) => !o && close()}
        title={t(`${action}.title`, { number: open.order.orderNumber })}
        description={t(`${action}.description`)}
        confirmLabel={t(`${action}.confirm`)}
        cancelLabel={t("cancel")}
        pending={direct.isPending}
        onConfirm={() => send(action, open.order, close)}
      />
    );
  }
  return { request, pendingOrderIds, dialogs };
}
