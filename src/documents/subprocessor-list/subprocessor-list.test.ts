import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import type { PublicSubprocessorList } from "./public-subprocessor-list.js";
import { renderSubprocessorListAtom } from "./render-atom.js";
import { renderSubprocessorListHtml } from "./render-html.js";
import { renderSubprocessorListJson } from "./render-json.js";

const list: PublicSubprocessorList = {
  processor: { id: "p1", name: "Cahier & Cie", contact: "dpo@cahier.example" },
  pageUrl: "https://art28.example/public/processors/p1/subprocessors",
  updatedAt: Date.parse("2026-09-01T08:00:00Z"),
  subprocessors: [
    {
      name: "Nuage <Hébergement>",
      activity: "hébergement",
      location: "FR",
      transferMechanism: "none",
      since: Date.parse("2025-09-01T00:00:00Z"),
    },
    {
      name: "Courriel SAS",
      activity: "envoi des courriels",
      location: "US",
      transferMechanism: "standard_contractual_clauses",
      since: null,
    },
  ],
  changes: [
    {
      id: "c2",
      kind: "replacement",
      name: "Courriel SAS",
      replaces: "Poste Rapide",
      activity: "envoi des courriels",
      location: "US",
      announcedAt: Date.parse("2026-08-15T09:00:00Z"),
    },
  ],
};

function wellFormedXml(xml: string): boolean {
  const open: string[] = [];
  let balanced = true;
  const parser = new Parser(
    {
      onopentag: (name) => open.push(name),
      onclosetag: (name) => {
        if (open.pop() !== name) balanced = false;
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  return balanced && open.length === 0;
}

describe("the public sub-processor list", () => {
  it("shows every sub-processor in French with country names and transfer safeguards, escaped", () => {
    const html = renderSubprocessorListHtml(list, "fr");
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Sous-traitants ultérieurs de Cahier &amp; Cie");
    expect(html).toContain("Nuage &lt;Hébergement&gt;");
    expect(html).not.toContain("<Hébergement>");
    expect(html).toContain("<td>États-Unis</td>");
    expect(html).toContain("Clauses contractuelles types (art. 46)");
    expect(html).toContain("Courriel SAS remplace Poste Rapide");
    expect(html).toContain('href="https://art28.example/public/processors/p1/subprocessors.atom"');
  });

  it("speaks English when asked", () => {
    const html = renderSubprocessorListHtml(list, "en");
    expect(html).toContain("Sub-processors of Cahier &amp; Cie");
    expect(html).toContain("<td>United States</td>");
    expect(html).toContain("Updated: ");
  });

  it("says so when no sub-processor is declared", () => {
    expect(renderSubprocessorListHtml({ ...list, subprocessors: [], changes: [] }, "fr")).toContain(
      "Aucun sous-traitant ultérieur déclaré.",
    );
  });

  it("publishes the same list as versioned JSON with ISO instants", () => {
    const data = JSON.parse(renderSubprocessorListJson(list));
    expect(data.schema).toBe("art28.subprocessors/1");
    expect(data.subprocessors[0]).toMatchObject({
      name: "Nuage <Hébergement>",
      since: "2025-09-01T00:00:00.000Z",
    });
    expect(data.changes[0].announcedAt).toBe("2026-08-15T09:00:00.000Z");
  });

  it("publishes each change as an entry of a well-formed Atom feed", () => {
    const atom = renderSubprocessorListAtom(list, "fr");
    expect(atom).toContain('xmlns="http://www.w3.org/2005/Atom"');
    expect(atom).toContain("<id>https://art28.example/public/processors/p1/subprocessors#change-c2</id>");
    expect(atom).toContain("Courriel SAS remplace Poste Rapide");
    expect(atom).toContain("Cahier &amp; Cie");
    expect(wellFormedXml(atom)).toBe(true);
  });
});
