"use client";
// The seller's queue. Its state is the URL: tabs, filters, sort and page are read from
// it and written back with history.pushState (no server round trip); TanStack Query
// fetches the page for that URL and refreshes it in the background, so orders brought in
// by the sync appear on their own. Keyboard: j/k move, x select, a accept, r refuse,
// s ship, Enter open, / search, ? help.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ExportCsvLink } from "@/components/review/export-csv-link";
import { bulkDecisionAction } from "@/lib/order-actions/actions";
import { matchingOrdersAction } from "@/lib/orders/actions";
import type { SavedViewRow } from "@/lib/orders/saved-views";
import { fetchJson, orderKeys } from "@/lib/orders/query-keys";
import type { CachedQueuePage } from "@/lib/orders/queue-cache";
import { changeQueueParams, parseQueueParams, queueParamsToSearch, type QueueParams, type QueueView } from "@/lib/orders/queue-params";
import type { QueueRow } from "@/lib/orders/queue";
import type { SellerAction } from "@/lib/orders/status";
import { useOrderActionDialogs, type ActionNotice } from "./order-action-dialogs";
import { QueueFilters } from "./queue-filters";
import { QueueTable } from "./queue-table";
import { QueueTabs } from "./queue-tabs";
import { SavedViews } from "./saved-views";

interface OrderQueueProps {
  initialSearch: string;
  initialPage: CachedQueuePage;
  /** When the server read the initial page (ms): how fresh it is for the query cache. */
  renderedAt: number;
  /** Worded on the server (lib/sync/issue-notice.ts); null when every shop syncs fine. */
  syncNotice: string | null;
  savedViews: SavedViewRow[];
  currentShopId: string;
  canAct: boolean;
  canSeeAllShops: boolean;
}

