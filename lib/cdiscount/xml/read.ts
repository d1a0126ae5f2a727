// Reading SOAP XML: the typed readers over the tree that parse.ts builds. Every value
// stays a string until a reader converts it (money is never turned into a float), and
// i:nil is kept as an attribute so that nil and empty stay different.
import { parseCdiscountDate } from "../dates";
import { XmlFormatError, type XmlNode } from "./parse";

export { parseXml, XmlFormatError, type XmlNode } from "./parse";

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
