// The analyzer on the real agreements kept in ../shared/seeds (issue 3, item 9). They are read at test
// time and never copied into the project; without them these tests are skipped and say so.

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Analysis } from "../src/analyzer/analysis.js";
import { analyzeFile } from "../src/analyzer/analyze-file.js";

const SEEDS = fileURLToPath(new URL("../../shared/seeds/", import.meta.url));
const present = existsSync(SEEDS);
if (!present) console.warn(`analyzer seed tests skipped: ${SEEDS} is absent`);

function flagIds(analysis: Analysis): string[] {
  return analysis.flags.map((flag) => flag.id);
}

describe.skipIf(!present)(
  `the analyzer on the shared seeds (${present ? "found" : "skipped: no ../shared/seeds"})`,
  () => {
    describe("000, a Belgian school-software DPA extracted from PDF", () => {
      let analysis: Analysis;
      let text: string;
      beforeAll(async () => {
        const result = await analyzeFile(`${SEEDS}000_6402acc2ce0e7c0f.txt`);
        analysis = result.analysis;
        text = result.extracted.text;
      });

      it("reads a French processor agreement under Belgian law, with Scolares as processor", () => {
        expect(analysis.language).toBe("fr");
        expect(analysis.kind).toBe("dpa");
        expect(analysis.parties.processor).toContain("Scolares");
        expect(analysis.governingLaw).toBe("BE");
      });

      it("finds a breach notice without undue delay and no number of hours", () => {
        const breach = analysis.terms.breach_notification_to_controller;
        expect(breach?.amount).toBeNull();
        expect(breach?.qualifier).toBe("without_undue_delay");
      });

      it("finds the sub-processor rules: general authorisation, 14 days to object, silence accepted", () => {
        expect(analysis.terms.subprocessor_objection_period).toMatchObject({ amount: 14, unit: "days" });
        expect(analysis.subprocessorAuthorization).toBe("general");
        expect(analysis.objectionSilence).toBe("accepted");
      });

      it("finds deletion, audit and confidentiality terms", () => {
        expect(analysis.terms.deletion_after_termination).toMatchObject({ amount: 30, unit: "days" });
        expect(analysis.terms.audit_notice).toMatchObject({ amount: 15, unit: "working_days" });
        expect(analysis.auditFrequencyPerYear?.max).toBe(1);
        expect(analysis.terms.confidentiality_survival).toMatchObject({ amount: 24, unit: "months" });
      });

      it("lists exactly the nine sub-processors of its annex", () => {
        expect(analysis.subprocessors.map((s) => s.name)).toEqual([
          "Microsoft Azure",
          "CM Telecom",
          "Allocloud",
          "Odoo",
          "Sendgrid",
          "WaveNet",
          "Abelaro",
          "AII4IS",
          "Degetel",
        ]);
      });

      it("flags the unquantified breach notice, the missing transfers clause and silence as acceptance", () => {
        expect(flagIds(analysis)).toEqual(
          expect.arrayContaining([
            "breach_notice_unquantified",
            "transfers_clause_missing",
            "silence_deemed_acceptance",
          ]),
        );
      });

      it("quotes each term with the sentence found at its offset", () => {
        for (const term of Object.values(analysis.terms)) {
          expect(text.slice(term.offset, term.offset + term.quote.length)).toBe(term.quote);
        }
      });
    });

    describe("001, an exam-platform DPA in Markdown with Mac-Roman mojibake", () => {
      let analysis: Analysis;
      beforeAll(async () => {
        analysis = (await analyzeFile(`${SEEDS}001_20382ad8798bda81.txt`)).analysis;
      });

      it("repairs the encoding and reads a DPA under French law", () => {
        expect(analysis.encodingRepaired).toBe(true);
        expect(analysis.kind).toBe("dpa");
        expect(analysis.governingLaw).toBe("FR");
      });

      it("tells the processor's 24 hours from the controller's 72 hours", () => {
        expect(analysis.terms.breach_notification_to_controller).toMatchObject({ amount: 24, unit: "hours" });
        expect(analysis.terms.breach_notification_to_authority).toMatchObject({ amount: 72, unit: "hours" });
      });

      it("finds request assistance, sub-processor, deletion, audit and termination terms", () => {
        expect(analysis.terms.dsr_assistance).toMatchObject({ amount: 10, unit: "working_days" });
        expect(analysis.terms.subprocessor_objection_period).toMatchObject({ amount: 30, unit: "days" });
        expect(analysis.subprocessorAuthorization).toBe("specific");
        expect(analysis.objectionSilence).toBe("refused");
        expect(analysis.terms.deletion_after_termination).toMatchObject({ amount: 30, unit: "days" });
        expect(analysis.terms.audit_notice).toMatchObject({ amount: 30, unit: "days" });
        expect(analysis.auditFrequencyPerYear?.min).toBe(1);
        expect(analysis.terms.corrective_action_plan).toMatchObject({ amount: 30, unit: "days" });
        expect(analysis.terms.termination_notice).toMatchObject({ amount: 3, unit: "months" });
        expect(analysis.terms.annex_update_notice).toMatchObject({ amount: 30, unit: "days" });
        expect(analysis.transfersOutsideEEA).toBe("with_authorization");
      });

      it("raises neither an unquantified breach notice nor a missing transfers clause", () => {
        expect(flagIds(analysis)).not.toContain("breach_notice_unquantified");
        expect(flagIds(analysis)).not.toContain("transfers_clause_missing");
      });
    });

    describe("002, the Ministry's ENT contracting kit", () => {
      let analysis: Analysis;
      beforeAll(async () => {
        analysis = (await analyzeFile(`${SEEDS}002_76f2b8ca78f0c610.txt`)).analysis;
      });

      it("reads a kit of joint-controller conventions and a processor clause", () => {
        expect(["contracting_kit", "joint_controller_agreement"]).toContain(analysis.kind);
      });

      it("takes the processor clause's delays, not those the joint controllers owe each other", () => {
        expect(analysis.terms.breach_notification_to_controller).toMatchObject({ amount: 48, unit: "hours" });
        expect(analysis.terms.dsr_forwarding_to_controller).toMatchObject({
          amount: 3,
          unit: "working_days",
        });
        expect(analysis.terms.incident_alert_between_controllers).toMatchObject({
          amount: 48,
          unit: "hours",
        });
      });

      it("tells deletion at the end from deletion on request", () => {
        expect(analysis.terms.deletion_after_termination).toMatchObject({ amount: 15, unit: "days" });
        expect(analysis.terms.data_deletion_on_request).toMatchObject({ amount: 15, unit: "days" });
      });

      it("reads transfers outside the EU as needing the controller's authorisation", () => {
        expect(analysis.transfersOutsideEEA).toBe("with_authorization");
      });

      describe("the allocation of duties among joint controllers (GDPR Art. 26)", () => {
        const held = (model: string, duty: string) =>
          (analysis.jointControl?.allocation ?? [])
            .filter(
              (e) => e.duty === duty && new RegExp(`^Mod[eè]le (?:n°)?${model}\\b`).test(e.convention ?? ""),
            )
            .map((e) => `${e.holder}/${e.perimeter}`);

        it("model 1: the académie is the contact point, notifies the CNIL and tells the people; the collectivité alerts it", () => {
          expect(held("1", "contact_point")).toEqual(["academie/any"]);
          expect(held("1", "notify_authority")).toEqual(["academie/any"]);
          expect(held("1", "inform_people_of_breach")).toEqual(["academie/any"]);
          expect(held("1", "alert_controllers")).toEqual(["collectivite/any", "academie/any"]);
          expect(held("1", "answer_requests")).toContain("academie/any");
        });

        it("model 2: the school notifies what touches it alone, the académie what touches several; the school is the contact point", () => {
          expect(held("2", "notify_authority").sort()).toEqual([
            "academie/several_schools",
            "school/one_school",
          ]);
          expect(held("2", "inform_people_of_breach").sort()).toEqual([
            "academie/several_schools",
            "school/one_school",
          ]);
          expect(held("2", "contact_point")).toEqual(["school/any"]);
          expect(held("2", "answer_requests")).toEqual([
            "collectivite/own_share",
            "school/one_school",
            "academie/several_schools",
          ]);
          expect(held("2", "inform_people")).toEqual(["school/any"]);
          expect(held("2", "publish_essence")).toEqual(["school/any"]);
          expect(held("2", "alert_controllers")).toEqual(["collectivite/any", "academie/any", "school/any"]);
        });

        it("model 3: the académie is the contact point and notifies breaches across schools; the parties inform people together", () => {
          expect(held("3", "contact_point")).toEqual(["academie/any"]);
          expect(held("3", "notify_authority")).toContain("academie/several_schools");
          expect(held("3", "notify_authority")).toContain("school/one_school");
          expect(held("3", "inform_people")).toEqual(["each_party/any"]);
          expect(held("3", "publish_essence")).toEqual(["each_party/any"]);
        });

        it("the processor clause (model 4) allocates nothing", () => {
          expect(held("4", "notify_authority")).toEqual([]);
        });
      });
    });
  },
);
