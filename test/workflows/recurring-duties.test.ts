// Recurring duties on each engine: set per agreement, each occurrence an obligation due n periods after the start in
// the holder's calendar, the next opened when one is closed, none after the duty stops or the agreement ends.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changeAgreementStatus } from "../../src/app/agreements/change-agreement-status.js";
import { closeObligation } from "../../src/app/obligations/close-obligation.js";
import { listRecurringDuties } from "../../src/app/obligations/list-recurring-duties.js";
import { scheduleRecurringDuty } from "../../src/app/obligations/schedule-recurring-duty.js";
import { stopRecurringDuty } from "../../src/app/obligations/stop-recurring-duty.js";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { reader } from "../../src/app/register/unit-of-work.js";
import { verifyJournal } from "../../src/app/register/verify-journal.js";
import { formatInstant } from "../../src/domain/instant.js";
import type { Organisation } from "../../src/domain/organisation.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "../register/databases.js";
import { addCustomer, addVendor, type Customer } from "./world.js";

const principal: Principal = localOperator("test:dpo", "t-recurring");
const SETUP = Date.parse("2026-03-02T09:00:00Z");
const paris = (instant: number) => formatInstant(instant, "Europe/Paris");

describe.each(ENGINES)("recurring duties on %s", (engine) => {
  let database: TestDatabase;
  let register: Register;
  let vendor: Organisation;
  let college: Customer;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    register = await openRegister({ env: { DATABASE_URL: database.url } });
    vendor = await addVendor(register, principal, SETUP);
    // In force since Monday 1 September 2025 (world.ts).
    college = await addCustomer(
      register,
      principal,
      SETUP,
      vendor,
      { name: "Collège Louise-Michel", calendar: "FR" },
      { durations: {} },
    );
  });
  afterEach(async () => {
    await register.close();
    await database.drop();
  });

  const quarterlyAccessReview = (now = SETUP) =>
    scheduleRecurringDuty({
      register,
      principal,
      input: { agreement: college.agreement.id, kind: "access_rights_review", every: "3 mois" },
      now,
    });

  async function openOccurrences(): Promise<{ id: string; due: number; occurrence: number }[]> {
    const due = await reader(register, principal).obligations.forAgreement(college.agreement.id);
    return due
      .filter((o) => o.status === "open" && o.basis.kind === "recurrence")
      .map((o) => ({
        id: o.id,
        due: o.due,
        occurrence: o.basis.kind === "recurrence" ? o.basis.occurrence : 0,
      }));
  }

  it("opens the first occurrence still to come, counted from the agreement's effect, held by the processor", async () => {
    const { duty, obligation } = await quarterlyAccessReview();
    expect(duty).toMatchObject({ holderId: vendor.id, counterpartyId: college.school.id, endedAt: null });
    // 1 September 2025 + 6 months = Sunday 1 March 2026, carried to Monday 2 March (Reg. 1182/71 Art. 3(4)):
    // still to come at 10:00 that Monday.
    expect(obligation).toMatchObject({ kind: "access_rights_review", holderId: vendor.id });
    expect(obligation.basis).toMatchObject({ kind: "recurrence", occurrence: 2 });
    expect(paris(obligation.due)).toBe("2026-03-03T00:00:00+01:00");
  });

  it("opens the next occurrence when one is closed, done early or waived, never the same one twice", async () => {
    const { obligation } = await quarterlyAccessReview();
    // Done three weeks early: the next is still the one after it, not a second copy of this one.
    await closeObligation({
      register,
      principal,
      input: { id: obligation.id, outcome: "done", note: "revue faite, 2 comptes retirés" },
      now: obligation.due - 21 * 86_400_000,
    });
    const [second, ...none] = await openOccurrences();
    expect(none).toEqual([]);
    expect(second?.occurrence).toBe(3);
    // 1 September 2025 + 9 months = Monday 1 June 2026.
    expect(paris(second?.due ?? 0)).toBe("2026-06-02T00:00:00+02:00");

    // Waived months late: the next is the first still to come, not every one missed meanwhile.
    await closeObligation({
      register,
      principal,
      input: { id: second?.id ?? "", outcome: "waived", note: "reportée à la rentrée" },
      now: Date.parse("2027-01-15T10:00:00Z"),
    });
    const [third] = await openOccurrences();
    expect(third?.occurrence).toBe(6);
    expect(paris(third?.due ?? 0)).toBe("2027-03-02T00:00:00+01:00");
    expect((await verifyJournal({ register, principal })).fault).toBeNull();
  });

  it("stops: its open occurrence is waived with the reason and none opens after", async () => {
    const { duty } = await quarterlyAccessReview();
    const stopped = await stopRecurringDuty({
      register,
      principal,
      input: { duty: duty.id.slice(0, 8), reason: "revue intégrée à l'audit annuel" },
      now: SETUP + 1000,
    });
    expect(stopped).toMatchObject({ waived: 1, duty: { endedAt: SETUP + 1000 } });
    expect(await openOccurrences()).toEqual([]);
    const [listed] = await listRecurringDuties({ register, principal, input: {} });
    expect(listed).toMatchObject({ id: duty.id, endedAt: SETUP + 1000, next: null });
    await expect(
      stopRecurringDuty({
        register,
        principal,
        input: { duty: duty.id, reason: "encore" },
        now: SETUP + 2000,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("opens nothing more once the agreement has ended", async () => {
    const { obligation } = await quarterlyAccessReview();
    await changeAgreementStatus({
      register,
      principal,
      input: { id: college.agreement.id, to: "terminated", endsOn: "2026-04-30" },
      now: SETUP + 1000,
    });
    await closeObligation({
      register,
      principal,
      input: { id: obligation.id, outcome: "done", note: "dernière revue" },
      now: SETUP + 2000,
    });
    expect(await openOccurrences()).toEqual([]);
    await expect(quarterlyAccessReview(SETUP + 3000)).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a period in days and a duty it does not know, naming the argument", async () => {
    for (const [input, argument] of [
      [{ kind: "access_rights_review", every: "10 jours" }, "every"],
      [{ kind: "coffee_break", every: "1 an" }, "kind"],
    ] as const) {
      await expect(
        scheduleRecurringDuty({
          register,
          principal,
          input: { agreement: college.agreement.id, ...input },
          now: SETUP,
        }),
      ).rejects.toMatchObject({ code: "invalid_input", details: { argument } });
    }
    expect(await listRecurringDuties({ register, principal, input: {} })).toEqual([]);
  });
});