// Dialogs load when first opened: the queue's first load carries the table, not the forms.
const ConfirmDialog = dynamic(() => import("@/components/ui/dialog").then((m) => m.ConfirmDialog));
const BulkShipDialog = dynamic(() => import("./bulk-ship-dialog").then((m) => m.BulkShipDialog));
const ShortcutsDialog = dynamic(() => import("./shortcuts-dialog").then((m) => m.ShortcutsDialog));

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export function OrderQueue({ initialSearch, initialPage, renderedAt, syncNotice, savedViews, currentShopId, canAct, canSeeAllShops }: OrderQueueProps) {
  const t = useTranslations("orders");
  const router = useRouter();
  const searchParams = useSearchParams();
  const queryClient = useQueryClient();
  const params = useMemo(() => parseQueueParams(searchParams), [searchParams]);
  const search = queueParamsToSearch(params);
  const queue = useQuery({
    queryKey: orderKeys.queue(search),
    queryFn: () => fetchJson<CachedQueuePage>(`/api/orders?${search}`),
    initialData: search === initialSearch ? initialPage : undefined,
    initialDataUpdatedAt: search === initialSearch ? renderedAt : undefined,
    placeholderData: keepPreviousData,
  });
  const page = queue.data ?? initialPage;
  const rows = page.rows;

  const [cursor, setActiveIndex] = useState(0);
  const [picked, setSelected] = useState<Set<string>>(new Set());
  // Another view or page starts at its top with nothing selected; a refresh keeps both,
  // for the rows still shown.
  // "Every order matching the filter": fetched from the server, for one decision at a time.
  const [matching, setMatching] = useState<{ decision: "accept" | "refuse"; orders: { id: string; shopId: string }[]; truncated: boolean } | null>(null);
  const [shownSearch, setShownSearch] = useState(search);
  if (shownSearch !== search) {
    setShownSearch(search);
    setActiveIndex(0);
    setSelected(new Set());
    setMatching(null);
  }
  const activeIndex = Math.min(cursor, Math.max(0, rows.length - 1));
  const selected = new Set(rows.filter((r) => picked.has(r.id)).map((r) => r.id));
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [bulkShipOpen, setBulkShipOpen] = useState(false);
  const [bulkRefuseOpen, setBulkRefuseOpen] = useState(false);
  const [bulkPending, setBulkPending] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const { request, pendingOrderIds, dialogs } = useOrderActionDialogs(setNotice);

  const navigate = useCallback((next: QueueParams) => {
    const query = queueParamsToSearch(next);
    window.history.pushState(null, "", query ? `/orders?${query}` : "/orders");
  }, []);
  const change = (partial: Partial<QueueParams>) => navigate(changeQueueParams(params, partial));
  const hrefFor = (view: QueueView) => {
    const query = queueParamsToSearch(changeQueueParams(params, { view }));
    return query ? `/orders?${query}` : "/orders";
  };

  const requestFor = useCallback(
    (action: SellerAction, row: QueueRow) => {
      if (row.actions.includes(action)) request(action, { id: row.id, shopId: row.shopId, orderNumber: row.orderNumber, shippingCode: row.shippingCode });
      else setNotice({ tone: "info", text: t("feedback.notAllowed", { number: row.orderNumber }) });
    },
    [request, t],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      const row = rows[activeIndex];
      const focusRow = (index: number) => {
        setActiveIndex(index);
        document.querySelector<HTMLElement>(`[data-row-index="${index}"] a`)?.focus();
      };
      switch (event.key) {
        case "j":
          focusRow(Math.min(rows.length - 1, activeIndex + 1));
          break;
        case "k":
          focusRow(Math.max(0, activeIndex - 1));
          break;
        case "x":
          if (row && canAct) setSelected((s) => toggled(s, row.id));
          break;
        case "a":
          if (row && canAct) requestFor("accept", row);
          break;
        case "r":
          if (row && canAct) requestFor(row.actions.includes("refuseShipment") ? "refuseShipment" : "refuse", row);
          break;
        case "s":
          if (row && canAct) requestFor("ship", row);
          break;
        case "Enter":
          if (row && !(event.target instanceof HTMLAnchorElement)) router.push(`/orders/${row.id}`);
          break;
        case "/":
          searchRef.current?.focus();
          break;
        case "?":
          setShortcutsOpen(true);
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rows, activeIndex, canAct, requestFor, router]);

  const selectedRows = rows.filter((r) => selected.has(r.id));
  const decidable = (decision: "accept" | "refuse"): { id: string; shopId: string }[] =>
    matching ? (matching.decision === decision ? matching.orders : []) : selectedRows.filter((r) => r.actions.includes(decision));

  async function selectAllMatching(decision: "accept" | "refuse") {
    const result = await matchingOrdersAction({ query: search, decision });
    if (result?.data) setMatching({ decision, ...result.data });
    else setNotice({ tone: "error", text: result?.serverError ?? t("feedback.noAnswer") });
  }

  async function decideSelected(decision: "accept" | "refuse") {
    const targets = decidable(decision);
    if (!targets.length) return;
    setBulkPending(true);
    try {
      // One request per shop: a bulk decision is authorized shop by shop.
      const byShop = new Map<string, { id: string; shopId: string }[]>();
      for (const r of targets) byShop.set(r.shopId, [...(byShop.get(r.shopId) ?? []), r]);
      const summaries: string[] = [];
      for (const [shopId, shopRows] of byShop) {
        const result = await bulkDecisionAction({ shopId, decision, orderIds: shopRows.map((r) => r.id), idempotencyKey: crypto.randomUUID() });
        summaries.push(result?.data?.summary ?? result?.serverError ?? t("feedback.noAnswer"));
      }
      setNotice({ tone: "info", text: summaries.join(" ") });
      setSelected(new Set());
      setMatching(null);
    } finally {
      setBulkPending(false);
      setBulkRefuseOpen(false);
      await queryClient.invalidateQueries({ queryKey: orderKeys.all });
    }
  }

  return (
    <div>
      {syncNotice ? (
        <Alert tone="error" className="mb-4">
          {syncNotice}
        </Alert>
      ) : null}
      <QueueTabs view={params.view} counts={page.counts} hrefFor={hrefFor} onSelect={(view) => change({ view })} />
      <QueueFilters params={params} onChange={change} searchRef={searchRef} canSeeAllShops={canSeeAllShops} />
      <div className="mb-3">
        <SavedViews initialViews={savedViews} currentQuery={search} onOpen={(query) => navigate(parseQueueParams(new URLSearchParams(query)))} />
      </div>
      <div className="mb-3 flex min-h-9 flex-wrap items-center gap-2">
        <p className="text-sm text-slate-700" aria-live="polite">
          {t("resultCount", { count: page.total.count, capped: page.total.capped ? "yes" : "no" })}
          {queue.isFetching ? <span className="ml-2 text-slate-500">{t("refreshing")}</span> : null}
        </p>
        <ExportCsvLink search={search} />
        {canAct ? (
          <div className="ml-auto flex flex-wrap items-center gap-2">
            {matching ? (
              <span className="text-sm text-slate-700">
                {t("bulk.matching", { count: matching.orders.length, truncated: matching.truncated ? "yes" : "no" })}{" "}
                <button type="button" className="text-brand-700 underline" onClick={() => setMatching(null)}>
                  {t("bulk.clearMatching")}
                </button>
              </span>
            ) : selected.size ? (
              <span className="text-sm text-slate-700">{t("bulk.selected", { count: selected.size })}</span>
            ) : null}
            {!matching && rows.length > 0 && selected.size === rows.length && page.total.count > rows.length ? (
              <>
                <button type="button" className="text-sm text-brand-700 underline" onClick={() => void selectAllMatching("accept")}>
                  {t("bulk.selectMatchingAccept")}
                </button>
                <button type="button" className="text-sm text-brand-700 underline" onClick={() => void selectAllMatching("refuse")}>
                  {t("bulk.selectMatchingRefuse")}
                </button>
              </>
            ) : null}
            <Button size="sm" variant="secondary" disabled={bulkPending || decidable("accept").length === 0} onClick={() => void decideSelected("accept")}>
              {t("bulk.accept", { count: decidable("accept").length })}
            </Button>
            <Button size="sm" variant="secondary" disabled={bulkPending || decidable("refuse").length === 0} onClick={() => setBulkRefuseOpen(true)}>
              {t("bulk.refuse", { count: decidable("refuse").length })}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setBulkShipOpen(true)}>
              {t("bulk.shipCsv")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setShortcutsOpen(true)} aria-keyshortcuts="?">
              {t("shortcuts.show")}
            </Button>
          </div>
        ) : null}
      </div>
      {notice ? (
        <Alert tone={notice.tone === "error" ? "error" : notice.tone === "success" ? "success" : "info"} className="mb-3">
          {notice.text}
        </Alert>
      ) : null}
      {queue.isError && !queue.data ? <Alert tone="error">{t("loadFailed")}</Alert> : null}
      {rows.length ? (
        <QueueTable
          rows={rows}
          activeIndex={activeIndex}
          selected={selected}
          pendingOrderIds={pendingOrderIds}
          onToggle={(id) => setSelected((s) => toggled(s, id))}
          onToggleAll={(checked) => setSelected(checked ? new Set(rows.map((r) => r.id)) : new Set())}
          onActivate={setActiveIndex}
          onRequest={requestFor}
          canAct={canAct}
        />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">{t(`empty.${params.view}`)}</p>
      )}
      <nav aria-label={t("pagination.label")} className="mt-4 flex justify-between">
        <Button variant="secondary" size="sm" disabled={!page.prevCursor} onClick={() => page.prevCursor && change({ before: page.prevCursor })}>
          {t("pagination.previous")}
        </Button>
        <Button variant="secondary" size="sm" disabled={!page.nextCursor} onClick={() => page.nextCursor && change({ after: page.nextCursor })}>
          {t("pagination.next")}
        </Button>
      </nav>
      {dialogs}
      {shortcutsOpen ? <ShortcutsDialog open onOpenChange={setShortcutsOpen} /> : null}
      {bulkShipOpen ? <BulkShipDialog shopId={currentShopId} onClose={() => setBulkShipOpen(false)} onFinished={() => void queryClient.invalidateQueries({ queryKey: orderKeys.all })} /> : null}
      {bulkRefuseOpen ? (
      <ConfirmDialog
        open
        onOpenChange={setBulkRefuseOpen}
        title={t("bulk.refuseTitle", { count: decidable("refuse").length })}
        description={t("bulk.refuseDescription")}
        confirmLabel={t("bulk.refuseConfirm")}
        cancelLabel={t("confirm.cancel")}
        pending={bulkPending}
        onConfirm={() => void decideSelected("refuse")}
      />
      ) : null}
    </div>
  );
}

function toggled(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
