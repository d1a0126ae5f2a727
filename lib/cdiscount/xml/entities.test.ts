import { describe, expect, it } from "vitest";
import { el, toXml } from "./build";
import { child, parseXml, text } from "./read";

describe("character references", () => {
  it("decodes numeric references (a customer's CRLF, accents) but not escaped ones", () => {
    expect(text(child(parseXml("<r><v>a&#xD;&#10;b&#233;</v></r>"), "r"), "v")).toBe("a\r\nbé");
    expect(text(child(parseXml("<r><v>&amp;lt;</v></r>"), "r"), "v")).toBe("&lt;");
  });

  it("writes CR as a reference so that it survives the round trip", () => {
    const xml = toXml(el("v", "Code porte\r\n2e étage & <cour>"));
    expect(xml).toContain("&#xD;");
    expect(text(parseXml(xml), "v")).toBe("Code porte\r\n2e étage & <cour>");
  });
});
