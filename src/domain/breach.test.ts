import { describe, expect, it } from "vitest";
import {
  type Breach,
  type BreachDetails,
  missingNoticeItems,
  nextBreachNotice,
  parseBreachDetails,
} from "./breach.js";
import { Art28Error } from "./error.js";

const at = (iso: string) => Date.parse(iso);

const complete: BreachDetails = parseBreachDetails({
  natures: ["confidentiality"],
  discoveredAt: at("2026-05-07T08:00:00+02:00"),
  awareAt: at("2026-05-07T10:15:00+02:00"),
  description: "Export of a class list sent to the wrong address",
  dataCategories: ["identification", "marks"],
  approximatePeople: 28,
  approximateRecords: 28,
  likelyConsequences: "Marks seen by one other parent",
  measuresTaken: "Recipient asked to delete the message",
  contact: { name: "DPO Vendor", email: "dpo@vendor.example" },
});

function breachOf(details: BreachDetails): Breach {
  return { ...details, id: "b1", recordedBy: "vendor", side: "processor" };
}

describe("a breach report", () => {
  it("is refused when awareness is dated before discovery", () => {
    expect(() => parseBreachDetails({ ...complete, awareAt: at("2026-05-07T07:00:00+02:00") })).toThrowError(
      expect.objectContaining({ code: "invalid_input", details: { argument: "awareAt" } }),
    );
  });

  it("needs at least one nature among confidentiality, integrity and availability", () => {
    expect(() => parseBreachDetails({ ...complete, natures: [] })).toThrowError(Art28Error);
    expect(() => parseBreachDetails({ ...complete, natures: ["theft"] })).toThrowError(Art28Error);
  });

  it("may start with only a description and its instants, leaving the rest unknown", () => {
    const early = parseBreachDetails({
      natures: ["availability"],
      discoveredAt: at("2026-05-07T08:00:00+02:00"),
      awareAt: at("2026-05-07T08:00:00+02:00"),
      description: "Service down",
    });
    expect(missingNoticeItems(early)).toEqual(["nature_and_numbers", "contact", "consequences", "measures"]);
  });

  it("lacks nothing Art. 33(3) requires when every item is known", () => {
    expect(missingNoticeItems(complete)).toEqual([]);
  });
});

describe("notices in phases (GDPR Art. 33(4))", () => {
  const partial = parseBreachDetails({
    natures: ["confidentiality"],
    discoveredAt: complete.discoveredAt,
    awareAt: complete.awareAt,
    description: complete.description,
  });

  it("begins with an initial notice that says what is still missing", () => {
    const first = nextBreachNotice(breachOf(partial), [], at("2026-05-07T12:00:00+02:00"));
    expect(first.phase).toBe("initial");
    expect(first.sequence).toBe(1);
    expect(first.complete).toBe(false);
    expect(first.missing).toContain("contact");
  });

  it("continues with updates that carry only what changed, until complete", () => {
    const first = nextBreachNotice(breachOf(partial), [], at("2026-05-07T12:00:00+02:00"));
    const second = nextBreachNotice(breachOf(complete), [first], at("2026-05-08T09:00:00+02:00"));
    expect(second.phase).toBe("update");
    expect(second.sequence).toBe(2);
    expect(second.changed).toEqual(
      expect.arrayContaining(["dataCategories", "approximatePeople", "contact", "measuresTaken"]),
    );
    expect(second.changed).not.toContain("description");
    expect(second.complete).toBe(true);
  });

  it("refuses an update that says nothing new", () => {
    const first = nextBreachNotice(breachOf(complete), [], at("2026-05-07T12:00:00+02:00"));
    expect(() => nextBreachNotice(breachOf(complete), [first], at("2026-05-07T13:00:00+02:00"))).toThrowError(
      /no new information/,
    );
  });

  it("refuses an update dated before the notice it follows", () => {
    const first = nextBreachNotice(breachOf(partial), [], at("2026-05-07T12:00:00+02:00"));
    expect(() => nextBreachNotice(breachOf(complete), [first], at("2026-05-07T11:00:00+02:00"))).toThrowError(
      Art28Error,
    );
  });
});
