// Writing documents, in-process, median of warm runs: the dpa as DOCX (target: at most 50 ms) and as PDF/A
// (at most 300 ms), and a controller's register of 10,000 activities as XLSX (at most 2 s).

import { renderDocx } from "../src/documents/render/render-docx.js";
import { renderPdf } from "../src/documents/render/render-pdf.js";
import { renderXlsx } from "../src/documents/render/render-xlsx.js";
import { DPA_EXAMPLE, dpaData, writeDpa } from "../src/documents/templates/dpa.js";
import {
  REGISTER_CONTROLLER_EXAMPLE,
  registerControllerData,
  writeRegisterController,
} from "../src/documents/templates/register-controller.js";
import type { Emit } from "./run.js";

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export default async function bench(emit: Emit): Promise<void> {
  const dpa = dpaData.parse(DPA_EXAMPLE);
  // Template and rendering together, as `art28 generate` does; a few runs first to warm the JIT and fonts.
  await median(3, () => renderDocx(writeDpa(dpa, "fr")));
  emit("documents.dpa_docx_ms", await median(15, () => renderDocx(writeDpa(dpa, "fr"))), "ms");
  await median(3, () => renderPdf(writeDpa(dpa, "fr")));
  emit("documents.dpa_pdf_ms", await median(9, () => renderPdf(writeDpa(dpa, "fr"))), "ms");

  const [activity] = REGISTER_CONTROLLER_EXAMPLE.activities;
  const register = registerControllerData.parse({
    ...REGISTER_CONTROLLER_EXAMPLE,
    activities: Array.from({ length: 10_000 }, (_, i) => ({
      ...activity,
      reference: `T-${String(i + 1).padStart(5, "0")}`,
    })),
  });
  // The pages of such a register are not what is timed: XLSX reads only its sheet.
  const model = writeRegisterController(register, "fr");
  emit("documents.register_10000_rows_xlsx_ms", await median(3, () => renderXlsx(model)), "ms");
}
