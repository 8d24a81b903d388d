import fc from "fast-check";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import {
  BREACH_SENTENCE,
  DELETION_SENTENCE,
  SAMPLE_ANALYSIS,
  SAMPLE_TEXT,
} from "../../../test/fixtures/sample-analysis.js";
import type { Analysis } from "../analysis.js";
import { evaluatePolicy, parsePolicy } from "../policy.js";
import { escapeHtml, renderHtmlReport } from "./html-report.js";

type Document = ReturnType<typeof parseDocument>;

function links(doc: Document): string[] {
  return DomUtils.findAll((el) => el.name === "a", doc.children).map((a) => a.attribs.href ?? "");
}

function textOf(doc: Document, id: string): string | null {
  const el = DomUtils.findOne((e) => e.attribs.id === id, doc.children);
  return el ? DomUtils.textContent(el) : null;
}

/** The whole quote a link points at: every highlighted segment that belongs to it. */
function quoteText(doc: Document, id: string): string {
  const marks = DomUtils.findAll(
    (e) => e.name === "mark" && (e.attribs["data-q"] ?? "").split(" ").includes(id),
    doc.children,
  );
  // Nested marks repeat their segment; keep the innermost of each.
  return marks
    .filter((m) => !DomUtils.findOne((e) => e.name === "mark", m.children))
    .map((m) => DomUtils.textContent(m))
    .join("");
}

const analysisWithPolicy: Analysis = {
  ...SAMPLE_ANALYSIS,
  flags: [
    ...SAMPLE_ANALYSIS.flags,
    ...evaluatePolicy(SAMPLE_ANALYSIS, parsePolicy({ maxBreachNotice: "48 hours" }), "fr"),
  ],
};

