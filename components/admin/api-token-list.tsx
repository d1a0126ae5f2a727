"use client";
// A shop's API tokens: which is which (name, first characters), when each was created
// and last used, and revocation behind a confirmation.
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { revokeApiTokenAction } from "@/lib/api/tokens/actions";
import type { ApiTokenRow } from "@/lib/api/tokens/queries";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ConfirmDialog } from "@/components/ui/dialog";

export function ApiTokenList({ shopId, tokens }: { shopId: string; tokens: ApiTokenRow[] }) {
  const t = useTranslations("apiTokens");
  const format = useFormatter();
  const [confirming, setConfirming] = useState<ApiTokenRow | null>(null);
  const revoke = useAction(revokeApiTokenAction, { onSettled: () => setConfirming(null) });
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });

  if (tokens.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <div className="space-y-3">
      {revoke.result.serverError ? <Alert tone="error">{revoke.result.serverError}</Alert> : null}
      {revoke.hasSucceeded ? <Alert tone="success">{t("revoked")}</Alert> : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">{t("columns.name")}</th>
              <th scope="col" className="py-2 pr-3 font-medium">{t("columns.token")}</th>
              <th scope="col" className="py-2 pr-3 font-medium">{t("columns.created")}</th>
              <th scope="col" className="py-2 pr-3 font-medium">{t("columns.lastUsed")}</th>
              <th scope="col" className="py-2 pr-3 font-medium">{t("columns.status")}</th>
              <th scope="col" className="py-2"><span className="sr-only">{t("revoke")}</span></th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} className="border-b border-slate-100" data-api-token={token.name}>
                <td className="py-2 pr-3 font-medium text-slate-900">{token.name}</td>
                <td className="py-2 pr-3 font-mono text-slate-700">{token.prefix}…</td>
                <td className="py-2 pr-3 text-slate-700">{t("createdBy", { date: when(token.createdAt), name: token.createdBy })}</td>
                <td className="py-2 pr-3 text-slate-700">{token.lastUsedAt ? when(token.lastUsedAt) : t("never")}</td>
                <td className="py-2 pr-3">
                  {token.revokedAt ? <Badge tone="neutral">{t("revokedOn", { date: when(token.revokedAt) })}</Badge> : <Badge tone="success">{t("active")}</Badge>}
                </td>
                <td className="py-2 text-right">
                  {token.revokedAt ? null : (
                    <Button variant="ghost" size="sm" aria-label={t("revokeToken", { name: token.name })} onClick={() => setConfirming(token)}>
                      {t("revoke")}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={t("revokeTitle", { name: confirming?.name ?? "" })}
        description={t("revokeBody")}
        confirmLabel={t("revoke")}
        cancelLabel={t("cancel")}
        pending={revoke.isPending}
        onConfirm={() => confirming && revoke.execute({ shopId, tokenId: confirming.id })}
      />
    </div>
  );
}
