"use client";
// Seller actions from the browser. Each intent carries one idempotency key, kept while
// it is in flight: a double click, or a retry of the same intent, reaches the marketplace
// once (the server's outbox enforces it; the key lets it recognise the repeat). The
// queue moves the order at once and puts it back if the marketplace refuses.
import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { orderActionAction } from "@/lib/order-actions/actions";
import type { OrderActionInput } from "@/lib/order-actions/schemas";
import { orderKeys } from "@/lib/orders/query-keys";
import { applyOrderAction, type CachedQueuePage } from "@/lib/orders/queue-cache";
import { parseQueueParams } from "@/lib/orders/queue-params";

type ActionResult = Awaited<ReturnType<typeof orderActionAction>>;
export type OrderActionData = NonNullable<ActionResult["data"]>;
export type FieldErrors = Record<string, string[] | undefined>;
type Intent = OrderActionInput extends infer I ? (I extends OrderActionInput ? Omit<I, "idempotencyKey"> : never) : never;

/** An action the seller should read about: the marketplace's or the server's words, and field errors for forms. */
export class OrderActionFailure extends Error {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

export function useOrderAction(options: { onDone?: (data: OrderActionData) => void } = {}) {
  const queryClient = useQueryClient();
  const t = useTranslations("orders.feedback");
  const keys = useRef(new Map<string, string>());
  const keyFor = (intent: Intent) => {
    const id = `${intent.orderId}:${intent.action}`;
    let key = keys.current.get(id);
    if (!key) keys.current.set(id, (key = crypto.randomUUID()));
    return { id, key };
  };

  const mutation = useMutation({
    mutationFn: async (intent: Intent): Promise<OrderActionData> => {
      const result = await orderActionAction({ ...intent, idempotencyKey: keyFor(intent).key } as OrderActionInput);
      if (result?.validationErrors) {
        const fieldErrors = (result.validationErrors as { fieldErrors?: FieldErrors }).fieldErrors ?? {};
        throw new OrderActionFailure(t("invalid"), fieldErrors);
      }
      if (result?.serverError) throw new OrderActionFailure(result.serverError);
      if (!result?.data) throw new OrderActionFailure(t("noAnswer"));
      // Failed (refused by Cdiscount, or given up after its retries): the order goes back where it was, with the outcome's words.
      if (result.data.status === "failed") throw new OrderActionFailure(result.data.message);
      return result.data;
    },
    onMutate: async (intent) => {
      await queryClient.cancelQueries({ queryKey: orderKeys.queues() });
      const snapshot = queryClient.getQueriesData<CachedQueuePage>({ queryKey: orderKeys.queues() });
      for (const [key, page] of snapshot) {
        if (!page) continue;
        const view = parseQueueParams(new URLSearchParams(String(key[2] ?? ""))).view;
        queryClient.setQueryData(key, applyOrderAction(page, view, intent.orderId, intent.action));
      }
      return { snapshot };
    },
    onError: (_error, _intent, context) => {
      for (const [key, page] of (context?.snapshot ?? []) as [QueryKey, CachedQueuePage | undefined][]) queryClient.setQueryData(key, page);
    },
    onSuccess: (data) => options.onDone?.(data),
    onSettled: (_data, error, intent) => {
      // A new intent gets a new key; a field error keeps it (the seller corrects and sends again).
      if (!(error instanceof OrderActionFailure && Object.keys(error.fieldErrors).length)) keys.current.delete(keyFor(intent).id);
      return queryClient.invalidateQueries({ queryKey: orderKeys.all });
    },
  });
  return mutation;
}
