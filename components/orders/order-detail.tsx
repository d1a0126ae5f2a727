"use client";
// One order: what the marketplace says about it (status, lines, amounts, addresses when
// provided, shipping window, fulfillment), what we did with it (timeline), the team's
// notes, and the actions its status allows.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { deliveryModeLabel } from "@/lib/orders/delivery-modes";
import { fetchJson, orderKeys } from "@/lib/orders/query-keys";
import type { OrderDetail } from "@/lib/orders/queue";
import type { MarketplaceAddress } from "@/lib/cdiscount/types";
import { DeadlineBadge, FulfillmentBadge, StatusChip, useNow } from "./order-badges";
import { OrderActionButtons } from "./order-action-buttons";
import { useOrderActionDialogs, type ActionNotice } from "./order-action-dialogs";
import { useOrderFormat } from "./order-format";
import { OrderNoteForm } from "./order-note-form";
import { OrderTimeline } from "./order-timeline";

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1.5 text-sm">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="text-slate-900">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

function Address({ address }: { address: MarketplaceAddress }) {
  const lines = [
    [address.civility, address.firstName, address.lastName].filter(Boolean).join(" "),
    address.companyName,
    address.placeName,
    address.address1,
    address.address2,
    [address.building, address.apartmentNumber].filter(Boolean).join(" "),
    [address.zipCode, address.city].filter(Boolean).join(" "),
    address.country,
  ].filter((l): l is string => Boolean(l && l.trim()));
  return (
    <address className="text-sm not-italic">
      {lines.map((l, i) => (
        <span key={i} className="block">
          {l}
        </span>
      ))}
      {address.instructions ? <span className="mt-1 block whitespace-pre-wrap text-slate-600">{address.instructions}</span> : null}
    </address>
  );
}

