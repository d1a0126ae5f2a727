// parse.ts is held to saxes (a maintained, strict XML parser): on generated documents,
// and on the same documents truncated or with one character changed, both must agree on
// whether the document is well-formed and, when it is, on the tree.
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { parseXml, XmlFormatError, type XmlNode } from "./parse";

/** The tree the product built from saxes events before parse.ts: the reference. */
function parseWithSaxes(text: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const local = (name: string) => name.slice(name.indexOf(":") + 1);
  const root: XmlNode = {};
  const names: string[] = [""];
  const nodes: (XmlNode | null)[] = [root];
  const texts: string[] = [""];
  const parents: boolean[] = [true];
  const add = (parent: XmlNode, name: string, value: unknown) => {
    const existing = parent[name];
    if (existing === undefined) parent[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else parent[name] = [existing, value];
  };
  parser.on("doctype", () => {
    throw new XmlFormatError("doctype");
  });
  parser.on("opentag", (tag) => {
    let node: XmlNode | null = null;
    for (const key in tag.attributes) {
      if (key === "xmlns" || key.startsWith("xmlns:")) continue;
      node ??= {};
      node[`@_${local(key)}`] = tag.attributes[key];
    }
    const depth = names.length - 1;
    if (!parents[depth]) {
      parents[depth] = true;
      nodes[depth] ??= {};
    }
    names.push(local(tag.name));
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
      if (content.trim()) node!["#text"] = content;
    } else if (node) {
      value = node;
      if (content) node["#text"] = content;
    } else value = content;
    add(nodes[nodes.length - 1]!, name, value);
  });
  parser.write(text).close();
  return root;
}

type Verdict = { ok: true; tree: XmlNode } | { ok: false };
function verdict(parse: (text: string) => XmlNode, text: string): Verdict {
  try {
    return { ok: true, tree: parse(text) };
  } catch {
    return { ok: false };
  }
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, "&quot;");

// Text with what SOAP answers carry: accents, quotes, entities, CR/LF, character references.
const textPiece = fc.oneof(
  fc.constantFrom("Zoé", "N'Diaye", '"renforcé"', "Dupont & Fils", "<1 m>", " ", "\n  ", "\r\n", "a\rb", "29.90", "", "]]", "]]>"),
  fc.constantFrom("&#233;", "&#xD;", "&#10;", "&amp;lt;", "&apos;", "&#x1F600;"),
  fc.string({ maxLength: 6 }),
);
const rawText = fc.array(textPiece, { maxLength: 4 }).map((pieces) => pieces.map((p) => (p.startsWith("&") ? p : escapeText(p))).join(""));
const elementName = fc.constantFrom("Order", "s:Body", "a:OrderLine", "i", "Name", "x_1", "b.c", "ns2:Value-2");
const attributes = fc.uniqueArray(fc.tuple(fc.constantFrom("i:nil", "xmlns:a", "xmlns", "id", "a:type"), fc.constantFrom("true", "http://x", "a&b", "l1\nl2", "é")), {
  maxLength: 3,
  selector: ([name]) => name,
});

const element: fc.Memo<string> = fc.memo((depth) =>
  fc
    .tuple(
      elementName,
      attributes,
      depth > 1 ? fc.array(fc.oneof(rawText, element(depth - 1), fc.constantFrom("<![CDATA[<b>&</b>]]>", "<!-- note -->", "<?pi data?>")), { maxLength: 4 }) : fc.array(rawText, { maxLength: 1 }),
      fc.boolean(),
    )
    .map(([name, attrs, children, selfClose]) => {
      const open = `<${name}${attrs.map(([a, v]) => ` ${a}="${escapeAttribute(v)}"`).join("")}`;
      return selfClose && children.length === 0 ? `${open}/>` : `${open}>${children.join("")}</${name}>`;
    }),
);
const documentText = fc.tuple(fc.boolean(), element(4), fc.constantFrom("", "\n", "  <!-- end -->")).map(([declaration, body, tail]) => `${declaration ? '<?xml version="1.0" encoding="utf-8"?>' : ""}${body}${tail}`);

describe("parseXml against saxes", () => {
  it("agrees on well-formed documents", () => {
    fc.assert(
      fc.property(documentText, (xml) => {
        expect(verdict(parseXml, xml)).toEqual(verdict(parseWithSaxes, xml));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees on truncated and altered documents", () => {
    const damage = fc.tuple(documentText, fc.nat(), fc.constantFrom("", "<", ">", "&", "/", '"', "=", " ", "x", "!", "?", "]", "-", ";", "#"), fc.boolean());
    fc.assert(
      fc.property(damage, ([xml, at, replacement, truncate]) => {
        const position = at % (xml.length + 1);
        const damaged = truncate ? xml.slice(0, position) : xml.slice(0, position) + replacement + xml.slice(position + 1);
        expect(verdict(parseXml, damaged).ok, damaged).toBe(verdict(parseWithSaxes, damaged).ok);
        if (verdict(parseXml, damaged).ok) expect(verdict(parseXml, damaged)).toEqual(verdict(parseWithSaxes, damaged));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ["a DOCTYPE", '<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>'],
    ["an undefined entity", "<r>&nbsp;</r>"],
    ["a truncated document", "<r><a>1</a>"],
    ["crossed tags", "<r><a><b></a></b></r>"],
    ["two roots", "<r/><r/>"],
    ["text after the root", "<r/>x"],
    ["an unquoted attribute", "<r a=1/>"],
    ["a duplicated attribute", '<r a="1" a="2"/>'],
    ["a NUL character", "<r>\u0000</r>"],
    ["an empty document", ""],
  ])("refuses %s", (_, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlFormatError);
  });
});
