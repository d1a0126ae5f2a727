// The queue's sync banner in both languages: the marketplace failure in plain words, and
// never a run's technical record (such as the token service's refusal, in English).
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SyncIssue } from "@/lib/orders/queue";
import { syncIssueNotice } from "./issue-notice";

const locale = vi.hoisted(() => ({ current: "fr" as "fr" | "en" }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = { fr: (await import("@/lib/i18n/messages/fr.json")).default, en: (await import("@/lib/i18n/messages/en.json")).default };
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: locale.current, messages: messages[locale.current], namespace: namespace as never }) };
});
beforeEach(() => {
  locale.current = "fr";
});

const failed = (errorKind: string | null, error: string): SyncIssue => ({ shopId: "s", runId: "r", status: "FAILED", finishedAt: null, error, errorKind, unreadableCount: 0 });
const WRONG_PASSWORD = "STS: the API login or password was refused (HTTP 401)";

describe("sync issue notice", () => {
  it("a wrong API password: the connection test's explanation", async () => {
    expect(await syncIssueNotice([failed("authentication", WRONG_PASSWORD)])).toBe(
      "Une boutique a un problème de synchronisation : Cdiscount a refusé l'identifiant ou le mot de passe API. Vérifiez l'identifiant (identifiant vendeur suivi de « -api ») et le mot de passe.",
    );
    locale.current = "en";
    expect(await syncIssueNotice([failed("authentication", WRONG_PASSWORD)])).toBe(
      'One shop has a sync problem: Cdiscount refused the API login or password. Check the login (seller login followed by "-api") and the password.',
    );
  });

  it("a run recorded without its kind: plain words and where to look, not the technical record", async () => {
    expect(await syncIssueNotice([failed(null, WRONG_PASSWORD)])).toBe(
      "Une boutique a un problème de synchronisation : La dernière synchronisation s'est arrêtée sur une erreur. Elle sera relancée automatiquement ; si cela dure, faites vérifier la connexion à Cdiscount (« Tester la connexion » dans la fiche de la boutique).",
    );
    locale.current = "en";
    expect(await syncIssueNotice([failed(null, WRONG_PASSWORD), failed(null, "the sync lease was lost to another syncer")])).toBe(
      "2 shops have a sync problem: The last sync stopped on an error. It will run again automatically; if it lasts, have the Cdiscount connection checked (\"Test the connection\" on the shop's page).",
    );
  });

  it("a run that finished without reading some orders: how many, and where to find them, not the parser's list", async () => {
    const unreadable = (count: number): SyncIssue => ({ shopId: "s", runId: "r", status: "SUCCEEDED", finishedAt: null, error: "unreadable orders: 2611241234ABC (OrderLineList: missing SellerProductId)", errorKind: null, unreadableCount: count });
    expect(await syncIssueNotice([unreadable(1)])).toBe(
      "Une boutique a un problème de synchronisation : Une commande envoyée par Cdiscount n'a pas pu être lue : elle n'apparaît pas dans la liste. La synchronisation quotidienne la relira ; en attendant, retrouvez-la dans votre espace vendeur Cdiscount.",
    );
    locale.current = "en";
    expect(await syncIssueNotice([unreadable(3)])).toBe(
      "One shop has a sync problem: 3 orders sent by Cdiscount could not be read: they are not in the list. The daily sync will read them again; meanwhile, find them in your Cdiscount seller space.",
    );
  });
});
