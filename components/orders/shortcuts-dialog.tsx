"use client";
import { useTranslations } from "next-intl";
import { Dialog } from "@/components/ui/dialog";

export const SHORTCUTS = [
  ["j", "next"],
  ["k", "previous"],
  ["x", "select"],
  ["a", "accept"],
  ["r", "refuse"],
  ["s", "ship"],
  ["Enter", "open"],
  ["/", "search"],
  ["?", "help"],
] as const;

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("orders.shortcuts");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t("title")}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{key}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
