// The seller's words come from the product's own wording (lib/order-actions/user-messages.ts,
// lib/sync/issue-notice.ts), in French, outside a request: next-intl's request-bound
// helpers read fr.json here.
import { vi } from "vitest";

vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const fr = (await import("@/lib/i18n/messages/fr.json")).default;
  return {
    getLocale: async () => "fr",
    getTranslations: async (namespace?: string) => createTranslator({ locale: "fr", messages: fr, namespace: namespace as never, timeZone: "Europe/Paris" }),
  };
});
