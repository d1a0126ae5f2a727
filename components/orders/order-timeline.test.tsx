// The timeline as the seller reads it: Cdiscount is quoted only where it refused an
// action; attempts that failed otherwise, and texts stored before the desk kept why,
// are the desk's account in the seller's language.
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import fr from "@/lib/i18n/messages/fr.json";
import en from "@/lib/i18n/messages/en.json";
import type { TimelineEntry } from "@/lib/orders/queue";
import { OrderTimeline } from "./order-timeline";

const AT = "2026-11-27T09:00:00.000Z";
const SELLER = { name: "Camille Vendeuse", email: "camille@example.test" };

function textOf(locale: "fr" | "en", entries: TimelineEntry[]) {
  const html = renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={locale === "fr" ? fr : en} timeZone="Europe/Paris">
      <OrderTimeline entries={entries} />
    </NextIntlClientProvider>,
  );
  return [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map(([, li]) => li!.replace(/<time[^>]*>.*?<\/time>/, "").replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ").trim());
}

const failedAction = (failure: Extract<TimelineEntry, { type: "action" }>["failure"]): TimelineEntry => ({
  type: "action", id: "a1", at: AT, action: "accept", status: "FAILED", attempts: 8, completedAt: AT, requestedBy: SELLER, failure,
});
const failedAttempt = (failure: Extract<TimelineEntry, { type: "marketplaceError" }>["failure"]): TimelineEntry => ({
  type: "marketplaceError", id: "e1", at: AT, action: "accept", failure, retryAt: null,
});

describe("order timeline", () => {
  it("quotes Cdiscount where it refused the action", () => {
    expect(textOf("fr", [failedAction({ reason: "refused", message: "Commande annulée par le client", attempts: 1 })])).toEqual([
      "Accepter demandé par Camille Vendeuse : refusé Cdiscount a refusé l'action : « Commande annulée par le client »",
    ]);
  });

  it("words a transport failure as the desk's, never as Cdiscount's, in the seller's language", () => {
    const entries = [failedAttempt({ reason: "server", applied: "unknown", attempts: 1 }), failedAction({ reason: "server", applied: "unknown", attempts: 8 })];
    expect(textOf("fr", entries)).toEqual([
      "Accepter demandé par Camille Vendeuse : en échec Cdiscount était indisponible (erreur de son côté). Après 8 essais, on ne sait pas si Cdiscount a appliqué l'action : vérifiez la commande dans votre espace vendeur Cdiscount avant de la renvoyer.",
      "Envoi en échec : Cdiscount était indisponible (erreur de son côté).",
    ]);
    expect(textOf("en", entries)).toEqual([
      "Accept requested by Camille Vendeuse: failed Cdiscount was unavailable (an error on its side). After 8 attempts, it is not known whether Cdiscount applied the action: check the order in your Cdiscount seller space before sending it again.",
      "Attempt failed: Cdiscount was unavailable (an error on its side).",
    ]);
  });

  it("shows a text stored before the desk kept why as recorded, not as Cdiscount's words", () => {
    expect(textOf("fr", [failedAttempt({ reason: "unrecorded", detail: "ValidateOrderList: HTTP 500", attempts: 1 })])).toEqual([
      "Envoi en échec : L'envoi à Cdiscount a échoué. Détail enregistré : ValidateOrderList: HTTP 500",
    ]);
  });
});
