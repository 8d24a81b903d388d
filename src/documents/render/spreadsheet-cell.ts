// What a spreadsheet cell may hold: text that opens with = + - @ (or a tab or carriage return) would be run as a
// formula by a spreadsheet reading a CSV, so it is neutralised with a leading apostrophe (OWASP, CSV injection).

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralisedCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
