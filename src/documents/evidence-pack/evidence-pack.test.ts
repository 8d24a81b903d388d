import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { buildEvidencePack, type JournalRow } from "./evidence-pack.js";

const GENESIS = "0".repeat(64);

/** A small chain built the way the register builds it: sha256(prevHash ‖ canonical event). */
function chain(events: { type: string; payload: object; agreement: string }[]): JournalRow[] {
  const rows: JournalRow[] = [];
  let prevHash = GENESIS;
  events.forEach((e, i) => {
    const row = {
      seq: i + 1,
      at: 1_780_000_000_000 + i,
      actor: "cli:amelie",
      tenant: "default",
      type: e.type,
    };
    const payload = JSON.stringify({ agreementId: e.agreement, ...e.payload });
    const canonical = `{"actor":${JSON.stringify(row.actor)},"at":${row.at},"payload":${payload},"seq":${row.seq},"tenant":"default","type":${JSON.stringify(row.type)}}`;
    const hash = createHash("sha256").update(prevHash).update(canonical).digest("hex");
    rows.push({ ...row, payload, prevHash, hash });
    prevHash = hash;
  });
  return rows;
}

const journal = chain([
  { type: "agreement.created", payload: { v: 1 }, agreement: "dpa-1" },
  { type: "agreement.created", payload: { v: 1 }, agreement: "dpa-secret" },
  { type: "obligation.opened", payload: { v: 1 }, agreement: "dpa-1" },
]);

const pack = buildEvidencePack({
  agreementId: "dpa-1",
  generatedAt: Date.parse("2026-06-01T08:00:00Z"),
  agreement: { id: "dpa-1", status: "active" },
  terms: { audit_notice: { amount: 15, unit: "working_days", provenance: "typed" } },
  securityMeasures: [{ category: "encryption", description: "AES-256 at rest" }],
  subprocessors: [{ name: "HostCo", location: "FR" }],
  documents: [{ name: "dpa-1.pdf", bytes: new Uint8Array([37, 80, 68, 70]) }],
  certificates: [{ name: "deletion.json", canonicalJson: '{"schema":"art28.certificate/1"}' }],
  journal,
  relevant: (row) => row.payload.includes('"dpa-1"'),
});
const files = unzipSync(pack.zip);
const dir = mkdtempSync(join(tmpdir(), "art28-evidence-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function extract(overrides: Record<string, string> = {}): string {
  const target = mkdtempSync(join(dir, "pack-"));
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), overrides[path] ?? bytes);
  }
  return target;
}

function verify(target: string): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ["verify-journal.mjs", "journal/extract.jsonl"], {
      cwd: target,
      encoding: "utf8",
      stdio: "pipe",
    });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stderr: string };
    return { code: e.status, output: e.stderr };
  }
}

describe("an agreement's evidence pack", () => {
  it("lists every file in its manifest with the right sha256", () => {
    const manifest = JSON.parse(strFromU8(files["manifest.json"] as Uint8Array));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining([
        "agreement.json",
        "terms.json",
        "documents/dpa-1.pdf",
        "certificates/deletion.json",
        "journal/extract.jsonl",
      ]),
    );
    for (const f of manifest.files as { path: string; sha256: string }[]) {
      expect(
        createHash("sha256")
          .update(files[f.path] as Uint8Array)
          .digest("hex"),
      ).toBe(f.sha256);
    }
    expect(manifest.journalHead).toEqual({ seq: 3, hash: journal[2]?.hash });
  });

  it("keeps another agreement's events out, leaving only their links", () => {
    const lines = strFromU8(files["journal/extract.jsonl"] as Uint8Array)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[1]).toEqual({ seq: 2, prevHash: journal[1]?.prevHash, hash: journal[1]?.hash });
    expect(strFromU8(files["journal/extract.jsonl"] as Uint8Array)).not.toContain("dpa-secret");
  });

  it("ships a verifier that passes on the untouched extract with Node.js alone", () => {
    const result = verify(extract());
    expect(result.code).toBe(0);
    expect(result.output).toContain(`head seq 3 hash ${journal[2]?.hash}`);
  });

  it("ships a verifier that names the first altered event", () => {
    const text = strFromU8(files["journal/extract.jsonl"] as Uint8Array).replace(
      '"obligation.opened"',
      '"obligation.closed"',
    );
    const result = verify(extract({ "journal/extract.jsonl": text }));
    expect(result.code).toBe(1);
    expect(result.output).toContain("seq 3: altered");
  });

  it("ships a verifier that notices a removed event", () => {
    const lines = strFromU8(files["journal/extract.jsonl"] as Uint8Array)
      .trim()
      .split("\n");
    const result = verify(extract({ "journal/extract.jsonl": `${lines[0]}\n${lines[2]}\n` }));
    expect(result.code).toBe(1);
    expect(result.output).toContain("seq 3: missing or reordered");
  });

  it("gives the same bytes for the same input", () => {
    const again = buildEvidencePack({
      agreementId: "dpa-1",
      generatedAt: Date.parse("2026-06-01T08:00:00Z"),
      agreement: { id: "dpa-1", status: "active" },
      terms: { audit_notice: { amount: 15, unit: "working_days", provenance: "typed" } },
      securityMeasures: [{ category: "encryption", description: "AES-256 at rest" }],
      subprocessors: [{ name: "HostCo", location: "FR" }],
      documents: [{ name: "dpa-1.pdf", bytes: new Uint8Array([37, 80, 68, 70]) }],
      certificates: [{ name: "deletion.json", canonicalJson: '{"schema":"art28.certificate/1"}' }],
      journal,
      relevant: (row) => row.payload.includes('"dpa-1"'),
    });
    expect(Buffer.from(again.zip).equals(Buffer.from(pack.zip))).toBe(true);
  });

  it("refuses a file name that could escape its folder, and a journal with a gap", () => {
    const base = {
      agreementId: "x",
      generatedAt: 0,
      agreement: {},
      terms: {},
      securityMeasures: [],
      subprocessors: [],
      certificates: [],
      relevant: () => true,
    };
    expect(() =>
      buildEvidencePack({
        ...base,
        generatedAt: Date.parse("2026-01-01T00:00:00Z"),
        documents: [{ name: "../x", bytes: new Uint8Array() }],
        journal,
      }),
    ).toThrowError(/refused/);
    expect(() =>
      buildEvidencePack({
        ...base,
        generatedAt: Date.parse("2026-01-01T00:00:00Z"),
        documents: [],
        journal: [journal[0] as JournalRow, journal[2] as JournalRow],
      }),
    ).toThrowError(/contiguous/);
  });
});