export function OrderDetailView({ initial, canAct }: { initial: OrderDetail; canAct: boolean }) {
  const t = useTranslations("orders.detail");
  const format = useOrderFormat();
  const now = useNow();
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const detail = useQuery({ queryKey: orderKeys.detail(initial.id), queryFn: () => fetchJson<OrderDetail>(`/api/orders/${encodeURIComponent(initial.id)}`), initialData: initial });
  const order = detail.data;
  const { request, pendingOrderIds, dialogs } = useOrderActionDialogs(setNotice);
  const a = order.amounts;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/orders" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="font-mono text-2xl font-semibold text-slate-900">{order.orderNumber}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <StatusChip status={order.status} marketplaceState={order.marketplaceState} />
            <FulfillmentBadge type={order.fulfillmentType} />
            <DeadlineBadge shippingDateMax={order.shippingDateMax} deadline={order.deadline} now={now} />
          </div>
        </div>
        {canAct ? (
          <OrderActionButtons
            orderNumber={order.orderNumber}
            status={order.status}
            actions={order.actions}
            pending={pendingOrderIds.has(order.id)}
            onRequest={(action) => request(action, { id: order.id, shopId: order.shopId, orderNumber: order.orderNumber, shippingCode: order.shippingCode })}
          />
        ) : null}
      </div>
      {notice ? <Alert tone={notice.tone === "error" ? "error" : notice.tone === "success" ? "success" : "info"}>{notice.text}</Alert> : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="mb-3 text-base font-semibold">{t("lines")}</h2>
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="text-left text-xs uppercase text-slate-600">
                <tr>
                  <th className="py-1 pr-3">{t("product")}</th>
                  <th className="py-1 pr-3">{t("sku")}</th>
                  <th className="py-1 pr-3">{t("lineState")}</th>
                  <th className="py-1 pr-3 text-right">{t("quantity")}</th>
                  <th className="py-1 text-right">{t("price")}</th>
                </tr>
              </thead>
              <tbody>
                {order.lines.map((line) => (
                  <tr key={line.id} className="border-t border-slate-100">
                    <td className="py-1.5 pr-3">
                      {line.name ?? "—"}
                      {line.isFeeLine ? <span className="ml-2 text-xs text-slate-500">{t("feeLine")}</span> : null}
                      {line.hasClaim ? <span className="ml-2 text-xs text-red-700">{t("claim")}</span> : null}
                    </td>
                    <td className="py-1.5 pr-3 font-mono text-xs">{line.sellerProductId ?? line.sku ?? "—"}</td>
                    <td className="py-1.5 pr-3 text-xs">{line.acceptationState ?? "—"}</td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{line.quantity}</td>
                    <td className="py-1.5 text-right tabular-nums">{format.money(line.purchasePrice)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <Card>
          <h2 className="mb-3 text-base font-semibold">{t("amounts")}</h2>
          <Facts
            items={[
              [t("initialTotal"), format.money(a.initialTotal)],
              [t("shippingCharges"), format.money(a.initialShipping)],
              [t("validatedTotal"), format.money(a.validatedTotal)],
              [t("shippedTotal"), format.money(a.shippedTotal)],
              [t("commission"), format.money(a.commissionValidated)],
            ]}
          />
        </Card>
        <Card>
          <h2 className="mb-3 text-base font-semibold">{t("shipping")}</h2>
          <Facts
            items={[
              [t("deliveryMode"), deliveryModeLabel(order.shippingCode, format.locale)],
              [t("shipBetween"), order.shippingDateMin && order.shippingDateMax ? t("window", { from: format.dateTime(order.shippingDateMin), to: format.dateTime(order.shippingDateMax) }) : null],
              [t("carrier"), order.carrierName],
              [
                t("tracking"),
                order.trackingNumber ? (
                  order.trackingUrl ? (
                    <a href={order.trackingUrl} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
                      {order.trackingNumber}
                    </a>
                  ) : (
                    order.trackingNumber
                  )
                ) : null,
              ],
              [t("fulfillment"), order.deliveredByMarketplace ? t("byMarketplace", { type: order.fulfillmentType ?? "MKPFBC" }) : t("bySeller")],
            ]}
          />
        </Card>
        <Card>
          <h2 className="mb-3 text-base font-semibold">{t("customer")}</h2>
          {order.customer ? (
            <div className="space-y-3">
              <Facts
                items={[
                  [t("name"), [order.customer.civility, order.customer.firstName, order.customer.lastName].filter(Boolean).join(" ")],
                  [t("phone"), order.customer.mobilePhone || order.customer.phone],
                  [t("email"), order.customer.encryptedEmail ?? order.customer.email],
                ]}
              />
              {order.shippingAddress ? (
                <div>
                  <h3 className="text-xs font-semibold uppercase text-slate-600">{t("shippingAddress")}</h3>
                  <Address address={order.shippingAddress} />
                </div>
              ) : null}
              {order.billingAddress ? (
                <div>
                  <h3 className="text-xs font-semibold uppercase text-slate-600">{t("billingAddress")}</h3>
                  <Address address={order.billingAddress} />
                </div>
              ) : null}
            </div>
          ) : (
            <p className="text-sm text-slate-600">{order.status === "PaymentInProgress" ? t("customerHiddenPayment") : t("customerNotProvided")}</p>
          )}
        </Card>
        <Card>
          <h2 className="mb-3 text-base font-semibold">{t("marketplace")}</h2>
          <Facts
            items={[
              [t("marketplaceState"), <code key="state">{order.marketplaceState}</code>],
              [t("createdAt"), format.dateTime(order.marketplaceCreatedAt)],
              [t("updatedAt"), order.marketplaceUpdatedAt ? format.dateTime(order.marketplaceUpdatedAt) : null],
              [t("syncedAt"), format.dateTime(order.syncedAt)],
            ]}
          />
        </Card>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="mb-3 text-base font-semibold">{t("timeline")}</h2>
          <OrderTimeline entries={order.timeline} />
        </Card>
        <Card>
          <h2 className="mb-3 text-base font-semibold">{t("notes")}</h2>
          {canAct ? <OrderNoteForm orderId={order.id} /> : <p className="text-sm text-slate-600">{t("notesReadOnly")}</p>}
        </Card>
      </div>
      {dialogs}
    </div>
  );
}
