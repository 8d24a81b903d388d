import { describe, expect, it } from "vitest";
import { readTrigger } from "./term-trigger.js";

describe("the event a term's period runs from", () => {
  it.each([
    ["24 heures suivant la découverte", "discovery", "24 heures"],
    ["72 hours after discovery", "discovery", "72 hours"],
    ["48 heures à compter de la prise de connaissance", "awareness", "48 heures"],
    ["5 jours ouvrés à compter de la réception", "receipt", "5 jours ouvrés"],
    ["30 jours après la fin du contrat", "end_of_service", "30 jours"],
    ["30 days from the end of the service", "end_of_service", "30 days"],
    ["15 jours à compter de la notification", "notice", "15 jours"],
    ["24 hours discovery", "discovery", "24 hours"],
  ])("reads « %s » as %s, leaving « %s »", (text, trigger, rest) => {
    expect(readTrigger(text)).toEqual({ trigger, rest });
  });

  it("leaves a period that names no event as it is", () => {
    expect(readTrigger("sans délai")).toEqual({ trigger: undefined, rest: "sans délai" });
    expect(readTrigger("3 jours ouvrés")).toEqual({ trigger: undefined, rest: "3 jours ouvrés" });
  });
});
