// What the seller reads about an action that did not go through, in both languages: a
// refusal only when Cdiscount refused (in its words), otherwise the desk's own words with
// whether the order may have changed at Cdiscount; and how a failure is classified, for
// new rows and for rows stored before the desk recorded why.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import fr from "@/lib/i18n/messages/fr.json";
import en from "@/lib/i18n/messages/en.json";
import { MarketplaceError } from "@/lib/cdiscount/errors";
import { AppError } from "@/lib/errors/app-error";
import { failureOfAction, failureOfError, failureOfRefund, failureOfValidation, type ActionFailure } from "./action-failure";
import { cdiscountApplied, failureWords, type RootTranslator } from "./failure-words";

const translators = {
  fr: createTranslator({ locale: "fr", messages: fr }) as RootTranslator,
  en: createTranslator({ locale: "en", messages: en as typeof fr }) as RootTranslator,
};

const CASES: { name: string; failure: ActionFailure; fr: string; en: string }[] = [
  {
    name: "a refusal by Cdiscount quotes Cdiscount",
    failure: { reason: "refused", message: "La commande n'est plus en attente d'acceptation", attempts: 1 },
    fr: "Cdiscount a refusé l'action : « La commande n'est plus en attente d'acceptation »",
    en: 'Cdiscount refused the action: "La commande n\'est plus en attente d\'acceptation"',
  },
  {
    name: "a refusal without Cdiscount's words says so",
    failure: { reason: "refused", message: null, attempts: 1 },
    fr: "Cdiscount a refusé l'action sans en donner la raison.",
    en: "Cdiscount refused the action without giving a reason.",
  },
  {
    name: "no answer past the last retry: not a refusal, the outcome unknown, check at Cdiscount",
    failure: { reason: "timeout", applied: "unknown", attempts: 8 },
    fr: "Cdiscount n'a pas répondu à temps. Après 8 essais, on ne sait pas si Cdiscount a appliqué l'action : vérifiez la commande dans votre espace vendeur Cdiscount avant de la renvoyer.",
    en: "Cdiscount did not answer in time. After 8 attempts, it is not known whether Cdiscount applied the action: check the order in your Cdiscount seller space before sending it again.",
  },
  {
    name: "unavailable past the last retry, surely not applied: send it again",
    failure: { reason: "server", applied: "no", attempts: 8 },
    fr: "Cdiscount était indisponible (erreur de son côté). Après 8 essais, l'action n'a pas été appliquée chez Cdiscount : renvoyez-la une fois le problème réglé.",
    en: "Cdiscount was unavailable (an error on its side). After 8 attempts, the action was not applied at Cdiscount: send it again once the problem is solved.",
  },
  {
    name: "a wrong API password: the connection test's explanation, not the token service's text",
    failure: { reason: "authentication", applied: "no", attempts: 1 },
    fr: "Cdiscount a refusé l'identifiant ou le mot de passe API. Vérifiez l'identifiant (identifiant vendeur suivi de « -api ») et le mot de passe. Après 1 essai, l'action n'a pas été appliquée chez Cdiscount : renvoyez-la une fois le problème réglé.",
    en: 'Cdiscount refused the API login or password. Check the login (seller login followed by "-api") and the password. After 1 attempt, the action was not applied at Cdiscount: send it again once the problem is solved.',
  },
  {
    name: "a row stored before the desk kept why: its text is not put in Cdiscount's mouth",
    failure: failureOfAction({ lastError: "ValidateOrderList: no answer within 30000 ms", result: null, attempts: 8 }),
    fr: "L'envoi à Cdiscount a échoué. Après 8 essais, on ne sait pas si Cdiscount a appliqué l'action : vérifiez la commande dans votre espace vendeur Cdiscount avant de la renvoyer.",
    en: "Sending to Cdiscount failed. After 8 attempts, it is not known whether Cdiscount applied the action: check the order in your Cdiscount seller space before sending it again.",
  },
  {
    name: "a refund Cdiscount refused in part: other lines may be refunded, check before sending again",
    failure: { reason: "refused", message: "Ligne déjà remboursée", partly: true, attempts: 1 },
    fr: "Cdiscount a refusé une partie du remboursement : « Ligne déjà remboursée ». Les autres lignes ont pu être remboursées : vérifiez la commande dans votre espace vendeur Cdiscount avant de renvoyer quoi que ce soit.",
    en: 'Cdiscount refused part of the refund: "Ligne déjà remboursée". The other lines may have been refunded: check the order in your Cdiscount seller space before sending anything again.',
  },
  {
    name: "an answer without the order's result past the last retry: not a refusal, the outcome unknown",
    failure: { reason: "noResult", applied: "unknown", attempts: 8 },
    fr: "Cdiscount a répondu sans donner de résultat pour cette commande. Après 8 essais, on ne sait pas si Cdiscount a appliqué l'action : vérifiez la commande dans votre espace vendeur Cdiscount avant de la renvoyer.",
    en: "Cdiscount answered without a result for this order. After 8 attempts, it is not known whether Cdiscount applied the action: check the order in your Cdiscount seller space before sending it again.",
  },
  {
    name: "the desk's own checks, quoted once, with one full stop",
    failure: { reason: "notSent", detail: "Numéro de suivi manquant.", attempts: 0 },
    fr: "L'action n'a pas été envoyée à Cdiscount : les contrôles de l'application l'ont arrêtée (Numéro de suivi manquant).",
    en: "The action was not sent to Cdiscount: the desk's checks stopped it (Numéro de suivi manquant).",
  },
];

