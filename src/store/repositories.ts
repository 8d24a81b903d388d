// The repositories of one tenant over one connection or transaction.

import type { Kysely } from "kysely";
import { AgreementRepository } from "./agreement-repository.js";
import type { Engine } from "./engine.js";
import { ExchangeRepository } from "./exchange-repository.js";
import { JournalRepository } from "./journal-repository.js";
import { ObligationRepository } from "./obligation-repository.js";
import { OrganisationRepository } from "./organisation-repository.js";
import { OutboxRepository } from "./outbox-repository.js";
import { RecipientRepository } from "./recipient-repository.js";
import type { Database } from "./schema.js";

export interface Repositories {
  readonly organisations: OrganisationRepository;
  readonly agreements: AgreementRepository;
  readonly obligations: ObligationRepository;
  readonly journal: JournalRepository;
  readonly exchange: ExchangeRepository;
  readonly outbox: OutboxRepository;
  readonly recipients: RecipientRepository;
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
    obligations: new ObligationRepository(db, tenant),
    journal: new JournalRepository(db, engine),
    exchange: new ExchangeRepository(db, engine, tenant),
    outbox: new OutboxRepository(db, tenant, now),
    recipients: new RecipientRepository(db, tenant),
  };
}
