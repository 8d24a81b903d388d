// Use case: import a bundle written by `art28 export`. A whole-tenant bundle lands in an empty tenant with its
// journal copied link for link (so verification still passes); an organisation's bundle adds its rows, after
// checking each journal link it carries.

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { Art28Error } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import { BUNDLE_TABLES, type BundleRows } from "../../store/exchange-repository.js";
import { ChainVerifier, linkHash } from "../../store/journal.js";
import { BUNDLE_SCHEMA, type Bundle } from "./export-bundle.js";
import type { Register } from "./open-register.js";
import { inTransaction } from "./unit-of-work.js";

const eventSchema = z.object({
  seq: z.number().int().positive(),
  at: z.number().int(),
  actor: z.string(),
  type: z.string(),
  payload: z.string(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

const bundleSchema = z.object({
  schema: z.literal(BUNDLE_SCHEMA),
  exportedAt: z.number(),
  tenant: z.string().min(1),
  scope: z.enum(["tenant", "organisation"]),
  organisationId: z.string().nullable(),
  tables: z.object(
    // .default([]): a bundle written before a table existed has none of its rows.
    Object.fromEntries(
      BUNDLE_TABLES.map((t) => [t, z.array(z.record(z.string(), z.unknown())).default([])]),
    ) as Record<
      (typeof BUNDLE_TABLES)[number],
      z.ZodDefault<z.ZodArray<z.ZodRecord<z.ZodString, z.ZodUnknown>>>
    >,
  ),
  journal: z.object({
    head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
    events: z.array(eventSchema),
  }),
});

export interface ImportBundleOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly path: string };
  readonly now: number;
}

export interface ImportedBundle {
  readonly scope: "tenant" | "organisation";
  readonly counts: Readonly<Record<string, number>>;
  readonly bundleSha256: string;
}

function unreadable(path: string, why: string): Art28Error {
  return new Art28Error(
    "unreadable_input",
    { fr: `lot illisible ${path} : ${why}`, en: `unreadable bundle ${path}: ${why}` },
    { argument: "file" },
  );
}

async function readBundle(path: string): Promise<{ bundle: Bundle; sha256: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw unreadable(path, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw unreadable(path, "JSON");
  }
  const parsed = bundleSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Art28Error(
      "unsupported_format",
      {
        fr: `${path} n'est pas un lot ${BUNDLE_SCHEMA} (${issue?.path.join(".") ?? ""} : ${issue?.message ?? ""})`,
        en: `${path} is not an ${BUNDLE_SCHEMA} bundle (${issue?.path.join(".") ?? ""}: ${issue?.message ?? ""})`,
      },
      { argument: "file" },
    );
  }
  return { bundle: parsed.data as Bundle, sha256: createHash("sha256").update(bytes).digest("hex") };
}

function broken(seq: number, reason: string): Art28Error {
  return new Art28Error(
    "integrity_violation",
    {
      fr: `le journal du lot est rompu à l'événement n° ${seq} (${reason}) : rien n'a été importé`,
      en: `the bundle's journal is broken at event #${seq} (${reason}): nothing was imported`,
    },
    { seq },
  );
}

export async function importBundle({
  register,
  principal,
  input,
  now,
}: ImportBundleOptions): Promise<ImportedBundle> {
  const { bundle, sha256 } = await readBundle(input.path);
  const links = bundle.journal.events.map((e) => ({ ...e, tenant: bundle.tenant }));
  if (bundle.scope === "tenant") {
    if (bundle.tenant !== principal.tenant) {
      throw new Art28Error(
        "invalid_input",
        {
          fr: `ce lot est celui du locataire « ${bundle.tenant} », auquel son journal est lié : importez-le avec ART28_TENANT=${bundle.tenant}`,
          en: `this bundle is tenant "${bundle.tenant}"'s, to which its journal is bound: import it with ART28_TENANT=${bundle.tenant}`,
        },
        { argument: "ART28_TENANT" },
      );
    }
    const verifier = new ChainVerifier();
    for (const link of links) if (!verifier.push(link)) break;
    const fault = verifier.finish(bundle.journal.head);
    if (fault) throw broken(fault.seq, fault.reason);
  } else {
    for (const link of links) {
      if (linkHash(link.prevHash, link) !== link.hash) throw broken(link.seq, "altered");
    }
  }
  const counts: Record<string, number> = Object.fromEntries(
    BUNDLE_TABLES.map((t) => [t, bundle.tables[t].length] as const),
  );
  counts.journal = links.length;
  await inTransaction(register, principal, now, async (unit) => {
    unit.access.requireOperator({ fr: "registre", en: "register" });
    if (bundle.scope === "tenant") {
      const head = await unit.journal.head(principal.tenant);
      if ((await unit.organisations.count()) > 0 || (head !== null && head.seq > 0)) {
        throw new Art28Error("conflict", {
          fr: "un lot complet ne s'importe que dans un registre vide",
          en: "a whole-register bundle only imports into an empty register",
        });
      }
    } else {
      const clashes = await unit.exchange.existingIds(bundle.tables as BundleRows);
      if (clashes.length > 0) {
        throw new Art28Error(
          "conflict",
          {
            fr: `${clashes.length} élément(s) du lot existent déjà (p. ex. ${clashes[0]}) : rien n'a été importé`,
            en: `${clashes.length} item(s) of the bundle already exist (e.g. ${clashes[0]}): nothing was imported`,
          },
          { argument: "file" },
        );
      }
    }
    try {
      await unit.exchange.insertRows(bundle.tables as BundleRows);
    } catch (error) {
      throw new Art28Error(
        "invalid_input",
        {
          fr: `la base refuse les lignes du lot : ${(error as Error).message}`,
          en: `the database refuses the bundle's rows: ${(error as Error).message}`,
        },
        { argument: "file" },
      );
    }
    if (bundle.scope === "tenant") await unit.journal.insertVerbatim(principal.tenant, links);
    const last = links[links.length - 1];
    unit.record({
      type: "exchange.bundle_imported",
      payload: {
        v: 1,
        bundleSha256: sha256,
        scope: bundle.scope,
        sourceHead: last ? { seq: last.seq, hash: last.hash } : null,
        counts,
      },
    });
  });
  return { scope: bundle.scope, counts, bundleSha256: sha256 };
}
