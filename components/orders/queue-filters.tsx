"use client";
// Search and filters. Every change goes to the URL (the queue's state), so a filtered
// view can be bookmarked and shared.
import { useTranslations } from "next-intl";
import { useState, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { DELIVERY_MODE_CODES, deliveryModeLabel } from "@/lib/orders/delivery-modes";
import { FULFILLMENT_FILTERS, PAGE_SIZES, QUEUE_SORTS, type FulfillmentFilter, type PageSize, type QueueParams, type QueueSort } from "@/lib/orders/queue-params";
import { statusesInBucket, statusInfo, BUCKETS, type DisplayedStatus } from "@/lib/orders/status";
import { useOrderFormat } from "./order-format";

const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function QueueFilters({
  params,
  onChange,
  searchRef,
  canSeeAllShops,
}: {
  params: QueueParams;
  onChange: (change: Partial<QueueParams>) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  canSeeAllShops: boolean;
}) {
  const t = useTranslations("orders.filters");
  const { locale } = useOrderFormat();
  const [q, setQ] = useState(params.q ?? "");
  // Back/forward or a tab change brings another search: the box follows the URL.
  const [shownQ, setShownQ] = useState(params.q);
  if (shownQ !== params.q) {
    setShownQ(params.q);
    setQ(params.q ?? "");
  }
  const statuses: DisplayedStatus[] = BUCKETS.flatMap((b) => statusesInBucket(b));
  const active = params.status.length || params.shipping.length || params.fulfillment || params.from || params.to || params.q;

  return (
    <div className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label={t("label")}>
      <form
        className="flex min-w-64 flex-1 gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ q: q.trim() || null });
        }}
      >
        <label className="sr-only" htmlFor="queue-search">
          {t("search")}
        </label>
        <input
          id="queue-search"
          ref={searchRef}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t("searchPlaceholder")}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
        />
        <Button type="submit" variant="secondary" size="sm">
          {t("searchButton")}
        </Button>
      </form>
      <label className="text-xs font-medium text-slate-700">
        {t("status")}
        <select className={`${select} mt-1 block`} value={params.status[0] ?? ""} onChange={(e) => onChange({ status: e.target.value ? [e.target.value as DisplayedStatus] : [] })}>
          <option value="">{t("any")}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusInfo(s).label[locale]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-700">
        {t("shipping")}
        <select className={`${select} mt-1 block`} value={params.shipping[0] ?? ""} onChange={(e) => onChange({ shipping: e.target.value ? [e.target.value] : [] })}>
          <option value="">{t("any")}</option>
          {DELIVERY_MODE_CODES.map((code) => (
            <option key={code} value={code}>
              {deliveryModeLabel(code, locale)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-700">
        {t("fulfillment")}
        <select className={`${select} mt-1 block`} value={params.fulfillment ?? ""} onChange={(e) => onChange({ fulfillment: (e.target.value || null) as FulfillmentFilter | null })}>
          <option value="">{t("any")}</option>
          {FULFILLMENT_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`fulfillmentOptions.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-700">
        {t("from")}
        <input type="date" className={`${select} mt-1 block`} value={params.from ?? ""} onChange={(e) => onChange({ from: e.target.value || null })} />
      </label>
      <label className="text-xs font-medium text-slate-700">
        {t("to")}
        <input type="date" className={`${select} mt-1 block`} value={params.to ?? ""} onChange={(e) => onChange({ to: e.target.value || null })} />
      </label>
      <label className="text-xs font-medium text-slate-700">
        {t("sort")}
        <select
          className={`${select} mt-1 block`}
          value={`${params.sort}:${params.dir}`}
          onChange={(e) => {
            const [sort, dir] = e.target.value.split(":") as [QueueSort, "asc" | "desc"];
            onChange({ sort, dir });
          }}
        >
          {QUEUE_SORTS.flatMap((s) =>
            (["asc", "desc"] as const).map((d) => (
              <option key={`${s}:${d}`} value={`${s}:${d}`}>
                {t(`sorts.${s}.${d}`)}
              </option>
            )),
          )}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-700">
        {t("pageSize")}
        <select className={`${select} mt-1 block`} value={params.size} onChange={(e) => onChange({ size: Number(e.target.value) as PageSize })}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {canSeeAllShops ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={params.shops === "all"} onChange={(e) => onChange({ shops: e.target.checked ? "all" : "current" })} />
          {t("allShops")}
        </label>
      ) : null}
      {active ? (
        <Button variant="ghost" size="sm" onClick={() => onChange({ status: [], shipping: [], fulfillment: null, from: null, to: null, q: null })}>
          {t("clear")}
        </Button>
      ) : null}
    </div>
  );
}
