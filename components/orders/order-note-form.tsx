"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { addOrderNoteAction } from "@/lib/order-actions/actions";
import { ZAddOrderNoteInput } from "@/lib/order-actions/schemas";
import { orderKeys } from "@/lib/orders/query-keys";

export function OrderNoteForm({ orderId }: { orderId: string }) {
  const t = useTranslations("orders.notes");
  const tv = useTranslations("validation");
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZAddOrderNoteInput.safeParse({ orderId, body });
    if (!parsed.success) return setError(tv(parsed.error.issues[0]!.message as never));
    setPending(true);
    const result = await addOrderNoteAction(parsed.data);
    setPending(false);
    if (result?.data) {
      setBody("");
      setError(null);
      await queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderId) });
    } else setError(result?.serverError ?? t("failed"));
  }

  return (
    <form onSubmit={submit} className="space-y-2" noValidate>
      <label htmlFor="order-note" className="block text-sm font-medium text-slate-800">
        {t("label")}
      </label>
      <textarea id="order-note" value={body} onChange={(e) => setBody(e.target.value)} rows={3} maxLength={2000} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" aria-describedby="order-note-hint" />
      <p id="order-note-hint" className="text-xs text-slate-600">
        {t("hint")}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="submit" size="sm" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
