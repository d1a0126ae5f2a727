// Reading bulk shipment files: the template, its French twin, and what sellers' spreadsheets produce.
import { describe, expect, it } from "vitest";
import { MAX_BULK_SHIPMENT_ROWS, SHIPMENT_CSV_TEMPLATE } from "./schemas";
import { parseShipmentCsv } from "./shipment-csv";

describe("parseShipmentCsv", () => {
  it("reads the template's columns, comma-separated, with line numbers", () => {
    const csv = `${SHIPMENT_CSV_TEMPLATE}2611270001ABCDE,Colissimo,6A123,https://t.example/6A123\n2611270002FGHIJ,"La Poste - Courrier",,\n`;
    expect(parseShipmentCsv(csv)).toEqual({
      problems: [],
      rows: [
        { line: 2, orderNumber: "2611270001ABCDE", carrierName: "Colissimo", trackingNumber: "6A123", trackingUrl: "https://t.example/6A123" },
        { line: 3, orderNumber: "2611270002FGHIJ", carrierName: "La Poste - Courrier", trackingNumber: undefined, trackingUrl: undefined },
      ],
    });
  });

  it("reads French headers, semicolons, a UTF-8 BOM, CRLF, blank lines and columns in any order", () => {
    const csv = "\uFEFFTransporteur;Numéro commande;URL suivi;numero_suivi\r\n\r\nGLS ; 2611270001ABCDE ;; G-1 \r\n";
    expect(parseShipmentCsv(csv)).toEqual({
      problems: [],
      rows: [{ line: 3, orderNumber: "2611270001ABCDE", carrierName: "GLS", trackingNumber: "G-1", trackingUrl: undefined }],
    });
  });

  it("lets the tracking URL column out, but names the other missing columns", () => {
    expect(parseShipmentCsv("order_number,carrier,tracking_number\nA,B,C\n").problems).toEqual([]);
    expect(parseShipmentCsv("commande;transporteur\nA;B\n").problems).toEqual([{ key: "missingColumns", values: { columns: "order_number, tracking_number" } }]);
  });

  it("refuses an empty file, an unterminated quote, and more rows than a bulk shipment takes", () => {
    expect(parseShipmentCsv(SHIPMENT_CSV_TEMPLATE).problems).toEqual([{ key: "emptyFile" }]);
    expect(parseShipmentCsv(`${SHIPMENT_CSV_TEMPLATE}A,"Colissimo,6A1,\n`).problems).toMatchObject([{ key: "unreadableFile" }]);
    const many = SHIPMENT_CSV_TEMPLATE + Array.from({ length: MAX_BULK_SHIPMENT_ROWS + 1 }, (_, i) => `N${i},C,T${i},`).join("\n");
    expect(parseShipmentCsv(many)).toEqual({ rows: [], problems: [{ key: "tooManyRows", values: { max: MAX_BULK_SHIPMENT_ROWS } }] });
  });
});
