import { describe, expect, it } from "vitest";
import { checkAllocation, holderOf, perimeterOf, presetAllocation, withEntry } from "./joint-allocation.js";

const parties = [
  { organisationId: "aca", type: "academie" as const },
  { organisationId: "reg", type: "collectivite" as const },
  { organisationId: "lyc", type: "lycee" as const },
];
const controllers = ["aca", "reg", "lyc"];

describe("the ENT kit's allocation of joint-controller duties", () => {
  it("model 2 gives a breach touching one lycée that is a party to the lycée, and one touching two schools to the académie", () => {
    const allocation = presetAllocation(2, parties);
    const one = holderOf(allocation, "notify_authority", {
      perimeter: "one_school",
      school: "lyc",
      controllers,
    });
    const several = holderOf(allocation, "notify_authority", { perimeter: "several_schools", controllers });
    expect(one?.holders).toEqual(["lyc"]);
    expect(several?.holders).toEqual(["aca"]);
    expect(several?.entry.basis.fr).toContain("plusieurs établissements");
  });

  it("model 2 makes its school party the contact point, and each party alert the others", () => {
    const allocation = presetAllocation(2, parties);
    expect(
      holderOf(allocation, "contact_point", { perimeter: "one_school", school: "lyc", controllers })?.holders,
    ).toEqual(["lyc"]);
    expect(
      holderOf(allocation, "alert_controllers", { perimeter: "one_school", school: "lyc", controllers })
        ?.holders,
    ).toEqual(controllers);
  });

  it("a school touched that is no party (an école) leaves the duty with the académie", () => {
    const allocation = presetAllocation(3, parties);
    const ecole = holderOf(allocation, "notify_authority", {
      perimeter: "one_school",
      school: "eco",
      controllers,
    });
    expect(ecole?.holders).toEqual(["aca"]);
  });

  it("model 1 gives every breach to the académie and the alert to the collectivité", () => {
    const allocation = presetAllocation(1, parties.slice(0, 2));
    expect(
      holderOf(allocation, "notify_authority", {
        perimeter: "one_school",
        school: "eco",
        controllers: ["aca", "reg"],
      })?.holders,
    ).toEqual(["aca"]);
    expect(
      holderOf(allocation, "alert_controllers", { perimeter: "several_schools", controllers: ["aca", "reg"] })
        ?.holders,
    ).toEqual(["reg"]);
  });

  it("the whole territory reads as several schools where the convention says nothing of it", () => {
    const allocation = presetAllocation(3, parties);
    expect(
      holderOf(allocation, "inform_people_of_breach", { perimeter: "territory", controllers })?.holders,
    ).toEqual(["aca"]);
  });

  it("a preset needs an académie and a collectivité among the parties", () => {
    expect(() => presetAllocation(2, [parties[2] as (typeof parties)[number]])).toThrow(/académie/);
  });

  it("an edit replaces the entry for its duty and perimeter only", () => {
    const allocation = withEntry(presetAllocation(2, parties), {
      duty: "notify_authority",
      perimeter: "several_schools",
      holder: { kind: "party", organisationId: "reg" },
      basis: { fr: "avenant", en: "amendment" },
    });
    expect(
      holderOf(allocation, "notify_authority", { perimeter: "several_schools", controllers })?.holders,
    ).toEqual(["reg"]);
    expect(
      holderOf(allocation, "notify_authority", { perimeter: "one_school", school: "lyc", controllers })
        ?.holders,
    ).toEqual(["lyc"]);
  });

  it("refuses a holder that is not a party", () => {
    expect(() =>
      checkAllocation(
        [
          {
            duty: "contact_point",
            perimeter: "any",
            holder: { kind: "party", organisationId: "x" },
            basis: { fr: "", en: "" },
          },
        ],
        controllers,
      ),
    ).toThrow(/not a party|n'est pas partie/);
  });

  it("counts the perimeter from the schools touched", () => {
    expect(perimeterOf(1)).toBe("one_school");
    expect(perimeterOf(2)).toBe("several_schools");
    expect(perimeterOf(2, true)).toBe("territory");
    expect(() => perimeterOf(0)).toThrow();
  });
});
