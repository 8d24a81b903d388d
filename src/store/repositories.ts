// The repositories of one tenant over one connection or transaction.

import type { Kysely } from "kysely";
import { AgreementRepository } from "./agreement-repository.js";
import { AuditRepository } from "./audit-repository.js";
import { BreachRepository } from "./breach-repository.js";
import type { Engine } from "./engine.js";
import { ExchangeRepository } from "./exchange-repository.js";
import { InstructionRepository } from "./instruction-repository.js";
import { JointArrangementRepository } from "./joint-arrangement-repository.js";
import { JournalRepository } from "./journal-repository.js";
import { ObligationRepository } from "./obligation-repository.js";
import { OrganisationRepository } from "./organisation-repository.js";
import { OutboxRepository } from "./outbox-repository.js";
import { RecipientRepository } from "./recipient-repository.js";
import { RecurringDutyRepository } from "./recurring-duty-repository.js";
import { RequestRepository } from "./request-repository.js";
import type { Database } from "./schema.js";
import { SubprocessorChangeRepository } from "./subprocessor-change-repository.js";
import { TenantScope } from "./tenant-scope.js";
import { TerminationRepository } from "./termination-repository.js";
import { UserRepository } from "./user-repository.js";

export interface Repositories {
  readonly organisations: OrganisationRepository;
  readonly agreements: AgreementRepository;
  readonly obligations: ObligationRepository;
  readonly journal: JournalRepository;
  readonly exchange: ExchangeRepository;
  readonly outbox: OutboxRepository;
  readonly recipients: RecipientRepository;
  readonly subprocessorChanges: SubprocessorChangeRepository;
  readonly audits: AuditRepository;
  readonly instructions: InstructionRepository;
  readonly terminations: TerminationRepository;
  readonly breaches: BreachRepository;
  readonly requests: RequestRepository;
  readonly recurringDuties: RecurringDutyRepository;
  readonly jointArrangements: JointArrangementRepository;
  readonly users: UserRepository;
}

/** `now` stamps rows that record when they were written (outbox messages): the use case's clock. */
export function repositoriesFor(
  db: Kysely<Database>,
  engine: Engine,
  tenant: string,
  now: () => number = Date.now,
): Repositories {
  return {
    organisations: new OrganisationRepository(db, tenant),
    agreements: new AgreementRepository(db, tenant),
    obligations: new ObligationRepository(db, tenant, engine),
    journal: new JournalRepository(db, engine),
    exchange: new ExchangeRepository(db, engine, tenant),
    outbox: new OutboxRepository(db, engine, tenant, now),
    recipients: new RecipientRepository(db, tenant),
    subprocessorChanges: new SubprocessorChangeRepository(db, engine, tenant),
    audits: new AuditRepository(db, tenant),
    instructions: new InstructionRepository(db, tenant),
    terminations: new TerminationRepository(db, tenant),
    breaches: new BreachRepository(db, engine, tenant),
    requests: new RequestRepository(db, tenant),
    recurringDuties: new RecurringDutyRepository(db, tenant),
    jointArrangements: new JointArrangementRepository(db, tenant),
    users: new UserRepository(new TenantScope(db, tenant)),
  };
}
