// The versioned migrations of the register, one set for both engines, in the order they apply.

import type { Migration, MigrationProvider } from "kysely";
import type { Engine } from "../engine.js";
import { registerMigration } from "./0001-register.js";
import { obligationsByCounterparty } from "./0002-obligations-by-counterparty.js";
import { journalClustered } from "./0003-journal-clustered.js";
import { outboxMigration } from "./0010-outbox.js";
import { breachesAndRequests } from "./0011-breaches-and-requests.js";
import { changesAuditsInstructionsTermination } from "./0012-changes-audits-instructions-termination.js";
import { recurringDuties } from "./0013-recurring-duties.js";
import { windowsToSettle } from "./0014-windows-to-settle.js";
import { jointArrangements } from "./0015-joint-arrangements.js";
import { journalHeadGuarded } from "./0016-journal-head-guarded.js";
import { usersAndGrants } from "./0020-users-and-grants.js";
import { uniqueIdentifiers } from "./0021-unique-identifiers.js";

export function migrationProvider(engine: Engine): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        "0001-register": registerMigration(engine),
        "0002-obligations-by-counterparty": obligationsByCounterparty,
        "0003-journal-clustered": journalClustered(engine),
        "0010-outbox": outboxMigration,
        "0011-breaches-and-requests": breachesAndRequests,
        "0012-changes-audits-instructions-termination": changesAuditsInstructionsTermination,
        "0013-recurring-duties": recurringDuties,
        "0014-windows-to-settle": windowsToSettle,
        "0015-joint-arrangements": jointArrangements,
        "0016-journal-head-guarded": journalHeadGuarded(engine),
        "0020-users-and-grants": usersAndGrants,
        "0021-unique-identifiers": uniqueIdentifiers,
      };
    },
  };
}
