// Writing SOAP XML with fast-xml-parser's builder. Cdiscount's service is WCF with
// DataContractSerializer: the members of a type must come in alphabetical (ordinal)
// order, inherited members first, so every type is written through `members()`.
import { XMLBuilder } from "fast-xml-parser";

export type XmlChild = XmlElement | null | undefined | false;

export interface XmlElement {
  name: string;
  attrs?: Record<string, string>;
  /** Text content, or child elements; `nil` writes i:nil="true". */
  content?: string | XmlChild[];
  nil?: boolean;
}

export function el(name: string, content?: string | number | boolean | XmlChild[], attrs?: Record<string, string>): XmlElement {
  return { name, attrs, content: typeof content === "number" || typeof content === "boolean" ? String(content) : content };
}

/** An element whose value may be absent: absent becomes i:nil="true", as WCF writes it. */
export function nillable(name: string, value: string | number | boolean | null | undefined, prefix = ""): XmlElement {
  return value === null || value === undefined ? { name: prefix + name, nil: true } : el(prefix + name, value);
}

/**
 * The members of one level of a data contract, in the ordinal order WCF expects.
 * Keys are member names; `null`/`undefined`/`false` entries are omitted (use `nillable`
 * for members that must be present as nil).
 */
export function members(record: Record<string, XmlChild | XmlChild[]>, prefix = ""): XmlElement[] {
  return Object.keys(record)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap((key) => {
      const value = record[key];
      const list = Array.isArray(value) ? value : [value];
      return list.filter((c): c is XmlElement => Boolean(c)).map((c) => (prefix && !c.name.includes(":") ? { ...c, name: prefix + c.name } : c));
    });
}

type Ordered = Record<string, unknown>;

function toOrdered(node: XmlElement): Ordered {
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(node.attrs ?? {})) attrs[`@_${k}`] = v;
  if (node.nil) attrs["@_i:nil"] = "true";
  let children: Ordered[] = [];
  if (typeof node.content === "string") children = node.content === "" ? [] : [{ "#text": node.content }];
  else if (Array.isArray(node.content)) children = node.content.filter((c): c is XmlElement => Boolean(c)).map(toOrdered);
  const out: Ordered = { [node.name]: children };
  if (Object.keys(attrs).length) out[":@"] = attrs;
  return out;
}

// The builder's default escapes, plus CR: written raw, an XML parser reads it back as LF.
const ENTITIES = [
  { regex: /&/g, val: "&amp;" },
  { regex: />/g, val: "&gt;" },
  { regex: /</g, val: "&lt;" },
  { regex: /'/g, val: "&apos;" },
  { regex: /"/g, val: "&quot;" },
  { regex: /\r/g, val: "&#xD;" },
];

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  suppressEmptyNode: true,
  processEntities: true,
  // `entities` is an option of the builder that its type definitions leave out.
  ...({ entities: ENTITIES } as object),
});

export function toXml(root: XmlElement, { declaration = false } = {}): string {
  const body = builder.build([toOrdered(root)]) as string;
  return declaration ? `<?xml version="1.0" encoding="utf-8"?>${body}` : body;
}
