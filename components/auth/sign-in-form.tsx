"use client";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { signInAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("signIn");
  const { execute, result, isPending } = useAction(signInAction);
  return (
    <form
      className="space-y-4"
      action={(formData) =>
        execute({ email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? ""), callbackUrl })
      }
    >
      {result.serverError ? <Alert tone="error">{result.serverError}</Alert> : null}
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
