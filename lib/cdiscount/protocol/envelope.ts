// SOAP 1.1 envelopes of Cdiscount's MarketplaceAPIService (reference §1.1–§1.4):
// the headerMessage every operation starts with, the common result members, and
// SOAP faults. Used by the client to write requests and read responses, and by the
// sandbox to read requests and write responses.
import { el, members, nillable, toXml, type XmlChild, type XmlElement } from "../xml/build";
import { NS } from "../xml/namespaces";
import { bool, child, list, parseXml, text, XmlFormatError, type XmlNode } from "../xml/read";
import type { MarketplaceMessage } from "../types";

export const OPERATIONS = ["GetOrderList", "ValidateOrderList", "CreateRefundVoucher", "GetGlobalConfiguration"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The name of each operation's argument element after headerMessage. */
export const ARGUMENT_ELEMENT: Readonly<Record<Operation, string | null>> = {
  GetOrderList: "orderFilter",
  ValidateOrderList: "validateOrderListMessage",
  CreateRefundVoucher: "request",
  GetGlobalConfiguration: null,
};

export const SERVICE_PATH = "/MarketplaceAPIService.svc";
export const STS_PATH = "/users/httpIssue.svc/";

export function soapAction(operation: Operation): string {
  return `http://www.cdiscount.com/IMarketplaceAPIService/${operation}`;
}

export function isOperation(value: string): value is Operation {
  return (OPERATIONS as readonly string[]).includes(value);
}

/** headerMessage as every SDK sends it (reference §1.3): site 100, France, euros, French. */
function headerMessage(tokenId: string): XmlElement {
  const a = "a:";
  return el(
    "headerMessage",
    members(
      {
        Context: el("Context", members({ CatalogID: el("CatalogID", 1), CustomerPoolID: el("CustomerPoolID", 1), SiteID: el("SiteID", 100) }, a)),
        Localization: el(
          "Localization",
          members({ Country: el("Country", "Fr"), Currency: el("Currency", "Eur"), DecimalPosition: el("DecimalPosition", 2), Language: el("Language", "Fr") }, a),
        ),
        Security: el(
          "Security",
          members(
            {
              DomainRightsList: nillable("DomainRightsList", null),
              IssuerID: nillable("IssuerID", null),
              SessionID: nillable("SessionID", null),
              SubjectLocality: nillable("SubjectLocality", null),
              TokenId: el("TokenId", tokenId),
              UserName: nillable("UserName", null),
            },
            a,
          ),
        ),
        Version: el("Version", "1.0"),
      },
      a,
    ),
    { "xmlns:a": NS.messages, "xmlns:i": NS.instance },
  );
}

export function requestEnvelope(operation: Operation, tokenId: string, argument?: XmlElement): string {
  const body = el(operation, [headerMessage(tokenId), argument], { xmlns: NS.cdiscount });
  return toXml(el("s:Envelope", [el("s:Body", [body])], { "xmlns:s": NS.soap }));
}

export interface ParsedRequest {
  operation: string;
  tokenId: string | null;
  argument: XmlNode | undefined;
}

export function parseRequestEnvelope(xml: string): ParsedRequest {
  const body = child(child(parseXml(xml), "Envelope"), "Body");
  const operation = body ? Object.keys(body).find((k) => !k.startsWith("@_") && k !== "#text") : undefined;
  if (!body || !operation) throw new XmlFormatError("No SOAP body");
  const call = child(body, operation);
  const tokenId = text(child(child(call, "headerMessage"), "Security"), "TokenId");
  const argName = isOperation(operation) ? ARGUMENT_ELEMENT[operation] : null;
  return { operation, tokenId, argument: argName ? child(call, argName) : undefined };
}

export interface BaseResult {
  operationSuccess: boolean;
  errorMessage: string | null;
  errors: MarketplaceMessage[];
  sellerLogin: string | null;
  tokenId: string | null;
}

export function encodeMessages(name: string, messages: MarketplaceMessage[]): XmlElement {
  return el(
    name,
    messages.map((m) => el("Error", members({ ErrorType: nillable("ErrorType", m.type), Message: el("Message", m.message) }))),
  );
}

export function decodeMessages(node: XmlNode | undefined, name: string): MarketplaceMessage[] {
  return list(node, name, "Error").map((e) => ({ type: text(e, "ErrorType"), message: text(e, "Message") ?? "" }));
}

/** ServiceMessage members first, then ServiceBaseAPIMessage's, then the result's own. */
export function resultMembers(base: BaseResult, own: Record<string, XmlChild | XmlChild[]>): XmlElement[] {
  return [
    el("ErrorMessage", base.errorMessage ?? "", { xmlns: NS.messages }),
    el("OperationSuccess", base.operationSuccess, { xmlns: NS.messages }),
    ...members({ ErrorList: encodeMessages("ErrorList", base.errors), SellerLogin: nillable("SellerLogin", base.sellerLogin), TokenId: nillable("TokenId", base.tokenId) }),
    ...members(own),
  ];
}

export function responseEnvelope(operation: Operation, result: XmlElement[]): string {
  const resultEl = el(`${operation}Result`, result, { "xmlns:i": NS.instance });
  return toXml(el("s:Envelope", [el("s:Body", [el(`${operation}Response`, [resultEl], { xmlns: NS.cdiscount })])], { "xmlns:s": NS.soap }));
}

export function faultEnvelope(code: string, message: string): string {
  const fault = el("s:Fault", [el("faultcode", code.includes(":") ? code : `s:${code}`), el("faultstring", message, { "xml:lang": "fr-FR" })]);
  return toXml(el("s:Envelope", [el("s:Body", [fault])], { "xmlns:s": NS.soap }));
}

export type ParsedResponse = { fault: { code: string; message: string } } | { result: XmlNode; base: BaseResult };

export function parseResponseEnvelope(xml: string, operation: Operation): ParsedResponse {
  const body = child(child(parseXml(xml), "Envelope"), "Body");
  if (!body) throw new XmlFormatError("No SOAP body");
  const fault = child(body, "Fault");
  if (fault) {
    // Prefix-agnostic: "s:RequestTokenValidationError" and "RequestTokenValidationError" alike.
    const code = (text(fault, "faultcode") ?? "").trim().replace(/^[^:]*:/, "");
    return { fault: { code, message: (text(fault, "faultstring") ?? "").trim() } };
  }
  const result = child(child(body, `${operation}Response`), `${operation}Result`);
  if (!result) throw new XmlFormatError(`No ${operation}Result in the response`);
  return {
    result,
    base: {
      operationSuccess: bool(result, "OperationSuccess") ?? false,
      errorMessage: text(result, "ErrorMessage") || null,
      errors: decodeMessages(result, "ErrorList"),
      sellerLogin: text(result, "SellerLogin"),
      tokenId: text(result, "TokenId"),
    },
  };
}

/** The STS answer: <string xmlns="…/Serialization/">token</string>. */
export function tokenResponse(token: string): string {
  return toXml(el("string", token, { xmlns: NS.serialization }));
}

export function parseTokenResponse(xml: string): string | null {
  return text(parseXml(xml), "string")?.trim() || null;
}