describe("failure words", () => {
  for (const { name, failure, fr: inFrench, en: inEnglish } of CASES) {
    it(name, () => {
      expect({ fr: failureWords(failure, translators.fr), en: failureWords(failure, translators.en) }).toEqual({ fr: inFrench, en: inEnglish });
    });
  }
});

describe("failure classification", () => {
  const timeout = new MarketplaceError("timeout", "ValidateOrderList", { message: "no answer within 30000 ms" });
  const quota = new MarketplaceError("quota", "ValidateOrderList", { message: "call quota exceeded", marketplaceMessage: "Quota atteint" });
  const wrongPassword = new MarketplaceError("authentication", "STS", { message: "the API login or password was refused (HTTP 401)", httpStatus: 401 });
  const readTimeout = new MarketplaceError("timeout", "GetOrderList", { message: "no answer within 30000 ms" });

  it("a send that may have reached Cdiscount leaves the outcome unknown; one turned away applied nothing", () => {
    expect(failureOfError(timeout, { phase: "send", earlierChangedNothing: false })).toEqual({ reason: "timeout", applied: "unknown" });
    expect(failureOfError(quota, { phase: "send", earlierChangedNothing: false })).toEqual({ reason: "quota", applied: "no" });
    expect(failureOfError(wrongPassword, { phase: "send", earlierChangedNothing: true })).toEqual({ reason: "authentication", applied: "no" });
  });

  it("a failed re-read wrote nothing, but vouches for the earlier sends only if they changed nothing either", () => {
    expect(failureOfError(readTimeout, { phase: "reread", earlierChangedNothing: true })).toEqual({ reason: "timeout", applied: "no" });
    expect(failureOfError(readTimeout, { phase: "reread", earlierChangedNothing: false })).toEqual({ reason: "timeout", applied: "unknown" });
    expect(failureOfError(new AppError("CONFIGURATION"), { phase: "setup", earlierChangedNothing: true })).toEqual({ reason: "configuration", applied: "no" });
    expect(failureOfError(new Error("boom"), { phase: "send", earlierChangedNothing: true })).toEqual({ reason: "unexpected", applied: "unknown" });
  });

  it("a business error is a refusal in Cdiscount's words; the client's own checks are not Cdiscount's", () => {
    const refused = new MarketplaceError("business", "CreateRefundVoucher", { message: "the operation was refused", marketplaceMessage: "Demande de remboursement invalide" });
    expect(failureOfError(refused, { phase: "send", earlierChangedNothing: true })).toEqual({ reason: "refused", message: "Demande de remboursement invalide" });
    const local = new MarketplaceError("business", "CreateRefundVoucher", { message: "Rien à rembourser.", marketplaceMessage: "Rien à rembourser.", notSent: true });
    expect(failureOfError(local, { phase: "send", earlierChangedNothing: true })).toEqual({ reason: "notSent", detail: "Rien à rembourser." });
    const answer = { orderNumber: "X", validated: false, errors: [{ type: "InvalidInput", message: "Transporteur inconnu" }], warnings: [], lineResults: [] };
    expect(failureOfValidation({ ...answer, source: "marketplace" })).toEqual({ reason: "refused", message: "Transporteur inconnu" });
    expect(failureOfValidation({ ...answer, source: "local" })).toEqual({ reason: "notSent", detail: "Transporteur inconnu" });
  });

  it("Cdiscount refusing the re-read of an order is not a refusal of the action sent before it", () => {
    const readRefused = new MarketplaceError("business", "GetOrderList", { message: "the operation was refused", marketplaceMessage: "Filtre invalide" });
    expect(failureOfError(readRefused, { phase: "reread", earlierChangedNothing: false })).toEqual({ reason: "readRefused", applied: "unknown" });
    expect(failureOfError(readRefused, { phase: "reread", earlierChangedNothing: true })).toEqual({ reason: "readRefused", applied: "no" });
  });

  it("a refund refused line by line: in part when Cdiscount accepted other lines", () => {
    const line = (success: boolean, errorMessage: string | null) => ({ sellerProductId: "SKU", ean: null, motive: null, value: null, success, errorMessage });
    const refund = (...sellerRefunds: ReturnType<typeof line>[]) => ({ orderNumber: "X", sellerRefunds, commercialGestures: [] });
    expect(failureOfRefund(refund(line(true, null), line(false, "Ligne déjà remboursée")))).toEqual({ reason: "refused", message: "Ligne déjà remboursée", partly: true });
    expect(failureOfRefund(refund(line(false, "Ligne déjà remboursée")))).toEqual({ reason: "refused", message: "Ligne déjà remboursée" });
  });

  it("older rows: Cdiscount's stored answer is a refusal in the stored words, never the desk's placeholder", () => {
    const answer = { orderNumber: "X", validated: false, errors: [], warnings: [], lineResults: [], source: "marketplace" };
    expect(failureOfAction({ lastError: "Commande annulée", result: answer, attempts: 1 })).toEqual({ reason: "refused", message: "Commande annulée", attempts: 1 });
    expect(failureOfAction({ lastError: "ValidateOrderList: Validated=false without a message", result: answer, attempts: 1 })).toEqual({ reason: "refused", message: null, attempts: 1 });
    expect(failureOfAction({ lastError: "x", result: { ...answer, failure: { reason: "quota", applied: "no" } }, attempts: 8 })).toEqual({ reason: "quota", applied: "no", attempts: 8 });
    // The client once filed an answer without the order's result as Cdiscount refusing it.
    expect(failureOfAction({ lastError: "Cdiscount returned no result for this order", result: answer, attempts: 1 })).toEqual({ reason: "noResult", applied: "unknown", attempts: 1 });
  });

  it("whether the order may have changed at Cdiscount: only a whole refusal or an unsent action is surely not applied", () => {
    expect(cdiscountApplied({ reason: "refused", message: "Commande annulée", attempts: 1 })).toBe("no");
    expect(cdiscountApplied({ reason: "refused", message: "Ligne déjà remboursée", partly: true, attempts: 1 })).toBe("unknown");
    expect(cdiscountApplied({ reason: "notSent", detail: "Numéro de suivi manquant.", attempts: 0 })).toBe("no");
    expect(cdiscountApplied({ reason: "unrecorded", detail: "timeout", attempts: 8 })).toBe("unknown");
    expect(cdiscountApplied({ reason: "timeout", applied: "unknown", attempts: 8 })).toBe("unknown");
    expect(cdiscountApplied({ reason: "authentication", applied: "no", attempts: 1 })).toBe("no");
  });
});
