// Records shared by several organisations are seen by each as far as they concern it; roles and auditors' dates hold.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changeAgreementStatus } from "../../src/app/agreements/change-agreement-status.js";
import { createAgreement } from "../../src/app/agreements/create-agreement.js";
import { listAgreements } from "../../src/app/agreements/list-agreements.js";
import { showAgreement } from "../../src/app/agreements/show-agreement.js";
import { listBreaches } from "../../src/app/breaches/list-breaches.js";
import { recordBreach } from "../../src/app/breaches/record-breach.js";
import { showBreach } from "../../src/app/breaches/show-breach.js";
import { listDueObligations } from "../../src/app/obligations/list-due-obligations.js";
import { createOrganisation } from "../../src/app/organisations/create-organisation.js";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { localOperator, type Principal, type Role } from "../../src/domain/principal.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "../register/databases.js";

const operator = localOperator("test:operator", "t-shared");
const SETUP = Date.parse("2026-03-02T09:00:00+01:00");
const NOW = Date.parse("2026-03-04T10:00:00+01:00");
const DAY = 86_400_000;

function member(organisation: string, role: Role): Principal {
  return {
    id: `user:${organisation}-${role}`,
    tenant: operator.tenant,
    grants: [{ kind: "organisation", organisation, role }],
  };
}

describe.each(ENGINES)("shared records on %s", (engine) => {
  let database: TestDatabase;
  let register: Register;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    register = await openRegister({ env: { DATABASE_URL: database.url } });
  });
  afterEach(async () => {
    await register.close();
    await database.drop();
  });

  async function world() {
    const org = (name: string, type: "editeur" | "college", role: "processor" | "controller") =>
      createOrganisation({ register, principal: operator, input: { name, type, roles: [role] }, now: SETUP });
    const vendor = await org("Éditeur Vigie", "editeur", "processor");
    const schools = [
      await org("Collège des Aulnes", "college", "controller"),
      await org("Collège des Buis", "college", "controller"),
    ];
    const agreements = [];
    for (const school of schools) {
      agreements.push(
        await createAgreement({
          register,
          principal: operator,
          input: {
            kind: "dpa",
            title: `Vie scolaire — ${school.name}`,
            parties: [
              { organisationId: school.id, role: "controller" },
              { organisationId: vendor.id, role: "processor" },
            ],
            effectiveOn: "2025-09-01",
            status: "active",
            terms: { durations: { breach_notification_to_controller: { amount: 24, unit: "hours" } } },
          },
          now: SETUP,
        }),
      );
    }
    const { breach } = await recordBreach({
      register,
      principal: operator,
      input: {
        processor: vendor.name,
        details: {
          natures: ["confidentiality"],
          discoveredAt: "2026-03-03T15:10:00+01:00",
          awareAt: "2026-03-03T16:40:00+01:00",
          description: "Export des absences laissé lisible",
          dataCategories: ["identité"],
        },
      },
      now: NOW,
    });
    return { vendor, schools, agreements, breach };
  }

  it("shows a vendor's breach to each school with its own agreement and duty only, and all of it to the vendor", async () => {
    const { vendor, schools, agreements, breach } = await world();
    const [aulnes, buis] = schools as [(typeof schools)[0], (typeof schools)[0]];
    const seenByAulnes = await showBreach({
      register,
      principal: member(aulnes.id, "viewer"),
      input: { breach: breach.id },
    });
    expect(seenByAulnes.notifications.map((n) => n.agreementId)).toEqual([agreements[0]?.id]);
    expect(JSON.stringify(seenByAulnes)).not.toContain(buis.id);
    const seenByVendor = await showBreach({
      register,
      principal: member(vendor.id, "viewer"),
      input: { breach: breach.id },
    });
    expect(seenByVendor.notifications).toHaveLength(2);
    const dutiesOfBuis = await listDueObligations({
      register,
      principal: member(buis.id, "viewer"),
      input: {},
      now: NOW,
    });
    expect(dutiesOfBuis.map((o) => o.counterparty?.id)).toEqual([buis.id]);
    expect(await listBreaches({ register, principal: member(buis.id, "viewer"), input: {} })).toHaveLength(1);
  });

  it("lets a viewer read its agreement but not change it, which it is told is forbidden", async () => {
    const { schools, agreements } = await world();
    const viewer = member((schools[0] as { id: string }).id, "viewer");
    const id = (agreements[0] as { id: string }).id;
    expect((await showAgreement({ register, principal: viewer, input: { id } })).agreement.id).toBe(id);
    await expect(
      changeAgreementStatus({ register, principal: viewer, input: { id, to: "terminated" }, now: NOW }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const editor = member((schools[0] as { id: string }).id, "editor");
    await expect(
      changeAgreementStatus({
        register,
        principal: editor,
        input: { id, to: "terminated", endsOn: "2026-06-30" },
        now: NOW,
      }),
    ).resolves.toMatchObject({ status: "terminated" });
  });

  it("lets an auditor read one agreement until its grant's end, and nothing else", async () => {
    const { agreements } = await world();
    const id = (agreements[0] as { id: string }).id;
    const auditor: Principal = {
      id: "user:auditor",
      tenant: operator.tenant,
      grants: [{ kind: "agreement", agreement: id, until: NOW + 30 * DAY }],
    };
    expect(
      (await listAgreements({ register, principal: auditor, input: {}, now: NOW })).map((a) => a.id),
    ).toEqual([id]);
    await expect(
      changeAgreementStatus({ register, principal: auditor, input: { id, to: "terminated" }, now: NOW }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      showAgreement({
        register,
        principal: auditor,
        input: { id: (agreements[1] as { id: string }).id },
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    // Reads take their clock from the caller; past the grant's end the agreement is gone for the auditor.
    const later = await listAgreements({ register, principal: auditor, input: {}, now: NOW + 31 * DAY });
    expect(later).toEqual([]);
  });
});
