// Opens the HTML analysis report in a real Chromium and follows a finding to its highlighted quote.

import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Analysis } from "../src/analyzer/analysis.js";
import { evaluatePolicy, parsePolicy } from "../src/analyzer/policy.js";
import { renderHtmlReport } from "../src/analyzer/report/html-report.js";
import {
  OBJECTION_SENTENCE,
  PURPOSE_SENTENCE,
  SAMPLE_ANALYSIS,
  SAMPLE_TEXT,
} from "./fixtures/sample-analysis.js";

const CHROMIUM = "/usr/bin/chromium";
// Run in the page, where the DOM exists (this project compiles without the DOM library).
interface PageGlobals {
  readonly innerHeight: number;
  getComputedStyle(element: unknown): { readonly backgroundColor: string };
}
interface Box {
  getBoundingClientRect(): { readonly top: number };
}
const HASH_IS_A_QUOTE = "location.hash.startsWith('#q-')";
const BACKGROUND = (el: unknown) =>
  (globalThis as unknown as PageGlobals).getComputedStyle(el).backgroundColor;
const IN_VIEW = (el: unknown) => {
  const top = (el as Box).getBoundingClientRect().top;
  return top >= 0 && top < (globalThis as unknown as PageGlobals).innerHeight;
};
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`[skip] HTML report browser test: ${CHROMIUM} is absent (apt-get install -y chromium)`);

describe.skipIf(!hasChromium)("the HTML report in Chromium", () => {
  let browser: Browser;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "art28-html-report-"));
    const analysis: Analysis = {
      ...SAMPLE_ANALYSIS,
      flags: [
        ...SAMPLE_ANALYSIS.flags,
        ...evaluatePolicy(SAMPLE_ANALYSIS, parsePolicy({ minSubprocessorObjection: "14 days" }), "fr"),
      ],
    };
    const file = join(dir, "rapport.html");
    writeFileSync(file, renderHtmlReport(analysis, SAMPLE_TEXT, { lang: "fr", fileName: "accord.txt" }));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("takes a click on a flag's link to that flag's highlighted quote", async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(url);
    const flag = page.locator("li", { hasText: "ses propres fins" });
    await flag.locator("a.quote").click();
    await page.waitForFunction(HASH_IS_A_QUOTE);
    const hash = new URL(page.url()).hash;
    const target = page.locator(":target");
    expect(await target.evaluate((el) => el.tagName)).toBe("MARK");
    expect(`#${await target.getAttribute("id")}`).toBe(hash);
    expect(await target.textContent()).toBe(PURPOSE_SENTENCE);
    // The quote is lit up and scrolled into view.
    const background = await target.evaluate(BACKGROUND);
    expect(background).toBe("rgb(255, 201, 77)");
    expect(await target.isVisible()).toBe(true);
    expect(await target.evaluate(IN_VIEW)).toBe(true);
    // Only the report itself was loaded: no external asset.
    expect(requests).toEqual([url]);
    await page.close();
  });

  it("takes a policy result and a period to the same clause", async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator("li", { hasText: "14 jours au moins" }).locator("a.quote").click();
    await page.waitForFunction(HASH_IS_A_QUOTE);
    const fromPolicy = new URL(page.url()).hash;
    expect(await page.locator(":target").textContent()).toBe(OBJECTION_SENTENCE);
    await page.locator("#term-subprocessor_objection_period a.quote").click();
    expect(new URL(page.url()).hash).toBe(fromPolicy);
    await page.close();
  });
});
