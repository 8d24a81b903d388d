// The controller's documented instructions under one tenant's agreements (GDPR Art. 28(3)(a)).

import type { Kysely, Selectable } from "kysely";
import type { Instruction, InstructionChannel, InstructionStatus } from "../domain/instruction.js";
import { rowById, rowsByIdPrefix } from "./key-lookup.js";
import type { Database, InstructionsTable } from "./schema.js";

export interface StoredInstruction extends Instruction {
  /** The controller's duty to answer a contest, once contested. */
  readonly answerObligationId: string | null;
}

function fromRow(r: Selectable<InstructionsTable>): StoredInstruction {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    controllerId: r.controller_id,
    processorId: r.processor_id,
    givenAt: r.given_at,
    channel: r.channel as InstructionChannel,
    text: r.text,
    status: r.status as InstructionStatus,
    contest: r.contest ? JSON.parse(r.contest) : null,
    answer: r.answer ? JSON.parse(r.answer) : null,
    answerObligationId: r.answer_obligation_id,
  };
}

export class InstructionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly tenant: string,
  ) {}

  async insert(instruction: StoredInstruction, now: number): Promise<void> {
    await this.db
      .insertInto("instructions")
      .values({
        id: instruction.id,
        tenant_id: this.tenant,
        agreement_id: instruction.agreementId,
        controller_id: instruction.controllerId,
        processor_id: instruction.processorId,
        given_at: instruction.givenAt,
        channel: instruction.channel,
        text: instruction.text,
        status: instruction.status,
        contest: instruction.contest ? JSON.stringify(instruction.contest) : null,
        answer: instruction.answer ? JSON.stringify(instruction.answer) : null,
        answer_obligation_id: instruction.answerObligationId,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  async save(instruction: StoredInstruction, now: number): Promise<void> {
    await this.db
      .updateTable("instructions")
      .set({
        text: instruction.text,
        status: instruction.status,
        contest: instruction.contest ? JSON.stringify(instruction.contest) : null,
        answer: instruction.answer ? JSON.stringify(instruction.answer) : null,
        answer_obligation_id: instruction.answerObligationId,
        updated_at: now,
      })
      .where("tenant_id", "=", this.tenant)
      .where("id", "=", instruction.id)
      .execute();
  }

  async byId(id: string): Promise<StoredInstruction | undefined> {
    const row = await rowById(this.db, "instructions", this.tenant, id);
    return row ? fromRow(row) : undefined;
  }

  async byIdPrefix(prefix: string, limit = 2): Promise<StoredInstruction[]> {
    return (await rowsByIdPrefix(this.db, "instructions", this.tenant, prefix, limit)).map(fromRow);
  }

  async ofAgreement(agreementId: string): Promise<StoredInstruction[]> {
    const rows = await this.db
      .selectFrom("instructions")
      .selectAll()
      .where("tenant_id", "=", this.tenant)
      .where("agreement_id", "=", agreementId)
      .orderBy("given_at")
      .orderBy("id")
      .execute();
    return rows.map(fromRow);
  }
}
