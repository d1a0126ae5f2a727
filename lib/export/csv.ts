// How the desk writes CSV for people who open it in Excel (decided once, here):
// - UTF-8 with a byte order mark: Excel reads accents right only when the BOM is there.
// - ";" by default: French Excel (list separator ";") splits it into columns on a double
//   click, and decimals are then written with a comma ("12,50") so it reads numbers.
//   "," (RFC 4180) with decimal points is the option for scripts and other tools.
// - CRLF line ends; quoting (separator, quote, line break, edge spaces) by papaparse.
// - A text cell starting with = + - @ or a tab/CR gets a leading apostrophe, so a
//   customer's name or address can never run as a formula (OWASP "CSV injection").
import Papa from "papaparse";

export const CSV_DELIMITERS = { semicolon: ";", comma: "," } as const;
export type CsvDelimiterName = keyof typeof CSV_DELIMITERS;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[CsvDelimiterName];
export const DEFAULT_CSV_DELIMITER: CsvDelimiterName = "semicolon";

export const UTF8_BOM = "\uFEFF";

/** The `sep` query parameter: "comma" or "semicolon" (the default, also for anything else). */
export function csvDelimiterOf(name: string | null | undefined): CsvDelimiter {
  return name === "comma" ? CSV_DELIMITERS.comma : CSV_DELIMITERS[DEFAULT_CSV_DELIMITER];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell from outside (customer, marketplace): never read as a formula. */
export function textCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A decimal as the separator's spreadsheet reads it: "12,50" with ";", "12.50" with ",". */
export function decimalCell(value: string, delimiter: CsvDelimiter): string {
  return delimiter === ";" ? value.replace(".", ",") : value;
}

/** Records as CSV text, each ended by CRLF (so pages can be concatenated). */
export function csvRecords(records: readonly (readonly string[])[], delimiter: CsvDelimiter): string {
  if (records.length === 0) return "";
  return Papa.unparse(records as string[][], { delimiter, newline: "\r\n", header: false, quotes: false }) + "\r\n";
}
