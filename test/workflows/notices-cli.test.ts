// Every step that hands work to another party queues its message, to the contact or else the DPO address, and an
// organisation nobody can reach gets a duty of its own instead of a silent gap: through the CLI, on SQLite and
// PostgreSQL.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "../register/databases.js";

interface OutboxRow {
  readonly kind: string;
  readonly channel: string;
  readonly to: string | null;
}

describe.each(ENGINES)("notices that reach the next party (%s)", (engine) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const art28 = (...args: string[]) => runCli(args, env);
  const ok = (...args: string[]) => {
    const run = art28(...args);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    return run.stdout;
  };
  const json = <T>(...args: string[]) => JSON.parse(ok(...args, "--json")) as T;
  const outbox = () =>
    ok("outbox", "list")
      .split("\n")
      .filter((line) => /^(pending|sent|claimed|dead) /.test(line))
      .map((line) => {
        const [, , channel, kind, , to] = line.split(/\s+/);
        return { channel, kind, to: to ?? null } as OutboxRow;
      });
  let ferry: string;
  let nobody: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    env = { DATABASE_URL: database.url, ART28_TENANT: "" };
    ok(
      "organisations",
      "add",
      "--name",
      "École Jules-Ferry",
      "--type",
      "ecole",
      "--role",
      "controller",
      "--dpo-email",
      "dpo@ferry.example",
    );
    ok("organisations", "add", "--name", "École Sans-Adresse", "--type", "ecole", "--role", "controller");
    ok("organisations", "add", "--name", "Éditeur Test SAS", "--type", "editeur", "--role", "processor");
    const add = (school: string) =>
      json<{ id: string }>(
        "agreements",
        "add",
        "--title",
        `ENT ${school}`,
        "--controller",
        school,
        "--processor",
        "Éditeur Test SAS",
      ).id;
    ferry = add("École Jules-Ferry");
    nobody = add("École Sans-Adresse");
    for (const id of [ferry, nobody]) {
      ok(
        "agreements",
        "terms",
        id,
        "--set",
        "breach_notification_to_controller=24 heures",
        "--set",
        "dsr_assistance=5 jours ouvrés",
      );
      ok("agreements", "status", id, "active", "--effective", "2026-09-01");
    }
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });

  it("sends a breach notice to a school known only by its DPO address, and opens « aucun destinataire » for one with none", () => {
    const out = ok(
      "breach",
      "record",
      "--processor",
      "Éditeur Test SAS",
      "--aware",
      "2026-11-27T16:30+01:00",
      "--nature",
      "confidentiality",
      "--description",
      "Fuite de test",
      "--notify",
    );
    expect(out).toContain("notification initiale enregistrée : 1 message(s) en file pour 1 organisation(s)");
    expect(out).toContain(
      "aucun destinataire pour École Sans-Adresse (ni contact, ni adresse de DPO, ni webhook)",
    );
    expect(outbox()).toContainEqual({ channel: "email", kind: "breach.notice", to: "dpo@ferry.example" });
    const due = json<{ kind: string; what: { fr: string } }[]>("obligations", "due");
    const find = due.filter((o) => o.kind === "find_recipient");
    expect(find).toHaveLength(1);
    expect(find[0]?.what.fr).toMatch(
      /^aucun destinataire pour l'avis de violation n° 1 à École Sans-Adresse/,
    );
  });

  it("refuses a forwarding dated before the request's receipt, naming both instants, then forwards to the DPO address", () => {
    const request = json<{ request: { id: string } }>(
      "request",
      "receive",
      "--right",
      "access",
      "--by",
      "Éditeur Test SAS",
      "--agreement",
      ferry,
      "--at",
      "2026-11-20T09:00+01:00",
    ).request;
    const early = art28("request", "forward", request.id, "--at", "2026-11-13T09:00+01:00");
    expect(early.status).toBe(2);
    expect(early.stderr).toContain(
      "--at : la transmission au responsable (2026-11-13T09:00:00+01:00) ne peut précéder la réception de la demande (2026-11-20T09:00:00+01:00)",
    );
    expect(ok("request", "forward", request.id, "--at", "2026-11-21T09:00+01:00")).toContain(
      "demande transmise au responsable de traitement : 1 message(s) en file pour 1 organisation(s)",
    );
    expect(outbox()).toContainEqual({ channel: "email", kind: "request.forwarded", to: "dpo@ferry.example" });
  });

  it("tells the processor when the controller asks for its help, once it has a contact", () => {
    ok("contacts", "set", "--org", "Éditeur Test SAS", "--email", "dpo@editeur.example");
    const request = json<{ request: { id: string } }>(
      "request",
      "receive",
      "--right",
      "erasure",
      "--by",
      "École Jules-Ferry",
      "--at",
      "2026-11-23T09:00+01:00",
    ).request;
    const out = ok("request", "assist", request.id, "--agreement", ferry, "--at", "2026-11-24T09:00+01:00");
    expect(out).toContain("1 message(s) en file pour 1 organisation(s)");
    expect(outbox()).toContainEqual({
      channel: "email",
      kind: "request.assistance_asked",
      to: "dpo@editeur.example",
    });
  });

  it("tells the controller its instruction is contested", () => {
    const instruction = json<{ id: string }>(
      "instruction",
      "record",
      "--agreement",
      ferry,
      "--channel",
      "email",
      "--text",
      "Exporter les notes vers un tiers",
    );
    expect(ok("instruction", "contest", instruction.id, "--grounds", "pas de base légale")).toContain(
      "1 message(s) en file pour 1 organisation(s)",
    );
    expect(outbox()).toContainEqual({
      channel: "email",
      kind: "instruction.contested",
      to: "dpo@ferry.example",
    });
  });

  it("tells the other party of a termination, then the processor of the controller's choice", () => {
    const end = ok("end", "terminate", "--agreement", ferry, "--by", "École Jules-Ferry");
    expect(end).toMatch(
      /accord résilié ; en vigueur jusqu'au \S+ \d+ \S+ \d{4} inclus, heure de Paris ; 1 message\(s\) en file/,
    );
    expect(outbox()).toContainEqual({
      channel: "email",
      kind: "end_of_service.terminated",
      to: "dpo@editeur.example",
    });
    expect(ok("end", "choose", "--agreement", ferry, "--choice", "deletion")).toContain(
      "1 message(s) en file",
    );
    expect(outbox()).toContainEqual({
      channel: "email",
      kind: "end_of_service.chosen",
      to: "dpo@editeur.example",
    });
  });

  it("says in breach show that a processor's notice came after its deadline", () => {
    const recorded = json<{ breach: { id: string } }>(
      "breach",
      "record",
      "--processor",
      "Éditeur Test SAS",
      "--agreement",
      nobody,
      "--aware",
      "2026-11-02T08:00+01:00",
      "--nature",
      "availability",
      "--description",
      "Panne ancienne",
    );
    ok("contacts", "set", "--org", "École Sans-Adresse", "--email", "direction@sans-adresse.example");
    ok("breach", "update", recorded.breach.id);
    const shown = ok("breach", "show", recorded.breach.id);
    expect(shown).toMatch(/École Sans-Adresse — avis envoyé en retard \(/);
  });
});
