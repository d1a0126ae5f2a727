"use client";
// The small pieces of an order row: its status (label, with the brief's meaning as a
// tooltip), its shipping deadline, its fulfillment type.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Tooltip } from "@/components/ui/tooltip";
import { FULFILLMENT_TYPES, type FulfillmentType } from "@/lib/orders/fulfillment";
import { statusInfo, type Bucket, type DisplayedStatus } from "@/lib/orders/status";
import type { DeadlineState } from "@/lib/orders/queue-params";
import { useOrderFormat } from "./order-format";

const BUCKET_TONES: Readonly<Record<Bucket, BadgeTone>> = { NEW: "info", WAITING_SHIPMENT: "warning", SHIPPED: "success", CANCELED: "danger", OTHER: "neutral" };

export function StatusChip({ status, marketplaceState }: { status: DisplayedStatus; marketplaceState?: string }) {
  const { locale } = useOrderFormat();
  const info = statusInfo(status);
  // "Other" shows the marketplace's own state name: never hidden, never guessed.
  const label = status === "Other" && marketplaceState ? marketplaceState : info.label[locale];
  return (
    <Tooltip content={info.meaning[locale]}>
      <button type="button" className="cursor-help rounded-full" data-status={status} aria-label={`${label} : ${info.meaning[locale]}`}>
        <Badge tone={BUCKET_TONES[info.bucket]}>{label}</Badge>
      </button>
    </Tooltip>
  );
}

/** Minutes tick for countdowns, starting from the server's render time to hydrate cleanly. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function DeadlineBadge({ shippingDateMax, deadline, now }: { shippingDateMax: string | null; deadline: DeadlineState | null; now: number }) {
  const t = useTranslations("orders.deadline");
  const format = useOrderFormat();
  if (!shippingDateMax) return <span className="text-slate-500">—</span>;
  const when = format.relative(shippingDateMax, now);
  if (!deadline) return <span suppressHydrationWarning title={format.dateTime(shippingDateMax)}>{when}</span>;
  return (
    <Badge tone={deadline === "overdue" ? "danger" : "warning"} title={format.dateTime(shippingDateMax)}>
      <span suppressHydrationWarning>{t(deadline, { when })}</span>
    </Badge>
  );
}

export function FulfillmentBadge({ type }: { type: FulfillmentType | null }) {
  const { locale } = useOrderFormat();
  if (!type) return null;
  return (
    <Badge tone="neutral" title={FULFILLMENT_TYPES[type].label[locale]}>
      {type}
    </Badge>
  );
}
