// Isolation: every use case, called by a member of another organisation of the same tenant, answers "not found" or
// lists nothing of the others, and changes nothing — the register's rows and its journal stay as they were.

import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amendAgreement } from "../../src/app/agreements/amend-agreement.js";
import { buildEvidencePack } from "../../src/app/agreements/build-evidence-pack.js";
import { changeAgreementStatus } from "../../src/app/agreements/change-agreement-status.js";
import { createAgreement } from "../../src/app/agreements/create-agreement.js";
import { importAgreement } from "../../src/app/agreements/import-agreement.js";
import { listAgreements } from "../../src/app/agreements/list-agreements.js";
import { setAgreementTerms } from "../../src/app/agreements/set-agreement-terms.js";
import { setJointAllocation } from "../../src/app/agreements/set-joint-allocation.js";
import { showAgreement } from "../../src/app/agreements/show-agreement.js";
import { answerInstruction } from "../../src/app/audits-instructions/answer-instruction.js";
import { contestInstruction } from "../../src/app/audits-instructions/contest-instruction.js";
import { listInstructions } from "../../src/app/audits-instructions/list-instructions.js";
import { recordAuditFinding } from "../../src/app/audits-instructions/record-audit-finding.js";
import { recordInstruction } from "../../src/app/audits-instructions/record-instruction.js";
import { requestAudit } from "../../src/app/audits-instructions/request-audit.js";
import { addBreachUpdate } from "../../src/app/breaches/add-breach-update.js";
import { assessBreachRiskFor } from "../../src/app/breaches/assess-breach-risk.js";
import { listBreaches } from "../../src/app/breaches/list-breaches.js";
import { notifyAuthority } from "../../src/app/breaches/notify-authority.js";
import { recordBreach } from "../../src/app/breaches/record-breach.js";
import { recordBreachAwareness } from "../../src/app/breaches/record-breach-awareness.js";
import { showBreach } from "../../src/app/breaches/show-breach.js";
import { acknowledgeCertificate } from "../../src/app/end-of-service/acknowledge-certificate.js";
import { chooseReturnOrDeletion } from "../../src/app/end-of-service/choose-return-or-deletion.js";
import { issueDeletionCertificate } from "../../src/app/end-of-service/issue-deletion-certificate.js";
import { recordRetentionException } from "../../src/app/end-of-service/record-retention-exception.js";
import { terminateAgreement } from "../../src/app/end-of-service/terminate-agreement.js";
import { closeObligation } from "../../src/app/obligations/close-obligation.js";
import { listDueObligations } from "../../src/app/obligations/list-due-obligations.js";
import { listRecurringDuties } from "../../src/app/obligations/list-recurring-duties.js";
import { scheduleRecurringDuty } from "../../src/app/obligations/schedule-recurring-duty.js";
import { stopRecurringDuty } from "../../src/app/obligations/stop-recurring-duty.js";
import { addWebhookEndpoint } from "../../src/app/organisations/add-webhook-endpoint.js";
import { createOrganisation } from "../../src/app/organisations/create-organisation.js";
import { listOrganisations } from "../../src/app/organisations/list-organisations.js";
import { listRecipients } from "../../src/app/organisations/list-recipients.js";
import { removeWebhookEndpoint } from "../../src/app/organisations/remove-webhook-endpoint.js";
import { setOrganisationContact } from "../../src/app/organisations/set-organisation-contact.js";
import { listOutbox } from "../../src/app/outbox/list-outbox.js";
import { retryOutboxMessage } from "../../src/app/outbox/retry-outbox-message.js";
import { exportBundle } from "../../src/app/register/export-bundle.js";
import { openRegister, type Register } from "../../src/app/register/open-register.js";
import { seedDemo } from "../../src/app/register/seed-demo.js";
import { reader } from "../../src/app/register/unit-of-work.js";
import { verifyJournal } from "../../src/app/register/verify-journal.js";
import { answerRequest } from "../../src/app/requests/answer-request.js";
import { extendRequest } from "../../src/app/requests/extend-request.js";
import { forwardRequest } from "../../src/app/requests/forward-request.js";
import { listRequests } from "../../src/app/requests/list-requests.js";
import { receiveRequest } from "../../src/app/requests/receive-request.js";
import { requestAssistance } from "../../src/app/requests/request-assistance.js";
import { showRequest } from "../../src/app/requests/show-request.js";
import { verifyIdentity } from "../../src/app/requests/verify-identity.js";
import { announceSubprocessorChange } from "../../src/app/subprocessor-changes/announce-subprocessor-change.js";
import { listSubprocessorChanges } from "../../src/app/subprocessor-changes/list-subprocessor-changes.js";
import { publishSubprocessorList } from "../../src/app/subprocessor-changes/publish-subprocessor-list.js";
import { respondToSubprocessorChange } from "../../src/app/subprocessor-changes/respond-to-subprocessor-change.js";
import { settleSubprocessorWindows } from "../../src/app/subprocessor-changes/settle-subprocessor-windows.js";
import { showSubprocessorChange } from "../../src/app/subprocessor-changes/show-subprocessor-change.js";
import { createUser } from "../../src/app/users/create-user.js";
import { grantAccess } from "../../src/app/users/grant-access.js";
import { listUsers } from "../../src/app/users/list-users.js";
import { principalOfUser } from "../../src/app/users/principal-of-user.js";
import { revokeAccess } from "../../src/app/users/revoke-access.js";
import { localOperator, type Principal } from "../../src/domain/principal.js";
import { createTestDatabase, ENGINES, type TestDatabase } from "../register/databases.js";

