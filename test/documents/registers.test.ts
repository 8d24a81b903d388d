// Registers as spreadsheets: CSV as French spreadsheets open it and XLSX, neither letting a cell run as a formula.

import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { renderCsv } from "../../src/documents/render/render-csv.js";
import { renderXlsx } from "../../src/documents/render/render-xlsx.js";
import {
  REGISTER_CONTROLLER_EXAMPLE,
  registerControllerTemplate,
} from "../../src/documents/templates/register-controller.js";

const [first, second] = REGISTER_CONTROLLER_EXAMPLE.activities;
const hostile = {
  ...REGISTER_CONTROLLER_EXAMPLE,
  activities: [
    {
      ...first,
      name: '=HYPERLINK("http://x.example","clic")',
      purpose: "+33 4 72 00 00 00",
      subPurposes: ["@SUM(A1)", "-2+3"],
    },
    { ...second, name: 'Cantine; "self"' },
  ],
} as typeof REGISTER_CONTROLLER_EXAMPLE;
const model = registerControllerTemplate.write(hostile, "fr");

describe("a register as CSV", () => {
  const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(renderCsv(model));
  const lines = csv.split("\r\n");

  it("starts with a UTF-8 byte-order mark, separates by semicolons and ends lines with CRLF", () => {
    expect(csv.startsWith("\uFEFFRéf.;Activité;Créée le;")).toBe(true);
    expect(lines).toHaveLength(4); // header, two activities, and the empty string after the last CRLF
    expect(lines[3]).toBe("");
  });

  it("neutralises cells that begin with = + - @ by a leading apostrophe", () => {
    expect(lines[1]).toContain(`;"'=HYPERLINK(""http://x.example"",""clic"")";`);
    expect(lines[1]).toContain(";'+33 4 72 00 00 00;");
    expect(lines[1]).toContain(";'@SUM(A1) / -2+3;");
  });

  it("quotes a cell holding a semicolon or a quote", () => {
    expect(lines[2]).toContain(';"Cantine; ""self""";');
  });
});

describe("a register as XLSX", async () => {
  const parts = unzipSync(await renderXlsx(model));
  const workbook = strFromU8(parts["xl/workbook.xml"] as Uint8Array);
  const sheets = Object.keys(parts).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  const register = strFromU8(parts["xl/worksheets/sheet2.xml"] as Uint8Array);

  it("has the organisation's particulars, then the register with a frozen header row", () => {
    expect(workbook).toMatch(/name="Organisme".*name="Registre"/s);
    expect(sheets).toHaveLength(2);
    expect(register).toContain('state="frozen"');
    expect(register).toContain("Finalité principale");
  });

  it("holds text only, a would-be formula neutralised, and no formula at all", () => {
    for (const sheet of sheets) expect(strFromU8(parts[sheet] as Uint8Array)).not.toMatch(/<f[ >]/);
    expect(register).toContain("&apos;=HYPERLINK(&quot;http://x.example&quot;,&quot;clic&quot;)");
    expect(register).toContain("&apos;+33 4 72 00 00 00");
  });

  it("is dated with the register's issue date", () => {
    const core = strFromU8(parts["docProps/core.xml"] as Uint8Array);
    expect(core).toContain("2026-09-01T00:00:00Z");
  });
});
