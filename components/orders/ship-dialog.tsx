"use client";
// Shipping an order: carrier from the marketplace's list (or typed as "Other"), tracking
// number, tracking URL prefilled from the carrier's page. The shared ZShipment schema
// checks it here first -- TRK and REG need carrier and tracking number -- so a bad form
// sends nothing; the server checks again against the stored order.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { getCarriersAction } from "@/lib/order-actions/actions";
import { requiresCarrierAndTracking } from "@/lib/orders/delivery-modes";
import { ZShipment } from "@/lib/orders/shipment-schema";
import { OrderActionFailure, useOrderAction, type FieldErrors } from "./use-order-actions";

export interface ShipTarget {
  id: string;
  shopId: string;
  orderNumber: string;
  shippingCode: string | null;
}

const OTHER = "__other__";

/** A carrier page ending in "=" or "/" takes the tracking number at its end. */
function trackingUrlFor(defaultUrl: string | null, trackingNumber: string): string {
  if (!defaultUrl) return "";
  return /[=/]$/.test(defaultUrl) && trackingNumber ? `${defaultUrl}${trackingNumber}` : defaultUrl;
}

export function ShipDialog({ order, onClose, onDone }: { order: ShipTarget; onClose: () => void; onDone: (message: string) => void }) {
  const t = useTranslations("orders.ship");
  const tv = useTranslations("validation");
  const carriers = useQuery({
    queryKey: ["carriers", order.shopId],
    queryFn: async () => {
      const result = await getCarriersAction({ shopId: order.shopId });
      return result?.data?.carriers ?? [];
    },
    staleTime: 3_600_000,
    refetchInterval: false,
  });
  const [carrierChoice, setCarrierChoice] = useState("");
  const [otherCarrier, setOtherCarrier] = useState("");
  const [trackingNumber, setTrackingNumber] = useState("");
  const [trackingUrl, setTrackingUrl] = useState("");
  const [urlEdited, setUrlEdited] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useOrderAction({ onDone: (data) => onDone(data.message) });
  const required = requiresCarrierAndTracking(order.shippingCode);
  const chosen = carriers.data?.find((c) => String(c.id) === carrierChoice);
  const carrierName = carrierChoice === OTHER ? otherCarrier : (chosen?.name ?? "");

  function prefill(nextChoice: string, nextTracking: string) {
    if (urlEdited) return;
    const carrier = carriers.data?.find((c) => String(c.id) === nextChoice);
    setTrackingUrl(trackingUrlFor(carrier?.defaultTrackingUrl ?? null, nextTracking.trim()));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { shippingCode: order.shippingCode, carrierName, trackingNumber, trackingUrl };
    const parsed = ZShipment.safeParse(input);
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) (next[String(issue.path[0])] ??= []).push(issue.message);
      setErrors(next);
      return;
    }
    setErrors({});
    action.mutate(
      { action: "ship", orderId: order.id, carrierName: parsed.data.carrierName, trackingNumber: parsed.data.trackingNumber, trackingUrl: parsed.data.trackingUrl },
      { onError: (error) => error instanceof OrderActionFailure && setErrors(error.fieldErrors) },
    );
  }

  const messages = (field: string) => errors[field]?.map((key) => (tv.has(key as never) ? tv(key as never) : tv("invalid")));
  const failure = action.error instanceof OrderActionFailure && !Object.keys(action.error.fieldErrors).length ? action.error.message : null;

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t("title", { number: order.orderNumber })} description={required ? t("requiredForMode") : t("optionalForMode")}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <SelectField
          label={required ? t("carrierRequired") : t("carrier")}
          name="carrier"
          value={carrierChoice}
          onChange={(e) => {
            setCarrierChoice(e.target.value);
            prefill(e.target.value, trackingNumber);
          }}
          errors={carrierChoice === OTHER ? undefined : messages("carrierName")}
          options={[
            { value: "", label: carriers.isPending ? t("loadingCarriers") : t("chooseCarrier") },
            ...(carriers.data ?? []).map((c) => ({ value: String(c.id), label: c.name })),
            { value: OTHER, label: t("otherCarrier") },
          ]}
        />
        {carriers.isError ? <p className="text-sm text-amber-800">{t("carriersUnavailable")}</p> : null}
        {carrierChoice === OTHER ? (
          <TextField label={t("otherCarrierName")} name="carrierName" value={otherCarrier} onChange={(e) => setOtherCarrier(e.target.value)} errors={messages("carrierName")} autoComplete="off" />
        ) : null}
        <TextField
          label={required ? t("trackingNumberRequired") : t("trackingNumber")}
          name="trackingNumber"
          value={trackingNumber}
          onChange={(e) => {
            setTrackingNumber(e.target.value);
            prefill(carrierChoice, e.target.value);
          }}
          errors={messages("trackingNumber")}
          autoComplete="off"
          hint={t("trackingHint")}
        />
        <TextField
          label={t("trackingUrl")}
          name="trackingUrl"
          type="url"
          value={trackingUrl}
          onChange={(e) => {
            setUrlEdited(true);
            setTrackingUrl(e.target.value);
          }}
          errors={messages("trackingUrl")}
          autoComplete="off"
        />
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={action.isPending}>
            {action.isPending ? t("sending") : t("submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
