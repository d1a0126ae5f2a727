"use client";
// One page of the queue. The customer column is empty for PaymentInProgress: the server
// never sends a name the marketplace has not released.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { deliveryModeLabel } from "@/lib/orders/delivery-modes";
import type { QueueRow } from "@/lib/orders/queue";
import type { SellerAction } from "@/lib/orders/status";
import { DeadlineBadge, FulfillmentBadge, StatusChip, useNow } from "./order-badges";
import { OrderActionButtons } from "./order-action-buttons";
import { useOrderFormat } from "./order-format";

interface QueueTableProps {
  rows: QueueRow[];
  activeIndex: number;
  selected: ReadonlySet<string>;
  pendingOrderIds: ReadonlySet<string>;
  onToggle: (orderId: string) => void;
  onToggleAll: (checked: boolean) => void;
  onActivate: (index: number) => void;
  onRequest: (action: SellerAction, row: QueueRow) => void;
  canAct: boolean;
}

export function QueueTable({ rows, activeIndex, selected, pendingOrderIds, onToggle, onToggleAll, onActivate, onRequest, canAct }: QueueTableProps) {
  const t = useTranslations("orders.table");
  const format = useOrderFormat();
  const now = useNow();
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {canAct ? (
              <th scope="col" className="w-10 px-3 py-2">
                <input type="checkbox" aria-label={t("selectPage")} checked={allSelected} onChange={(e) => onToggleAll(e.target.checked)} />
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2">{t("status")}</th>
            <th scope="col" className="px-3 py-2">{t("order")}</th>
            <th scope="col" className="px-3 py-2">{t("date")}</th>
            <th scope="col" className="px-3 py-2">{t("customer")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("amount")}</th>
            <th scope="col" className="px-3 py-2">{t("shipping")}</th>
            <th scope="col" className="px-3 py-2">{t("deadline")}</th>
            <th scope="col" className="px-3 py-2">{t("fulfillment")}</th>
            {canAct ? <th scope="col" className="px-3 py-2">{t("actions")}</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, index) => (
            <tr
              key={row.id}
              data-row-index={index}
              data-order-number={row.orderNumber}
              data-active={index === activeIndex || undefined}
              aria-selected={selected.has(row.id)}
              onClick={() => onActivate(index)}
              className={cn("align-middle", index === activeIndex && "bg-brand-50 outline outline-2 -outline-offset-2 outline-brand-600", selected.has(row.id) && "bg-amber-50/60")}
            >
              {canAct ? (
                <td className="px-3 py-2">
                  <input type="checkbox" aria-label={t("selectOrder", { number: row.orderNumber })} checked={selected.has(row.id)} onChange={() => onToggle(row.id)} />
                </td>
              ) : null}
              <td className="px-3 py-2">
                <StatusChip status={row.status} />
              </td>
              <td className="px-3 py-2 font-mono text-xs">
                <Link href={`/orders/${row.id}`} className="text-brand-700 underline-offset-2 hover:underline" onFocus={() => onActivate(index)}>
                  {row.orderNumber}
                </Link>
                {row.hasClaims ? <span className="ml-2 text-xs font-sans text-red-700">{t("claim")}</span> : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-700">{format.dateTime(row.marketplaceCreatedAt)}</td>
              <td className="px-3 py-2">{row.customer ? [row.customer.firstName, row.customer.lastName].filter(Boolean).join(" ") : <span className="text-slate-500">{t("customerHidden")}</span>}</td>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{format.money(row.amount)}</td>
              <td className="px-3 py-2">{deliveryModeLabel(row.shippingCode, format.locale)}</td>
              <td className="whitespace-nowrap px-3 py-2">
                <DeadlineBadge shippingDateMax={row.shippingDateMax} deadline={row.deadline} now={now} />
              </td>
              <td className="px-3 py-2">
                <FulfillmentBadge type={row.fulfillmentType} />
              </td>
              {canAct ? (
                <td className="px-3 py-2">
                  <OrderActionButtons orderNumber={row.orderNumber} status={row.status} actions={row.actions} pending={pendingOrderIds.has(row.id)} onRequest={(action) => onRequest(action, row)} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
