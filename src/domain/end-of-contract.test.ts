import { describe, expect, it } from "vitest";
import type { AgreementClock } from "./agreement-clock.js";
import { calendarFor } from "./calendar.js";
import {
  acknowledgeCertificate,
  type CertificateInput,
  endOfServiceDuties,
  issueCertificate,
  terminate,
} from "./end-of-contract.js";
import { formatInstant } from "./instant.js";
import type { AgreementTerms } from "./terms.js";

const at = (iso: string) => Date.parse(iso);
const local = (instant: number) => formatInstant(instant, "Europe/Paris");

function agreement(calendar: string, durations: AgreementTerms["durations"]): AgreementClock {
  return {
    agreementId: "dpa",
    controllerId: "college",
    processorId: "vendor",
    terms: { durations },
    calendar: calendarFor(calendar),
  };
}

const terms: AgreementTerms["durations"] = {
  termination_notice: { amount: 3, unit: "months" },
  deletion_after_termination: { amount: 30, unit: "days" },
  backup_deletion: { amount: 6, unit: "months" },
};

describe("ending the agreement", () => {
  it("ends an ordinary termination when the 3 months' notice has run: the end of Wednesday 30 December", () => {
    const t = terminate(agreement("FR", terms), {
      kind: "ordinary",
      by: "college",
      noticeGivenAt: at("2026-09-30T10:00:00+02:00"),
    });
    expect(local(t.endsAt)).toBe("2026-12-31T00:00:00+01:00");
  });

  it("refuses an end before the notice has run", () => {
    expect(() =>
      terminate(agreement("FR", terms), {
        kind: "ordinary",
        by: "vendor",
        noticeGivenAt: at("2026-09-30T10:00:00+02:00"),
        requestedEnd: at("2026-12-01T00:00:00+01:00"),
      }),
    ).toThrowError(expect.objectContaining({ code: "conflict" }));
  });

  it("ends for cause on the stated date, with grounds, and only at a party's hand", () => {
    const t = terminate(agreement("FR", terms), {
      kind: "for_cause",
      by: "college",
      noticeGivenAt: at("2026-09-30T10:00:00+02:00"),
      grounds: "persistent breach of the security annex",
    });
    expect(t.endsAt).toBe(at("2026-09-30T10:00:00+02:00"));
    expect(() =>
      terminate(agreement("FR", terms), { kind: "for_cause", by: "college", noticeGivenAt: 0 }),
    ).toThrowError(/grounds/);
    expect(() =>
      terminate(agreement("FR", terms), { kind: "ordinary", by: "stranger", noticeGivenAt: 0 }),
    ).toThrowError(/party/);
  });
});

describe("what the processor owes at the end (Art. 28(3)(g))", () => {
  const a = agreement("FR", terms);
  const end = terminate(a, {
    kind: "ordinary",
    by: "college",
    noticeGivenAt: at("2026-09-30T10:00:00+02:00"),
  });
  const duties = endOfServiceDuties(a, end, "return", [
    { id: "s1", name: "HostCo" },
    { id: "s2", name: "MailCo" },
  ]);

  it("returns the data within 30 days: Saturday 30 January 2027 moves to Monday 1 February", () => {
    const ret = duties.obligations.find((o) => o.kind === "return_data");
    expect(local(ret?.due ?? NaN)).toBe("2027-02-02T00:00:00+01:00");
  });

  it("deletes backups within 6 months of the end: Wednesday 30 June 2027", () => {
    const backups = duties.obligations.find((o) => o.kind === "delete_backups");
    expect(local(backups?.due ?? NaN)).toBe("2027-07-01T00:00:00+02:00");
  });

  it("covers every sub-processor by the same deadline as the active data", () => {
    expect(duties.bySubprocessor.size).toBe(2);
    expect(duties.bySubprocessor.get("s2")?.what.en).toMatch(/MailCo/);
    expect(duties.bySubprocessor.get("s1")?.due).toBe(duties.obligations[0]?.due);
  });

  it("counts 15 days from 11 December 2025 to Friday 26 December, a holiday only in Alsace-Moselle", () => {
    const fifteen = { deletion_after_termination: { amount: 15, unit: "days" as const } };
    const endsAt = at("2025-12-11T00:00:00+01:00");
    const dueIn = (calendar: string) => {
      const c = agreement(calendar, fifteen);
      const t = terminate(c, { kind: "for_cause", by: "college", noticeGivenAt: endsAt, grounds: "breach" });
      return local(endOfServiceDuties(c, t, "deletion", []).obligations[0]?.due ?? NaN);
    };
    expect(dueIn("FR")).toBe("2025-12-27T00:00:00+01:00");
    expect(dueIn("BE")).toBe("2025-12-27T00:00:00+01:00");
    expect(dueIn("FR-ALSACE-MOSELLE")).toBe("2025-12-30T00:00:00+01:00");
  });
});

describe("the deletion certificate and its acknowledgement", () => {
  const input: CertificateInput = {
    kind: "deletion",
    agreementId: "dpa",
    processor: "Vendor SAS",
    controller: "Collège Jean Moulin",
    endsAt: at("2026-12-31T00:00:00+01:00"),
    performedAt: at("2027-01-15T10:00:00+01:00"),
    method: "cryptographic erasure of the tenant's keys",
    dataCategories: ["identification", "marks"],
    backupsDeletedAt: at("2027-01-20T10:00:00+01:00"),
    subprocessors: [{ name: "HostCo", confirmedAt: at("2027-01-16T10:00:00+01:00") }],
    retentionExceptions: [
      {
        dataCategories: ["invoices"],
        ground: "Code de commerce, art. L123-22 (10 years)",
        until: at("2037-01-01T00:00:00+01:00"),
      },
    ],
    issuedAt: at("2027-01-21T10:00:00+01:00"),
    issuedBy: "vendor",
  };

  it("is issued once everything it attests is done, legal retention included with its ground", () => {
    const certificate = issueCertificate(input);
    expect(certificate.schema).toBe("art28.certificate/1");
    expect(certificate.retentionExceptions[0]?.ground).toMatch(/L123-22/);
  });

  it("is refused while a sub-processor has not confirmed", () => {
    expect(() =>
      issueCertificate({ ...input, subprocessors: [{ name: "HostCo", confirmedAt: null }] }),
    ).toThrowError(/HostCo/);
  });

  it("is refused while backups remain", () => {
    expect(() => issueCertificate({ ...input, backupsDeletedAt: null })).toThrowError(/backups/);
  });

  it("refuses a retention exception without its legal ground", () => {
    expect(() =>
      issueCertificate({
        ...input,
        retentionExceptions: [{ dataCategories: ["x"], ground: " ", until: at("2030-01-01T00:00:00Z") }],
      }),
    ).toThrowError(/law that requires it/);
  });

  it("is acknowledged by the controller alone, naming its sha256", () => {
    const certificate = issueCertificate(input);
    const sha = "a".repeat(64);
    expect(
      acknowledgeCertificate(certificate, sha, "college", "college", at("2027-01-22T09:00:00+01:00")),
    ).toMatchObject({
      acknowledgedBy: "college",
      certificateSha256: sha,
    });
    expect(() =>
      acknowledgeCertificate(certificate, sha, "college", "vendor", at("2027-01-22T09:00:00+01:00")),
    ).toThrowError(expect.objectContaining({ code: "forbidden" }));
  });
});
