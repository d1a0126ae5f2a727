// Writing SOAP XML: an element tree, serialized with every text and attribute value
// escaped. Cdiscount's service is WCF with DataContractSerializer: the members of a type
// must come in alphabetical (ordinal) order, inherited members first, so every type is
// written through `members()`.

export type XmlChild = XmlElement | null | undefined | false;

export interface XmlElement {
  name: string;
  attrs?: Record<string, string>;
  /** Text content, or child elements; `nil` writes i:nil="true". */
  content?: string | XmlChild[];
  nil?: boolean;
  /** Already serialized XML, written as is (the sandbox's cache of encoded orders). */
  raw?: string;
}

export function rawXml(xml: string): XmlElement {
  return { name: "", raw: xml };
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

// The five XML escapes, plus CR: written raw, any XML parser reads it back as LF.
const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\r": "&#xD;" };
const NEEDS_ESCAPE = /[&<>"'\r]/;
const ESCAPE_ALL = /[&<>"'\r]/g;

export function escapeXml(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPE_ALL, (c) => ESCAPES[c]!) : value;
}

// A plain string builder: a large GetOrderList answer is tens of megabytes, and the
// sandbox writes them as fast as the client reads them.
function write(node: XmlElement, out: string[]): void {
  if (node.raw !== undefined) {
    out.push(node.raw);
    return;
  }
  let open = `<${node.name}`;
  if (node.attrs) for (const key in node.attrs) open += ` ${key}="${escapeXml(node.attrs[key]!)}"`;
  if (node.nil) open += ' i:nil="true"';
  const content = node.content;
  if (typeof content === "string" && content !== "") {
    out.push(`${open}>${escapeXml(content)}</${node.name}>`);
  } else if (Array.isArray(content) && content.some(Boolean)) {
    out.push(`${open}>`);
    for (const child of content) if (child) write(child, out);
    out.push(`</${node.name}>`);
  } else {
    out.push(`${open}/>`);
  }
}

export function toXml(root: XmlElement, { declaration = false } = {}): string {
  const out: string[] = declaration ? ['<?xml version="1.0" encoding="utf-8"?>'] : [];
  write(root, out);
  return out.join("");
}
