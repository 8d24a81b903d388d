import { describe, expect, it } from "vitest";
import type { AgreementClock } from "./agreement-clock.js";
import { calendarFor } from "./calendar.js";
import { formatInstant } from "./instant.js";
import {
  answerContestedInstruction,
  contestInstruction,
  isBinding,
  recordInstruction,
} from "./instruction.js";

const at = (iso: string) => Date.parse(iso);

const agreement: AgreementClock = {
  agreementId: "dpa",
  controllerId: "college",
  processorId: "vendor",
  terms: { durations: {} },
  calendar: calendarFor("FR"),
};

const instruction = recordInstruction({
  id: "i1",
  agreementId: "dpa",
  controllerId: "college",
  processorId: "vendor",
  givenAt: at("2026-05-04T09:00:00+02:00"),
  channel: "email",
  text: "Send the pupils' marks to the parents' association",
});

describe("a documented instruction (Art. 28(3)(a))", () => {
  it("binds the processor once recorded", () => {
    expect(isBinding(instruction)).toBe(true);
  });

  it("cannot be empty", () => {
    expect(() => recordInstruction({ ...instruction, text: "  " })).toThrowError(/content/);
  });
});

describe("an instruction the processor contests as infringing", () => {
  const contested = contestInstruction(
    instruction,
    {
      at: at("2026-05-07T10:15:00+02:00"),
      grounds: "No legal basis for disclosure to a third party (Art. 6)",
    },
    agreement,
  );

  it("is suspended and no longer binds", () => {
    expect(contested.instruction.status).toBe("suspended");
    expect(isBinding(contested.instruction)).toBe(false);
  });

  it("opens the controller's answer, due without undue delay (48 hours by default)", () => {
    expect(contested.answerDuty.holderId).toBe("college");
    expect(formatInstant(contested.answerDuty.due, "Europe/Paris")).toBe("2026-05-09T11:00:00+02:00");
    expect(contested.answerDuty.basis).toMatchObject({
      kind: "interpreted_statute",
      qualifier: "without_undue_delay",
    });
  });

  it("needs its grounds, and cannot be contested twice", () => {
    expect(() =>
      contestInstruction(instruction, { at: at("2026-05-07T10:15:00+02:00"), grounds: "" }, agreement),
    ).toThrowError(/infringed/);
    expect(() =>
      contestInstruction(
        contested.instruction,
        { at: at("2026-05-08T10:00:00+02:00"), grounds: "again" },
        agreement,
      ),
    ).toThrowError(expect.objectContaining({ code: "conflict" }));
  });

  it("ends when the controller withdraws it", () => {
    const answered = answerContestedInstruction(contested.instruction, {
      at: at("2026-05-08T10:00:00+02:00"),
      decision: "withdraw",
      reasons: "",
    });
    expect(answered.status).toBe("withdrawn");
  });

  it("binds again in its amended form", () => {
    const answered = answerContestedInstruction(contested.instruction, {
      at: at("2026-05-08T10:00:00+02:00"),
      decision: "amend",
      reasons: "limit to anonymous statistics",
      newText: "Send anonymous class averages to the parents' association",
    });
    expect(isBinding(answered)).toBe(true);
    expect(answered.text).toMatch(/anonymous/);
  });

  it("stays out of force when maintained, and maintaining it needs reasons", () => {
    expect(() =>
      answerContestedInstruction(contested.instruction, {
        at: at("2026-05-08T10:00:00+02:00"),
        decision: "maintain",
        reasons: "",
      }),
    ).toThrowError(/reasons/);
    const maintained = answerContestedInstruction(contested.instruction, {
      at: at("2026-05-08T10:00:00+02:00"),
      decision: "maintain",
      reasons: "the association is a recipient under our rules",
    });
    expect(maintained.status).toBe("maintained");
    expect(isBinding(maintained)).toBe(false);
  });
});
