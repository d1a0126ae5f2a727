// A strict, non-validating XML parser for SOAP answers, written for speed on the one
// large document we read: a GetOrderList answer, which has no paging and can carry
// tens of megabytes (reference §1.5). A general streaming parser (saxes) reads about
// 20 MB/s here and was the sync's limit; this one reads the same answers several times
// faster because it works on whole strings with indexOf and builds the tree directly.
//
// Strict where it matters for trusting an answer: tags must nest and match, the
// document must have exactly one root and end, every entity and character reference
// must be one of XML's, attribute values must be quoted, and DTDs are refused (SOAP
// forbids them, and refusing them rules out entity expansion tricks). A differential
// test holds it to saxes's verdicts and trees on generated and mutated documents.
//
// The tree: nested objects keyed by local name. A leaf is its text, verbatim (Cdiscount
// has carrier names with trailing spaces); an element with attributes is
// { "@_name": value, "#text": text }; repeated children become arrays.

export type XmlNode = Record<string, unknown>;

export class XmlFormatError extends Error {
  override name = "XmlFormatError";
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const BANG = 33; // !
const QUESTION = 63; // ?
const EQUALS = 61; // =
const QUOTE = 34; // "
const APOS = 39; // '

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
/** Characters that end a name. Names are otherwise taken as written: a wrong name can only fail to match. */
const endsName = (c: number) => isSpace(c) || c === GT || c === SLASH || c === EQUALS || c === LT || Number.isNaN(c);
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c >= 0xc0;
// Control characters XML 1.0 does not allow anywhere, and the two non-characters.
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const XML_DECLARATION = /^<\?xml\s+version\s*=\s*(["'])1\.\d+\1(\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>$/;
const NAME = /^[A-Za-z_:\u00C0-\uFFFD][\w.:\u00B7\u00C0-\uFFFD-]*$/;

const localNames = new Map<string, string>();
function localName(name: string): string {
  let local = localNames.get(name);
  if (local === undefined) {
    if (!NAME.test(name)) throw new XmlFormatError(`"${name}" is not a valid element or attribute name`);
    const colon = name.indexOf(":");
    local = colon === -1 ? name : name.slice(colon + 1);
    if (localNames.size < 10_000) localNames.set(name, local);
  }
  return local;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function decodeEntities(raw: string): string {
  let out = "";
  let from = 0;
  let amp = raw.indexOf("&");
  while (amp !== -1) {
    const semi = raw.indexOf(";", amp);
    if (semi === -1) throw new XmlFormatError("An entity reference is not terminated");
    const name = raw.slice(amp + 1, semi);
    let value: string | undefined;
    if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name.charCodeAt(1) === 120; /* x */
      const digits = name.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) throw new XmlFormatError(`"&${name};" is not a character reference`);
      const code = parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(code)) throw new XmlFormatError(`"&${name};" is not an XML character`);
      value = String.fromCodePoint(code);
    } else {
      value = NAMED_ENTITIES[name];
      if (value === undefined) throw new XmlFormatError(`Undefined entity "&${name};"`);
    }
    out += raw.slice(from, amp) + value;
    from = semi + 1;
    amp = raw.indexOf("&", from);
  }
  return from === 0 ? raw : out + raw.slice(from);
}

/** Character data as the application sees it: line ends normalized, references decoded. */
function textValue(raw: string): string {
  if (raw.includes("]]>")) throw new XmlFormatError('"]]>" is not allowed in text');
  const normalized = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  return normalized.includes("&") ? decodeEntities(normalized) : normalized;
}

function attributeValue(raw: string): string {
  if (raw.includes("<")) throw new XmlFormatError('"<" is not allowed in an attribute value');
  // Attribute-value normalization: literal whitespace becomes a space (references survive).
  const normalized = /[\r\n\t]/.test(raw) ? raw.replace(/\r\n|[\r\n\t]/g, " ") : raw;
  return normalized.includes("&") ? decodeEntities(normalized) : normalized;
}

function addChild(parent: XmlNode, name: string, value: unknown): void {
  const existing = parent[name];
  if (existing === undefined) parent[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else parent[name] = [existing, value];
}

/**
 * Parses a document into nested objects keyed by local name. Throws XmlFormatError on
 * anything that is not well-formed XML, on truncated documents and on DTDs.
 */
export function parseXml(xml: string): XmlNode {
  if (FORBIDDEN_CHARS.test(xml)) throw new XmlFormatError("The document contains a character XML does not allow");
  const root: XmlNode = {};
  // Parallel stacks rather than a frame object per element, and a node object only for
  // elements that turn out to have children or attributes: most elements are leaves,
  // and a large answer has about a million of them.
  const qualifiedNames: string[] = [""];
  const names: string[] = [""];
  const nodes: (XmlNode | null)[] = [root];
  const texts: string[] = [""];
  const parents: boolean[] = [true];
  let seenRoot = false;
  let i = 0;
  const length = xml.length;

  const fail = (what: string): never => {
    throw new XmlFormatError(`Malformed XML at offset ${i}: ${what}`);
  };
  const appendText = (value: string) => {
    if (names.length === 1) {
      if (value.trim()) fail("text outside the root element");
      return;
    }
    texts[texts.length - 1] += value;
  };

  while (i < length) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt === -1 ? length : lt;
    if (textEnd > i) appendText(textValue(xml.slice(i, textEnd)));
    if (lt === -1) break;
    i = lt;
    const next = xml.charCodeAt(i + 1);

    if (next === SLASH) {
      const close = xml.indexOf(">", i + 2);
      if (close === -1) fail("unterminated end tag");
      const name = xml.slice(i + 2, close).trimEnd();
      if (names.length === 1) fail(`end tag </${name}> without a start tag`);
      if (name !== qualifiedNames[qualifiedNames.length - 1]) fail(`</${name}> does not close <${qualifiedNames[qualifiedNames.length - 1]}>`);
      qualifiedNames.pop();
      const local = names.pop()!;
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
      addChild(nodes[nodes.length - 1]!, local, value);
      i = close + 1;
      continue;
    }

    if (next === QUESTION) {
      const end = xml.indexOf("?>", i + 2);
      if (end === -1) fail("unterminated processing instruction");
      const target = /^[^\s?]+/.exec(xml.slice(i + 2, end))?.[0] ?? "";
      if (!NAME.test(target)) fail("a processing instruction needs a name as its target");
      if (target.toLowerCase() === "xml" && !(i === 0 && XML_DECLARATION.test(xml.slice(0, end + 2)))) fail("a malformed or misplaced XML declaration");
      i = end + 2;
      continue;
    }
    if (next === BANG) {
      if (xml.startsWith("<!--", i)) {
        const end = xml.indexOf("-->", i + 4);
        if (end === -1) fail("unterminated comment");
        if (xml.slice(i + 4, end).includes("--") || xml.charCodeAt(end - 1) === 45) fail('"--" inside a comment');
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", i)) {
        if (names.length === 1) fail("CDATA outside the root element");
        const end = xml.indexOf("]]>", i + 9);
        if (end === -1) fail("unterminated CDATA section");
        const raw = xml.slice(i + 9, end);
        texts[texts.length - 1] += raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
        i = end + 3;
      } else if (xml.startsWith("<!DOCTYPE", i)) {
        throw new XmlFormatError("A DOCTYPE is not allowed in a SOAP message");
      } else {
        fail("unknown markup declaration");
      }
      continue;
    }

    // A start tag.
    if (!isNameStart(next)) fail("a start tag must begin with a name");
    if (names.length === 1 && seenRoot) fail("a second root element");
    let p = i + 1;
    while (!endsName(xml.charCodeAt(p))) p++;
    const qualifiedName = xml.slice(i + 1, p);
    const local = localName(qualifiedName);
    let node: XmlNode | null = null;
    let seenAttributes: Set<string> | null = null;
    let selfClosing = false;
    for (;;) {
      let c = xml.charCodeAt(p);
      const spaced = isSpace(c);
      while (isSpace(c)) c = xml.charCodeAt(++p);
      if (c === GT) {
        p++;
        break;
      }
      if (c === SLASH) {
        if (xml.charCodeAt(p + 1) !== GT) fail('"/" not followed by ">"');
        selfClosing = true;
        p += 2;
        break;
      }
      if (Number.isNaN(c)) fail(`unterminated start tag <${qualifiedName}>`);
      if (!spaced) fail(`attributes of <${qualifiedName}> must be separated by whitespace`);
      const nameStart = p;
      while (!endsName(xml.charCodeAt(p))) p++;
      const attribute = xml.slice(nameStart, p);
      if (!attribute) fail(`unexpected character in <${qualifiedName}>`);
      c = xml.charCodeAt(p);
      while (isSpace(c)) c = xml.charCodeAt(++p);
      if (c !== EQUALS) fail(`attribute ${attribute} has no value`);
      c = xml.charCodeAt(++p);
      while (isSpace(c)) c = xml.charCodeAt(++p);
      if (c !== QUOTE && c !== APOS) fail(`attribute ${attribute} must be quoted`);
      const closeQuote = xml.indexOf(c === QUOTE ? '"' : "'", p + 1);
      if (closeQuote === -1) fail(`unterminated value of attribute ${attribute}`);
      const value = attributeValue(xml.slice(p + 1, closeQuote));
      p = closeQuote + 1;
      seenAttributes ??= new Set();
      if (seenAttributes.has(attribute)) fail(`attribute ${attribute} appears twice`);
      seenAttributes.add(attribute);
      const attributeLocal = localName(attribute);
      if (attribute === "xmlns" || attribute.startsWith("xmlns:")) continue;
      node ??= {};
      node[`@_${attributeLocal}`] = value;
    }

    const depth = names.length - 1;
    if (!parents[depth]) {
      parents[depth] = true;
      nodes[depth] ??= {};
    }
    if (depth === 0) seenRoot = true;
    if (selfClosing) {
      addChild(nodes[depth]!, local, node ?? "");
    } else {
      qualifiedNames.push(qualifiedName);
      names.push(local);
      nodes.push(node);
      texts.push("");
      parents.push(false);
    }
    i = p;
  }

  if (names.length > 1) throw new XmlFormatError(`Malformed XML: unexpected end of document inside <${qualifiedNames[qualifiedNames.length - 1]}>`);
  if (!seenRoot) throw new XmlFormatError("Malformed XML: the document has no root element");
  return root;
}
