// Server actions and session route handlers called in vitest, outside a Next.js request.
// What Next.js provides per request is stood in for here, and nothing else: the session
// (auth() reads a fixture instead of a signed cookie), the request's headers and cookies,
// next-intl's request-scoped translator (the same messages, through next-intl's own
// createTranslator) and cache revalidation (a no-op without Next's cache). The action
// client, authorization, the use cases, the database and the sandbox stay real.
// mock-next-request.ts routes those modules here.
import { createTranslator } from "next-intl";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/config";

let sessionUserId: string | null = null;
const jar = new Map<string, string>();

/** Who the next calls are made by; null: signed out. The cookies start empty again. */
export function signInAs(userId: string | null): void {
  sessionUserId = userId;
  jar.clear();
}

/** The session as Auth.js gives it to the app (lib/auth/auth.config.ts puts the user id on it). */
export async function auth() {
  return sessionUserId ? { user: { id: sessionUserId }, expires: new Date(Date.now() + 3_600_000).toISOString() } : null;
}

const cookieStore = {
  get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
  getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  has: (name: string) => jar.has(name),
  set: (name: string | { name: string; value: string }, value?: string) => {
    if (typeof name === "string") jar.set(name, value ?? "");
    else jar.set(name.name, name.value);
    return cookieStore;
  },
  delete: (name: string) => {
    jar.delete(name);
    return cookieStore;
  },
};

export async function cookies() {
  return cookieStore;
}

/** A browser on the desk's own origin, as Next.js passes it to Auth.js. */
export async function headers() {
  return new Headers({ host: "127.0.0.1:3000", "x-forwarded-proto": "http" });
}

export function revalidatePath(): void {}
export function revalidateTag(): void {}

export async function getLocale() {
  return resolveLocale(jar.get(LOCALE_COOKIE));
}

export async function getTranslations(namespace?: string | { namespace?: string }) {
  const locale = await getLocale();
  return createTranslator({ locale, messages: locale === "en" ? en : fr, namespace: typeof namespace === "string" ? namespace : namespace?.namespace } as Parameters<typeof createTranslator>[0]);
}
