// Reading SOAP XML with fast-xml-parser: namespace prefixes are dropped (documents are
// read by local name, whatever prefixes the sender chose), every value stays a string
// (money is never turned into a float), and i:nil is honoured.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseCdiscountDate } from "../dates";

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  // Values are kept verbatim: Cdiscount has carrier names with trailing spaces.
  trimValues: false,
  processEntities: true,
  // Numeric character references (&#xD; from a customer's CRLF, &#233;) are plain XML,
  // but fast-xml-parser 5 only decodes them with htmlEntities on.
  htmlEntities: true,
});

export class XmlFormatError extends Error {
  override name = "XmlFormatError";
}

/** Parses a document; throws XmlFormatError on anything that is not well-formed XML. */
export function parseXml(text: string): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlFormatError(`Malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  return parser.parse(text) as XmlNode;
}

function isNil(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as XmlNode)["@_nil"] === "true";
}

/** A child element, or undefined when absent or nil. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const value = node?.[name];
  if (value === undefined || isNil(value)) return undefined;
  if (Array.isArray(value)) return value[0] as XmlNode;
  return typeof value === "object" && value !== null ? (value as XmlNode) : {};
}

/** Follows a path of element names. */
export function path(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  let current = node;
  for (const name of names) current = child(current, name);
  return current;
}

/** Text of a child element; null when absent, nil, or (for `emptyIsNull`) empty. */
export function text(node: XmlNode | undefined, name: string): string | null {
  const value = node?.[name];
  if (value === undefined || isNil(value)) return null;
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && "#text" in value) return String((value as XmlNode)["#text"]);
  return "";
}

/** Text with surrounding whitespace removed; empty becomes null. */
export function trimmed(node: XmlNode | undefined, name: string): string | null {
  const value = text(node, name)?.trim();
  return value ? value : null;
}

export function bool(node: XmlNode | undefined, name: string): boolean | null {
  const value = trimmed(node, name);
  if (value === null) return null;
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new XmlFormatError(`${name}: "${value}" is not a boolean`);
}

export function int(node: XmlNode | undefined, name: string): number | null {
  const value = trimmed(node, name);
  if (value === null) return null;
  if (!/^-?\d+$/.test(value)) throw new XmlFormatError(`${name}: "${value}" is not an integer`);
  return Number(value);
}

const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

/** A decimal kept as its exact string ("29.9", "0.18"). */
export function decimal(node: XmlNode | undefined, name: string): string | null {
  const value = trimmed(node, name);
  if (value === null) return null;
  if (!DECIMAL.test(value)) throw new XmlFormatError(`${name}: "${value}" is not a decimal`);
  return value.startsWith(".") ? `0${value}` : value.replace(/\.$/, "");
}

/** A date: timezone-less values are Paris time; 0001-01-01T00:00:00 means unset. */
export function date(node: XmlNode | undefined, name: string): Date | null {
  const value = trimmed(node, name);
  if (value === null) return null;
  const parsed = parseCdiscountDate(value);
  if (parsed === undefined) throw new XmlFormatError(`${name}: "${value}" is not a date`);
  return parsed;
}

/** The items of a list element (`<OrderList><Order/>…</OrderList>`); empty or nil gives []. */
export function list(node: XmlNode | undefined, listName: string, itemName: string): XmlNode[] {
  const container = child(node, listName);
  const items = container?.[itemName];
  if (items === undefined) return [];
  return (Array.isArray(items) ? items : [items]).filter((i) => !isNil(i)).map((i) => (typeof i === "object" && i !== null ? (i as XmlNode) : { "#text": i }));
}

/** The texts of a string list (`<States><OrderStateEnum>…`, `<OrderReferenceList><string>…`). */
export function textList(node: XmlNode | undefined, listName: string, itemName: string): string[] {
  const container = child(node, listName);
  const items = container?.[itemName];
  if (items === undefined) return [];
  return (Array.isArray(items) ? items : [items]).map((i) => (typeof i === "string" ? i : String((i as XmlNode)?.["#text"] ?? "")));
}
