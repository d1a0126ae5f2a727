"use client";
// Creates a shop's API token and shows it once: only its hash is kept, so the admin
// copies it now or creates another.
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { createApiTokenAction } from "@/lib/api/tokens/actions";
import { ZCreateApiTokenInput } from "@/lib/api/tokens/schemas";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

export function ApiTokenCreateForm({ shopId }: { shopId: string }) {
  const t = useTranslations("apiTokens");
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormAction(ZCreateApiTokenInput, createApiTokenAction, { onSuccess: () => formRef.current?.reset() });
  const created = form.hasSucceeded ? form.data : undefined;
  return (
    <div className="mt-8 space-y-4">
      <h3 className="text-base font-semibold">{t("createTitle")}</h3>
      {created ? <NewToken name={created.name} token={created.token} onDismiss={form.reset} /> : null}
      <form ref={formRef} noValidate className="grid gap-4" action={(formData) => form.submit(formData, { shopId })}>
        {form.serverError ? <Alert tone="error">{form.serverError}</Alert> : null}
        <div className="max-w-md">
          <TextField label={t("name")} name="name" hint={t("nameHint")} errors={form.fieldErrors("name")} maxLength={100} autoComplete="off" required />
        </div>
        <div>
          <Button type="submit" disabled={form.isPending}>
            {t("create")}
          </Button>
        </div>
      </form>
    </div>
  );
}

function NewToken({ name, token, onDismiss }: { name: string; token: string; onDismiss: () => void }) {
  const t = useTranslations("apiTokens");
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"copied" | "failed" | null>(null);

  async function copyToken() {
    try {
      await navigator.clipboard.writeText(token);
      setCopy("copied");
    } catch {
      // No clipboard (an insecure origin, a refused permission): the text is selected instead.
      inputRef.current?.select();
      setCopy("failed");
    }
  }

  return (
    <div className="space-y-3 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950" data-new-api-token>
      <p role="status" className="font-medium">
        {t("created", { name })}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="new-api-token" className="sr-only">
          {t("newToken")}
        </label>
        <input
          ref={inputRef}
          id="new-api-token"
          readOnly
          value={token}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900"
        />
        <Button variant="secondary" onClick={copyToken}>
          {t("copy")}
        </Button>
      </div>
      {copy ? <p role="status">{copy === "copied" ? t("copied") : t("copyFailed")}</p> : null}
      <Button variant="ghost" size="sm" onClick={onDismiss}>
        {t("dismiss")}
      </Button>
    </div>
  );
}