const operator = localOperator("test:operator", "t-isolation");
const SETUP = Date.parse("2026-03-02T09:00:00+01:00");
const NOW = Date.parse("2026-03-04T10:00:00+01:00");
const FIXTURE = join(import.meta.dirname, "../register/fixtures/accord-cantine.txt");
const DETAILS = {
  natures: ["confidentiality"],
  discoveredAt: "2026-03-03T15:10:00+01:00",
  awareAt: "2026-03-03T16:40:00+01:00",
  description: "Export des absences laissé lisible sur un partage",
  dataCategories: ["identité"],
};

/** The others' world, built by the operator: a vendor, two schools, and a record of every kind. */
async function buildWorld(register: Register) {
  const org = (input: Parameters<typeof createOrganisation>[0]["input"]) =>
    createOrganisation({ register, principal: operator, input, now: SETUP });
  const vendor = await org({ name: "Éditeur Vigie", type: "editeur", roles: ["processor"] });
  const schoolA = await org({ name: "Collège des Aulnes", type: "college", roles: ["controller"] });
  const schoolB = await org({ name: "Lycée des Bouleaux", type: "lycee", roles: ["controller"] });
  const agree = (title: string, controllerId: string, processorId = vendor.id) =>
    createAgreement({
      register,
      principal: operator,
      input: {
        kind: "dpa",
        title,
        parties: [
          { organisationId: controllerId, role: "controller" },
          { organisationId: processorId, role: "processor" },
        ],
        effectiveOn: "2025-09-01",
        status: "active",
        terms: { durations: { breach_notification_to_controller: { amount: 24, unit: "hours" } } },
      },
      now: SETUP,
    });
  const agreementA = await agree("Vie scolaire — Aulnes", schoolA.id);
  const agreementB = await agree("Vie scolaire — Bouleaux", schoolB.id);
  const as = { register, principal: operator, now: SETUP };
  const breach = await recordBreach({ ...as, input: { processor: vendor.name, details: DETAILS }, now: NOW });
  const request = await receiveRequest({
    ...as,
    input: { right: "access", receivedBy: vendor.name, agreement: agreementA.id },
  });
  const instruction = await recordInstruction({
    ...as,
    input: { agreement: agreementA.id, channel: "email", text: "Exporter les absences chaque lundi" },
  });
  const audit = await requestAudit({ ...as, input: { agreement: agreementA.id, scope: ["sauvegardes"] } });
  const change = await announceSubprocessorChange({
    ...as,
    input: {
      processor: vendor.name,
      kind: "addition",
      subprocessor: { name: "Hébergeur Nord", activity: "hébergement", location: "FR" },
    },
  });
  const duty = await scheduleRecurringDuty({
    ...as,
    input: { agreement: agreementA.id, kind: "access_rights_review", every: "3 mois" },
  });
  await setOrganisationContact({
    ...as,
    input: { organisation: schoolA.name, email: "dpo@aulnes.example", language: "fr" },
  });
  const webhook = await addWebhookEndpoint({
    ...as,
    input: { organisation: schoolA.name, url: "https://aulnes.example/hook", secret: "s".repeat(24) },
  });
  await terminateAgreement({
    ...as,
    input: { agreement: agreementB.id, kind: "ordinary", by: schoolB.name },
  });
  const member = await createUser({
    ...as,
    input: { email: "direction@aulnes.example", organisation: schoolA.name, role: "admin" },
  });
  const obligation = (await reader(register, operator).obligations.due({})).find(
    (o) => o.holderId === vendor.id,
  );
  return {
    vendor,
    schoolA,
    schoolB,
    agreementA,
    agreementB,
    breach: breach.breach,
    request: request.request,
    instruction,
    audit,
    change: change.change,
    duty,
    webhook,
    member,
    obligation: obligation?.id as string,
  };
}

