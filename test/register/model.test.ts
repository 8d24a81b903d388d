// The register's model: identifiers are checked, organisations normalised, agreements move only along their machine.

import { describe, expect, it } from "vitest";
import {
  type Agreement,
  checkParties,
  EMPTY_PROCESSING,
  transitionAgreement,
} from "../../src/domain/agreement.js";
import { epochDayFromIso } from "../../src/domain/epoch-day.js";
import { isValidBce, isValidSiren, isValidSiret, isValidUai } from "../../src/domain/identifiers.js";
import { statusAt } from "../../src/domain/obligation-record.js";
import { buildOrganisation, organisationNameKey } from "../../src/domain/organisation.js";

describe("official identifiers", () => {
  it("accept a UAI whose letter is its number modulo 23, and refuse a wrong letter or shape", () => {
    expect(isValidUai("0750655E")).toBe(true);
    expect(isValidUai("0691234S")).toBe(true);
    expect(isValidUai("0750655F")).toBe(false);
    expect(isValidUai("750655E")).toBe(false);
  });

  it("check SIREN and SIRET with Luhn, and a Belgian enterprise number with mod 97", () => {
    expect(isValidSiren("200053767")).toBe(true);
    expect(isValidSiren("200053768")).toBe(false);
    expect(isValidSiret("20005376700014")).toBe(true);
    expect(isValidSiret("20005376700015")).toBe(false);
    expect(isValidBce("0876543270")).toBe(true);
    expect(isValidBce("0876.543.270")).toBe(true);
    expect(isValidBce("0876543271")).toBe(false);
    expect(isValidBce("2876543270")).toBe(false);
  });
});

describe("an organisation", () => {
  const ids = { id: "o1", tenant: "t", now: 0 };

  it("takes its calendar from its country unless told, and validates its identifiers", () => {
    expect(buildOrganisation({ name: "PO Saint-Michel", country: "be" }, ids).calendar).toBe("BE");
    expect(buildOrganisation({ name: "Collège", calendar: "FR-57" }, ids).calendar).toBe("FR-ALSACE-MOSELLE");
    expect(() => buildOrganisation({ name: "Lycée", identifiers: { uai: "0750655F" } }, ids)).toThrow(/UAI/);
    expect(buildOrganisation({ name: "Lycée", identifiers: { uai: "0750655e" } }, ids).identifiers.uai).toBe(
      "0750655E",
    );
  });

  it("is named uniquely whatever the case, accents and spacing", () => {
    expect(organisationNameKey("  Lycée  Marie-Curie ")).toBe(organisationNameKey("LYCEE marie-curie"));
  });
});

describe("an agreement's status", () => {
  const base: Agreement = {
    id: "a1",
    tenant: "t",
    kind: "dpa",
    title: "DPA",
    status: "draft",
    parties: [
      { organisationId: "c", role: "controller" },
      { organisationId: "p", role: "processor" },
    ],
    effectiveOn: null,
    endsOn: null,
    terms: { durations: {} },
    provenance: {},
    processing: EMPTY_PROCESSING,
    securityMeasures: [],
    subprocessors: [],
    source: null,
    version: 1,
    createdAt: 0,
    updatedAt: 0,
  };

  it("becomes active only with an effective date, then terminated only with an end date, then closed", () => {
    expect(() => transitionAgreement(base, { to: "active", now: 1 })).toThrow(/effective|effet/);
    const active = transitionAgreement(base, {
      to: "active",
      now: 1,
      effectiveOn: epochDayFromIso("2026-01-01"),
    });
    expect(active.status).toBe("active");
    expect(() => transitionAgreement(active, { to: "terminated", now: 2 })).toThrow(/end date|fin/);
    expect(() =>
      transitionAgreement(active, { to: "terminated", now: 2, endsOn: epochDayFromIso("2025-12-31") }),
    ).toThrow(/precedes|précède/);
    const ended = transitionAgreement(active, {
      to: "terminated",
      now: 2,
      endsOn: epochDayFromIso("2026-06-30"),
    });
    expect(transitionAgreement(ended, { to: "closed", now: 3 }).status).toBe("closed");
  });

  it("never jumps back or skips a step", () => {
    expect(() => transitionAgreement(base, { to: "terminated", now: 1 })).toThrow(/cannot become/);
    const active = transitionAgreement(base, { to: "active", now: 1, effectiveOn: 20_000 });
    expect(() => transitionAgreement(active, { to: "draft", now: 2 })).toThrow(/cannot become/);
  });

  it("needs the parties its kind requires", () => {
    expect(() => checkParties("dpa", [{ organisationId: "c", role: "controller" }])).toThrow(/processor/);
    expect(() =>
      checkParties("joint_controller", [{ organisationId: "a", role: "joint_controller" }]),
    ).toThrow();
    expect(() =>
      checkParties("dpa", [
        { organisationId: "x", role: "controller" },
        { organisationId: "x", role: "processor" },
      ]),
    ).toThrow(/both/);
  });
});

describe("an obligation's status", () => {
  it("reads late once its due instant has passed while still open", () => {
    expect(statusAt({ status: "open", due: 1000 }, 999)).toBe("open");
    expect(statusAt({ status: "open", due: 1000 }, 1000)).toBe("late");
    expect(statusAt({ status: "done", due: 1000 }, 5000)).toBe("done");
  });
});
