import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/authorize";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  // Only an active user is sent on: a session of a disabled or deleted user stays here
  // (redirecting it to the desk would bounce it straight back).
  if (await currentActor().then(() => true, () => false)) redirect("/");
  const { callbackUrl } = await searchParams;
  const t = await getTranslations();
  // The proxy passes an absolute URL; only its path is kept (same-site redirects only).
  let path: string | undefined;
  try {
    path = callbackUrl ? new URL(callbackUrl, "http://local").pathname : undefined;
  } catch {
    path = undefined;
  }
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <Card className="w-full max-w-sm">
        <p className="text-sm font-semibold text-brand-700">{t("app.name")}</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("signIn.title")}</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">{t("signIn.subtitle")}</p>
        <SignInForm callbackUrl={path} />
      </Card>
    </main>
  );
}