describe("renderHtmlReport", () => {
  const html = renderHtmlReport(analysisWithPolicy, SAMPLE_TEXT, { lang: "fr", fileName: "accord <1>.txt" });
  const doc = parseDocument(html);

  it("is one standalone French page with no external asset", () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).not.toMatch(/<link\b|\bsrc=|url\(|https?:\/\//);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("<h1>Analyse d&#39;un contrat de sous-traitance (RGPD art. 28)</h1>");
  });

  it("escapes the text and the file name", () => {
    expect(html).toContain("à ses frais &lt;sauf&gt; demande");
    expect(html).toContain("services &amp; produits");
    expect(html).toContain("accord &lt;1&gt;.txt");
    expect(html).not.toContain("<sauf>");
  });

  it("links every finding to a highlighted quote that exists in the page", () => {
    const anchors = links(doc).filter((href) => href.startsWith("#"));
    // 3 terms, 4 checklist quotes, 2 flags with quotes, 1 policy result.
    expect(anchors).toHaveLength(10);
    for (const href of anchors) {
      const id = href.slice(1);
      const target = DomUtils.findOne((e) => e.attribs.id === id, doc.children);
      expect(target?.name, href).toBe("mark");
    }
  });

  it("points each period at the sentence that sets it", () => {
    const row = DomUtils.findOne(
      (e) => e.attribs.id === "term-breach_notification_to_controller",
      doc.children,
    );
    expect(row).not.toBeNull();
    const href = DomUtils.findOne((e) => e.name === "a", row?.children ?? [])?.attribs.href ?? "";
    expect(quoteText(doc, href.slice(1))).toBe(BREACH_SENTENCE);
    expect(textOf(doc, href.slice(1))).toBe(BREACH_SENTENCE);
  });

  it("highlights a sentence cited by several findings once, under one id", () => {
    const marks = DomUtils.findAll((e) => e.name === "mark" && e.attribs.id !== undefined, doc.children);
    const ids = marks.map((m) => m.attribs.id);
    expect(new Set(ids).size).toBe(ids.length);
    const deletion = marks.filter((m) => DomUtils.textContent(m) === DELETION_SENTENCE);
    expect(deletion).toHaveLength(1);
    expect(deletion[0]?.attribs.title).toContain("Suppression ou restitution des données en fin de contrat");
  });

  it("numbers the quotes in the order of the text", () => {
    const ids = DomUtils.findAll((e) => e.name === "mark" && e.attribs.id !== undefined, doc.children).map(
      (m) => m.attribs.id,
    );
    expect(ids).toEqual(ids.map((_, i) => `q-${i + 1}`));
  });

  it("shows the policy results and the flags by severity", () => {
    expect(html).toContain("Gravité élevée (2)");
    expect(html).toContain("policy_max_breach_notice");
    expect(html).toContain(
      'Politique du responsable de traitement <span class="count">(1 conforme · 0 non conforme)</span>',
    );
  });

  it("shows a quote it cannot find in the text beside its finding, unlinked", () => {
    const lost: Analysis = {
      ...SAMPLE_ANALYSIS,
      flags: [
        {
          id: "audit_restricted",
          severity: "medium",
          message: "Audits limités.",
          quote: "Une phrase absente.",
        },
      ],
    };
    const page = renderHtmlReport(lost, SAMPLE_TEXT, { lang: "en" });
    expect(page).toContain(
      'Une phrase absente. <span class="absent">(quote not found in the extracted text)</span>',
    );
    expect(page).toContain('<html lang="en">');
  });

  it("finds a quote whose white space differs from the text", () => {
    const spaced: Analysis = {
      ...SAMPLE_ANALYSIS,
      terms: {},
      checklist: [],
      flags: [
        { id: "x", severity: "low", message: "m", quote: "Article 4 — Fin du contrat Au terme du contrat," },
      ],
    };
    const page = parseDocument(renderHtmlReport(spaced, SAMPLE_TEXT, { lang: "fr" }));
    expect(textOf(page, "q-1")).toBe("Article 4 — Fin du contrat\nAu terme du contrat,");
  });

  it("nests overlapping quotes so each keeps its own anchor and its whole text", () => {
    const text = "Un deux trois quatre cinq.";
    const overlapping: Analysis = {
      ...SAMPLE_ANALYSIS,
      terms: {},
      checklist: [
        { id: "28.3.b", status: "present", quotes: ["Un deux trois", "deux trois quatre", "Un deux"] },
      ],
      flags: [],
    };
    const page = parseDocument(renderHtmlReport(overlapping, text, { lang: "fr" }));
    expect(quoteText(page, "q-1")).toBe("Un deux trois");
    expect(quoteText(page, "q-2")).toBe("Un deux");
    expect(quoteText(page, "q-3")).toBe("deux trois quatre");
    expect(
      DomUtils.textContent(DomUtils.findOne((e) => e.attribs.class === "text", page.children) ?? page),
    ).toBe(text);
  });
});

describe("renderHtmlReport on hostile input", () => {
  it("keeps any text, name or message inert and every link resolvable", () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '"><script>alert(1)</script>',
        "</mark><img src=x onerror=alert(1)>",
        "&amp;<!--",
        "q-1",
      ),
    );
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 6 }), hostile, (pieces, name) => {
        const text = pieces.join(" ");
        const quote = pieces[0] as string;
        const analysis: Analysis = {
          ...SAMPLE_ANALYSIS,
          parties: { processor: name, controller: null },
          terms: {},
          subprocessors: [{ name, activity: name, location: null }],
          checklist: [{ id: name, status: "partial", quotes: [quote, name] }],
          flags: [{ id: name, severity: "high", message: name, quote }],
        };
        const doc = parseDocument(renderHtmlReport(analysis, text, { lang: "fr", fileName: name }));
        const scripts = DomUtils.findAll((e) => e.name === "script", doc.children);
        const images = DomUtils.findAll((e) => e.name === "img", doc.children);
        const textBox = DomUtils.findOne((e) => e.attribs.class === "text", doc.children);
        const targets = links(doc).filter((href) => href.startsWith("#"));
        return (
          scripts.length === 1 &&
          images.length === 0 &&
          (text === "" || DomUtils.textContent(textBox ?? doc) === text) &&
          targets.every((href) => textOf(doc, href.slice(1)) !== null)
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and attributes", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
