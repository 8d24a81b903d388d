// Use case: take back a user's grant on an organisation or an agreement; from then on the user reaches nothing of it.

import { Art28Error } from "../../domain/error.js";
import type { Principal } from "../../domain/principal.js";
import { findAgreement, findOrganisation } from "../register/find-record.js";
import type { Register } from "../register/open-register.js";
import { inTransaction } from "../register/unit-of-work.js";
import { findUser, requireAdmin } from "./grant-access.js";

export interface RevokeAccessOptions {
  readonly register: Register;
  readonly principal: Principal;
  readonly input: { readonly user: string } & (
    | { readonly organisation: string }
    | { readonly agreement: string }
  );
  readonly now: number;
}

export async function revokeAccess({ register, principal, input, now }: RevokeAccessOptions): Promise<void> {
  await inTransaction(register, principal, now, async (unit) => {
    const user = await findUser(unit, input.user);
    let target: { organisation: string } | { agreement: string };
    if ("organisation" in input) {
      const organisation = await findOrganisation(unit, input.organisation, "org", "read");
      requireAdmin(unit, [organisation.id]);
      target = { organisation: organisation.id };
    } else {
      const agreement = await findAgreement(unit, input.agreement, "agreement", "read");
      requireAdmin(
        unit,
        agreement.parties.map((p) => p.organisationId),
      );
      target = { agreement: agreement.id };
    }
    if (!(await unit.users.revoke(user.id, target))) {
      throw new Art28Error("not_found", {
        fr: `« ${input.user} » n'a pas de droit à retirer ici`,
        en: `"${input.user}" holds no grant to take back here`,
      });
    }
    unit.record({
      type: "access.revoked",
      payload:
        "organisation" in target
          ? { v: 1, userId: user.id, organisationId: target.organisation }
          : { v: 1, userId: user.id, agreementId: target.agreement },
    });
  });
}