/** The outsider: an editor of a school of the same tenant, with an agreement of its own with another vendor. */
async function buildOutsider(register: Register): Promise<Principal> {
  const as = { register, principal: operator, now: SETUP };
  const own = await createOrganisation({
    ...as,
    input: { name: "École des Ormes", type: "ecole", roles: ["controller"] },
  });
  const otherVendor = await createOrganisation({
    ...as,
    input: { name: "Autre Éditeur", type: "editeur", roles: ["processor"] },
  });
  await createAgreement({
    ...as,
    input: {
      kind: "dpa",
      title: "Cantine — Ormes",
      parties: [
        { organisationId: own.id, role: "controller" },
        { organisationId: otherVendor.id, role: "processor" },
      ],
      status: "active",
      effectiveOn: "2025-09-01",
    },
  });
  await createUser({
    ...as,
    input: { email: "secretariat@ormes.example", organisation: own.name, role: "editor" },
  });
  return principalOfUser({ register, principal: operator, input: { user: "secretariat@ormes.example" } });
}

type World = Awaited<ReturnType<typeof buildWorld>>;
type Call = (register: Register, principal: Principal, w: World) => Promise<unknown>;

/** Every use case an outsider could call, aimed at the others' records. */
const USE_CASES: readonly (readonly [string, Call])[] = [
  [
    "organisations add",
    (register, principal) =>
      createOrganisation({ register, principal, input: { name: "Intrus", type: "ecole" }, now: NOW }),
  ],
  ["organisations list", (register, principal) => listOrganisations({ register, principal })],
  [
    "contacts set",
    (register, principal, w) =>
      setOrganisationContact({
        register,
        principal,
        now: NOW,
        input: { organisation: w.schoolA.name, email: "x@intrus.example", language: "fr" },
      }),
  ],
  ["contacts list", (register, principal) => listRecipients({ register, principal, input: {} })],
  [
    "contacts list --org",
    (register, principal, w) =>
      listRecipients({ register, principal, input: { organisation: w.schoolA.name } }),
  ],
  [
    "webhooks add",
    (register, principal, w) =>
      addWebhookEndpoint({
        register,
        principal,
        now: NOW,
        input: { organisation: w.schoolA.name, url: "https://intrus.example/hook", secret: "i".repeat(24) },
      }),
  ],
  [
    "webhooks remove",
    (register, principal, w) =>
      removeWebhookEndpoint({
        register,
        principal,
        now: NOW,
        input: { organisation: w.schoolA.name, id: w.webhook.id },
      }),
  ],
  ["agreements list", (register, principal) => listAgreements({ register, principal, input: {} })],
  [
    "agreements list --org",
    (register, principal, w) =>
      listAgreements({ register, principal, input: { organisation: w.vendor.name } }),
  ],
  [
    "agreements show",
    (register, principal, w) => showAgreement({ register, principal, input: { id: w.agreementA.id } }),
  ],
  [
    "agreements show by prefix",
    (register, principal, w) =>
      showAgreement({ register, principal, input: { id: w.agreementA.id.slice(0, 8) } }),
  ],
  [
    "agreements add",
    (register, principal, w) =>
      createAgreement({
        register,
        principal,
        now: NOW,
        input: {
          kind: "dpa",
          title: "Intrus",
          parties: [
            { organisation: w.schoolA.name, role: "controller" },
            { organisation: w.vendor.name, role: "processor" },
          ],
        },
      }),
  ],
  [
    "agreements import",
    (register, principal, w) =>
      importAgreement({
        register,
        principal,
        now: NOW,
        input: { path: FIXTURE, controller: w.schoolA.name, processor: w.vendor.name },
      }),
  ],
  [
    "agreements amend",
    (register, principal, w) =>
      amendAgreement({
        register,
        principal,
        now: NOW,
        input: { id: w.agreementA.id, amendment: { title: "Intrus" } },
      }),
  ],
  [
    "agreements status",
    (register, principal, w) =>
      changeAgreementStatus({
        register,
        principal,
        now: NOW,
        input: { id: w.agreementA.id, to: "terminated" },
      }),
  ],
  [
    "agreements terms",
    (register, principal, w) =>
      setAgreementTerms({
        register,
        principal,
        now: NOW,
        input: { agreement: w.agreementA.id, periods: { breach_notification_to_controller: "1 semaine" } },
      }),
  ],
  [
    "agreements allocate",
    (register, principal, w) =>
      setJointAllocation({
        register,
        principal,
        now: NOW,
        input: {
          agreement: w.agreementA.id,
          duty: "contact_point",
          perimeter: "any",
          holder: w.schoolA.name,
        },
      }),
  ],
  [
    "agreements evidence",
    (register, principal, w) =>
      buildEvidencePack({ register, principal, now: NOW, input: { agreement: w.agreementA.id } }),
  ],
  [
    "obligations due",
    (register, principal) => listDueObligations({ register, principal, input: {}, now: NOW }),
  ],
  [
    "obligations due --org",
    (register, principal, w) =>
      listDueObligations({ register, principal, input: { organisation: w.vendor.name }, now: NOW }),
  ],
  [
    "obligations close",
    (register, principal, w) =>
      closeObligation({
        register,
        principal,
        now: NOW,
        input: { id: w.obligation, outcome: "done", note: "fait" },
      }),
  ],
  [
    "recurring add",
    (register, principal, w) =>
      scheduleRecurringDuty({
        register,
        principal,
        now: NOW,
        input: { agreement: w.agreementA.id, kind: "access_rights_review", every: "1 mois" },
      }),
  ],
  ["recurring list", (register, principal) => listRecurringDuties({ register, principal, input: {} })],
  [
    "recurring list --agreement",
    (register, principal, w) =>
      listRecurringDuties({ register, principal, input: { agreement: w.agreementA.id } }),
  ],
  [
    "recurring stop",
    (register, principal, w) =>
      stopRecurringDuty({ register, principal, now: NOW, input: { duty: w.duty.duty.id, reason: "intrus" } }),
  ],
  [
    "breach record",
    (register, principal, w) =>
      recordBreach({ register, principal, now: NOW, input: { processor: w.vendor.name, details: DETAILS } }),
  ],
  [
    "breach aware",
    (register, principal, w) =>
      recordBreachAwareness({
        register,
        principal,
        now: NOW,
        input: { breach: w.breach.id, controller: w.schoolA.name },
      }),
  ],
  [
    "breach update",
    (register, principal, w) =>
      addBreachUpdate({ register, principal, now: NOW, input: { breach: w.breach.id } }),
  ],
  [
    "breach assess",
    (register, principal, w) =>
      assessBreachRiskFor({
        register,
        principal,
        now: NOW,
        input: {
          breach: w.breach.id,
          keeper: w.vendor.name,
          factors: { dataKinds: ["health"], identifiability: "direct", exposure: "limited" },
        },
      }),
  ],
  [
    "breach notify-authority",
    (register, principal, w) =>
      notifyAuthority({ register, principal, now: NOW, input: { breach: w.breach.id, by: w.vendor.name } }),
  ],
  ["breach list", (register, principal) => listBreaches({ register, principal, input: {} })],
  [
    "breach show",
    (register, principal, w) => showBreach({ register, principal, input: { breach: w.breach.id } }),
  ],
  [
    "request receive",
    (register, principal, w) =>
      receiveRequest({
        register,
        principal,
        now: NOW,
        input: { right: "access", receivedBy: w.schoolA.name },
      }),
  ],
  [
    "request forward",
    (register, principal, w) =>
      forwardRequest({ register, principal, now: NOW, input: { request: w.request.id } }),
  ],
  [
    "request verify",
    (register, principal, w) =>
      verifyIdentity({
        register,
        principal,
        now: NOW,
        input: { request: w.request.id, step: "ask", note: "pièce" },
      }),
  ],
  [
    "request extend",
    (register, principal, w) =>
      extendRequest({
        register,
        principal,
        now: NOW,
        input: { request: w.request.id, reasons: "complexité" },
      }),
  ],
  [
    "request assistance",
    (register, principal, w) =>
      requestAssistance({ register, principal, now: NOW, input: { request: w.request.id } }),
  ],
  [
    "request answer",
    (register, principal, w) =>
      answerRequest({
        register,
        principal,
        now: NOW,
        input: { request: w.request.id, outcome: "no_data_held" },
      }),
  ],
  ["request list", (register, principal) => listRequests({ register, principal, input: {} })],
  [
    "request show",
    (register, principal, w) => showRequest({ register, principal, input: { request: w.request.id } }),
  ],
  [
    "subprocessors announce",
    (register, principal, w) =>
      announceSubprocessorChange({
        register,
        principal,
        now: NOW,
        input: {
          processor: w.vendor.name,
          kind: "addition",
          subprocessor: { name: "Intrus Cloud", activity: "hébergement", location: "FR" },
        },
      }),
  ],
  [
    "subprocessors respond",
    (register, principal, w) =>
      respondToSubprocessorChange({
        register,
        principal,
        now: NOW,
        input: { change: w.change.id, agreement: w.agreementA.id, answer: "object", reasons: "intrus" },
      }),
  ],
  [
    "subprocessors list",
    (register, principal) => listSubprocessorChanges({ register, principal, input: {} }),
  ],
  [
    "subprocessors show",
    (register, principal, w) =>
      showSubprocessorChange({ register, principal, input: { change: w.change.id } }),
  ],
  [
    "subprocessors publish",
    (register, principal, w) =>
      publishSubprocessorList({ register, principal, now: NOW, input: { processor: w.vendor.name } }),
  ],
  [
    "subprocessors settle",
    (register, principal) => settleSubprocessorWindows({ register, principal, now: NOW + 365 * 86_400_000 }),
  ],
  [
    "end terminate",
    (register, principal, w) =>
      terminateAgreement({
        register,
        principal,
        now: NOW,
        input: { agreement: w.agreementA.id, kind: "ordinary", by: w.schoolA.name },
      }),
  ],
  [
    "end choose",
    (register, principal, w) =>
      chooseReturnOrDeletion({
        register,
        principal,
        now: NOW,
        input: { agreement: w.agreementB.id, choice: "deletion" },
      }),
  ],
  [
    "end certificate",
    (register, principal, w) =>
      issueDeletionCertificate({
        register,
        principal,
        now: NOW,
        input: { agreement: w.agreementB.id, method: "effacement" },
      }),
  ],
  [
    "end acknowledge",
    (register, principal, w) =>
      acknowledgeCertificate({ register, principal, now: NOW, input: { agreement: w.agreementB.id } }),
  ],
  [
    "end retain",
    (register, principal, w) =>
      recordRetentionException({
        register,
        principal,
        now: NOW,
        input: {
          agreement: w.agreementB.id,
          dataCategories: ["factures"],
          ground: "obligation comptable",
          until: NOW + 86_400_000,
        },
      }),
  ],
  [
    "audit request",
    (register, principal, w) =>
      requestAudit({
        register,
        principal,
        now: NOW,
        input: { agreement: w.agreementA.id, scope: ["journaux"] },
      }),
  ],
  [
    "audit findings",
    (register, principal, w) =>
      recordAuditFinding({
        register,
        principal,
        now: NOW,
        input: { audit: w.audit.id, findings: [{ severity: "minor", description: "journaux incomplets" }] },
      }),
  ],
  [
    "instruction record",
    (register, principal, w) =>
      recordInstruction({
        register,
        principal,
        now: NOW,
        input: { agreement: w.agreementA.id, channel: "email", text: "Tout effacer" },
      }),
  ],
  [
    "instruction contest",
    (register, principal, w) =>
      contestInstruction({
        register,
        principal,
        now: NOW,
        input: { instruction: w.instruction.id, grounds: "illicite" },
      }),
  ],
  [
    "instruction answer",
    (register, principal, w) =>
      answerInstruction({
        register,
        principal,
        now: NOW,
        input: { instruction: w.instruction.id, decision: "withdraw", reasons: "intrus" },
      }),
  ],
  [
    "instruction list",
    (register, principal, w) =>
      listInstructions({ register, principal, input: { agreement: w.agreementA.id } }),
  ],
  ["journal verify", (register, principal) => verifyJournal({ register, principal })],
  ["exchange export", (register, principal) => exportBundle({ register, principal, now: NOW })],
  [
    "exchange export --org",
    (register, principal, w) =>
      exportBundle({ register, principal, now: NOW, input: { organisation: w.schoolA.name } }),
  ],
  ["demo", (register, principal) => seedDemo({ register, principal, now: NOW, input: { seedsDir: null } })],
  ["outbox list", (register, principal) => listOutbox({ register, principal, input: {} })],
  [
    "outbox retry",
    (register, principal) => retryOutboxMessage({ register, principal, now: NOW, input: { id: "x" } }),
  ],
  [
    "users create",
    (register, principal, w) =>
      createUser({
        register,
        principal,
        now: NOW,
        input: { email: "intrus@aulnes.example", organisation: w.schoolA.name, role: "admin" },
      }),
  ],
  [
    "users grant (to oneself)",
    (register, principal, w) =>
      grantAccess({
        register,
        principal,
        now: NOW,
        input: { user: "secretariat@ormes.example", organisation: w.schoolA.name, role: "admin" },
      }),
  ],
  [
    "users grant an agreement",
    (register, principal, w) =>
      grantAccess({
        register,
        principal,
        now: NOW,
        input: { user: "secretariat@ormes.example", agreement: w.agreementA.id, until: NOW + 86_400_000 },
      }),
  ],
  [
    "users revoke",
    (register, principal, w) =>
      revokeAccess({
        register,
        principal,
        now: NOW,
        input: { user: w.member.email, organisation: w.schoolA.name },
      }),
  ],
  ["users list", (register, principal) => listUsers({ register, principal, now: NOW })],
];

