"use client";
// Saved views: a name for the current tabs, filters and sort, kept per user.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { deleteViewAction, saveViewAction } from "@/lib/orders/actions";
import type { SavedViewRow } from "@/lib/orders/saved-views";

export function SavedViews({ initialViews, currentQuery, onOpen }: { initialViews: SavedViewRow[]; currentQuery: string; onOpen: (query: string) => void }) {
  const t = useTranslations("orders.savedViews");
  const [views, setViews] = useState(initialViews);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const current = views.find((v) => v.query === currentQuery);

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await saveViewAction({ name, query: currentQuery });
    if (result?.data) {
      setViews(result.data.views);
      setNaming(false);
      setName("");
      setError(null);
    } else setError(result?.serverError ?? t("saveFailed"));
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor="saved-views" className="font-medium text-slate-700">
        {t("label")}
      </label>
      <select
        id="saved-views"
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
        value={current?.id ?? ""}
        onChange={(e) => {
          const view = views.find((v) => v.id === e.target.value);
          if (view) onOpen(view.query);
        }}
      >
        <option value="">{views.length ? t("choose") : t("none")}</option>
        {views.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      {current ? (
        <Button
          size="sm"
          variant="ghost"
          onClick={async () => {
            const result = await deleteViewAction({ id: current.id });
            if (result?.data) setViews(result.data.views);
          }}
        >
          {t("delete", { name: current.name })}
        </Button>
      ) : naming ? (
        <form onSubmit={save} className="flex items-center gap-2">
          <label htmlFor="saved-view-name" className="sr-only">
            {t("name")}
          </label>
          <input id="saved-view-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} required placeholder={t("name")} className="rounded-md border border-slate-300 px-2 py-1" />
          <Button type="submit" size="sm">
            {t("save")}
          </Button>
        </form>
      ) : (
        <Button size="sm" variant="ghost" onClick={() => setNaming(true)}>
          {t("saveCurrent")}
        </Button>
      )}
      {error ? (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
