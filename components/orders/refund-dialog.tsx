"use client";
// Refunding a shipped order: the lines to refund, a motive from Cdiscount's list, and
// whether shipping charges are refunded too.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/field";
import { REFUND_MOTIVES, type RefundMotive } from "@/lib/cdiscount/types";
import { fetchJson, orderKeys } from "@/lib/orders/query-keys";
import type { OrderDetail } from "@/lib/orders/queue";
import { OrderActionFailure, useOrderAction } from "./use-order-actions";
import { useOrderFormat } from "./order-format";

export function RefundDialog({ order, onClose, onDone }: { order: { id: string; orderNumber: string }; onClose: () => void; onDone: (message: string) => void }) {
  const t = useTranslations("orders.refund");
  const motiveLabel = useTranslations("orderActions.motives");
  const format = useOrderFormat();
  const detail = useQuery({ queryKey: orderKeys.detail(order.id), queryFn: () => fetchJson<OrderDetail>(`/api/orders/${encodeURIComponent(order.id)}`) });
  const refundable = (detail.data?.lines ?? []).filter((l) => !l.isFeeLine && l.sellerProductId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [motive, setMotive] = useState<RefundMotive | "">("");
  const [shipping, setShipping] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const action = useOrderAction({ onDone: (data) => onDone(data.message) });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (selected.size === 0) return setProblem(t("chooseLines"));
    if (!motive) return setProblem(t("chooseMotive"));
    setProblem(null);
    action.mutate({ action: "refund", orderId: order.id, lines: [...selected], motive, refundShippingCharges: shipping });
  }

  const failure = problem ?? (action.error instanceof OrderActionFailure ? action.error.message : null);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t("title", { number: order.orderNumber })} description={t("description")}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t("lines")}</legend>
          {detail.isPending ? <p className="mt-2 text-sm text-slate-600">{t("loading")}</p> : null}
          <ul className="mt-2 space-y-2">
            {refundable.map((line) => (
              <li key={line.id}>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-1"
                    checked={selected.has(line.sellerProductId!)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(line.sellerProductId!);
                      else next.delete(line.sellerProductId!);
                      setSelected(next);
                    }}
                  />
                  <span>
                    {line.name ?? line.sellerProductId} · {line.sellerProductId} · {line.quantity} × {format.money(line.purchasePrice)}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <SelectField
          label={t("motive")}
          name="motive"
          value={motive}
          onChange={(e) => setMotive(e.target.value as RefundMotive | "")}
          options={[{ value: "", label: t("chooseMotive") }, ...REFUND_MOTIVES.map((m) => ({ value: m, label: motiveLabel(m) }))]}
        />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={shipping} onChange={(e) => setShipping(e.target.checked)} />
          {t("refundShipping")}
        </label>
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={action.isPending || detail.isPending}>
            {action.isPending ? t("sending") : t("submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
