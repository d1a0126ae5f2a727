// Reading SOAP XML. saxes (a maintained, strict, streaming XML parser) does the parsing:
// it rejects anything that is not well-formed, truncated documents included, and decodes
// entities and character references. The events are folded into a light tree read by
// local name -- whatever prefixes the sender chose -- where every value stays a string
// (money is never turned into a float) and i:nil is kept as an attribute. It reads
// several times faster than fast-xml-parser plus its validator (npm run bench:client).
import { SaxesParser } from "saxes";
import { parseCdiscountDate } from "../dates";

export type XmlNode = Record<string, unknown>;

export class XmlFormatError extends Error {
  override name = "XmlFormatError";
}

const localNames = new Map<string, string>();
const localName = (name: string) => {
  let local = localNames.get(name);
  if (local === undefined) {
    const colon = name.indexOf(":");
    local = colon === -1 ? name : name.slice(colon + 1);
    if (localNames.size < 10_000) localNames.set(name, local);
  }
  return local;
};

function addChild(parent: XmlNode, name: string, value: unknown): void {
  const existing = parent[name];
  if (existing === undefined) parent[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else parent[name] = [existing, value];
}

/**
 * Parses a document into nested objects keyed by local name: a leaf is its text (values
 * verbatim: Cdiscount has carrier names with trailing spaces), an element with
 * attributes is { "@_name": value, "#text": text }, repeated children become arrays.
 * Throws XmlFormatError on anything that is not well-formed XML, and on DTDs, which
 * SOAP forbids (no entity expansion tricks).
 */
export function parseXml(text: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false, position: false });
  // Parallel stacks rather than a frame object per element, and a node object only for
  // elements that turn out to have children or attributes: most elements are leaves,
  // and a large answer has about a million of them.
  const root: XmlNode = {};
  const names: string[] = [""];
  const nodes: (XmlNode | null)[] = [root];
  const texts: string[] = [""];
  const parents: boolean[] = [true];
  parser.on("doctype", () => {
    throw new XmlFormatError("A DOCTYPE is not allowed in a SOAP message");
  });
  parser.on("opentag", (tag) => {
    let node: XmlNode | null = null;
    for (const key in tag.attributes) {
      if (key === "xmlns" || key.startsWith("xmlns:")) continue;
      node ??= {};
      node[`@_${localName(key)}`] = tag.attributes[key];
    }
    const depth = names.length - 1;
    if (!parents[depth]) {
      parents[depth] = true;
      nodes[depth] ??= {};
    }
    names.push(localName(tag.name));
    nodes.push(node);
    texts.push("");
    parents.push(false);
  });
  const onText = (t: string) => {
    texts[texts.length - 1] += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    const name = names.pop()!;
    const node = nodes.pop()!;
    const content = texts.pop()!;
    const hasChildren = parents.pop()!;
    let value: unknown;
    if (hasChildren) {
      value = node;
      // Indentation between elements is not content.
      if (content.trim()) node!["#text"] = content;
    } else if (node) {
      value = node;
      if (content) node["#text"] = content;
    } else {
      value = content;
    }
    addChild(nodes[nodes.length - 1]!, name, value);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof XmlFormatError) throw error;
    throw new XmlFormatError(`Malformed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  return root;
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