/** What the others' world is made of, as an outsider must never read it: ids, names, addresses. */
function secretsOf(w: World): string[] {
  return [
    w.vendor.id,
    w.vendor.name,
    w.schoolA.id,
    w.schoolA.name,
    w.schoolB.id,
    w.schoolB.name,
    w.agreementA.id,
    w.agreementB.id,
    w.agreementA.title,
    w.breach.id,
    w.request.id,
    w.instruction.id,
    w.audit.id,
    w.change.id,
    w.duty.duty.id,
    w.webhook.id,
    w.member.id,
    w.member.email,
    w.obligation,
    "dpo@aulnes.example",
  ];
}

/** Every row and the whole journal, as the operator exports them. */
async function snapshot(register: Register): Promise<string> {
  const bundle = await exportBundle({ register, principal: operator, now: NOW });
  return JSON.stringify({ tables: bundle.tables, journal: bundle.journal });
}

describe.each(ENGINES)("a member of another organisation, on %s", (engine) => {
  let database: TestDatabase;
  let register: Register;
  let world: World;
  let outsider: Principal;
  let before: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    register = await openRegister({ env: { DATABASE_URL: database.url } });
    world = await buildWorld(register);
    outsider = await buildOutsider(register);
    before = await snapshot(register);
  }, 60_000);
  afterAll(async () => {
    await register.close();
    await database.drop();
  });

  it.each(USE_CASES)("%s: reads nothing of the others and is told nothing exists", async (_name, call) => {
    let outcome: unknown;
    try {
      outcome = await call(register, outsider, world);
    } catch (error) {
      expect(error).toMatchObject({ code: "not_found" });
      return;
    }
    const text = JSON.stringify(outcome);
    for (const secret of secretsOf(world)) expect(text).not.toContain(secret);
  });

  it("has changed nothing: every row and the journal are as they were", async () => {
    expect(await snapshot(register)).toBe(before);
  });
});
