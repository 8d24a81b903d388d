// Migration 0016: the database keeps each journal chain whole by itself. A row is accepted only as the next link
// after the tenant's head (seq head+1, prev_hash the head's hash), and inserting it moves the head; the head row
// cannot be removed, nor moved except by such an insert, nor created over rows that already exist.

import { type Kysely, type Migration, sql } from "kysely";
import { GENESIS_HASH } from "../../domain/journal-event.js";
import type { Engine } from "../engine.js";

const OUT_OF_CHAIN =
  "art28: a journal row must follow the head of its chain (seq head+1, prev_hash the head hash)";
const HEAD_GUARDED = "art28: the journal head moves only with the rows it ends and cannot be removed";

export function journalHeadGuarded(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (engine === "sqlite") {
        // SQLite runs row triggers row by row, so the head a row is checked against is the one its predecessor
        // in the same statement moved.
        await sql`CREATE TRIGGER journal_in_chain BEFORE INSERT ON journal
          WHEN NOT EXISTS (SELECT 1 FROM journal_head h
            WHERE h.tenant_id = NEW.tenant_id AND h.seq + 1 = NEW.seq AND h.hash = NEW.prev_hash)
          BEGIN SELECT RAISE(ABORT, ${sql.lit(OUT_OF_CHAIN)}); END`.execute(db);
        await sql`CREATE TRIGGER journal_moves_head AFTER INSERT ON journal
          BEGIN UPDATE journal_head SET seq = NEW.seq, hash = NEW.hash WHERE tenant_id = NEW.tenant_id; END`.execute(
          db,
        );
        // Updated only to the last row there is: the insert trigger's own update, nothing else.
        await sql`CREATE TRIGGER journal_head_follows_rows BEFORE UPDATE ON journal_head
          WHEN NEW.tenant_id <> OLD.tenant_id
            OR NOT EXISTS (SELECT 1 FROM journal j
              WHERE j.tenant_id = NEW.tenant_id AND j.seq = NEW.seq AND j.hash = NEW.hash)
            OR EXISTS (SELECT 1 FROM journal j WHERE j.tenant_id = NEW.tenant_id AND j.seq > NEW.seq)
          BEGIN SELECT RAISE(ABORT, ${sql.lit(HEAD_GUARDED)}); END`.execute(db);
        await sql`CREATE TRIGGER journal_head_no_delete BEFORE DELETE ON journal_head
          BEGIN SELECT RAISE(ABORT, ${sql.lit(HEAD_GUARDED)}); END`.execute(db);
        // A head starts empty, and only for a tenant with no rows (INSERT OR REPLACE would otherwise reset it: the
        // delete that REPLACE does fires no trigger).
        await sql`CREATE TRIGGER journal_head_starts_empty BEFORE INSERT ON journal_head
          WHEN NEW.seq <> 0 OR NEW.hash <> ${sql.lit(GENESIS_HASH)}
            OR EXISTS (SELECT 1 FROM journal j WHERE j.tenant_id = NEW.tenant_id)
          BEGIN SELECT RAISE(ABORT, ${sql.lit(HEAD_GUARDED)}); END`.execute(db);
        return;
      }
      // On PostgreSQL one statement-level trigger checks a whole insert at once (its rows seen as a transition table):
      // a row must link to the row before it in the same insert, or, first of its tenant there, to the head; the
      // head then moves to each tenant's last row, once a statement. Moving it row by row would stack up one row
      // version a row in the transaction, each read walking past the earlier ones. The head's own guard lets
      // through only an update made from inside that trigger (trigger depth 2), and an empty head for a tenant
      // with no rows yet or with a head already (two first appends racing: the second insert then does nothing,
      // ON CONFLICT).
      await sql`CREATE FUNCTION art28_journal_in_chain() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM 1 FROM journal_head h WHERE h.tenant_id IN (SELECT DISTINCT tenant_id FROM new_rows) FOR UPDATE;
          IF EXISTS (
            SELECT 1 FROM new_rows n
              LEFT JOIN new_rows p ON p.tenant_id = n.tenant_id AND p.seq = n.seq - 1
              LEFT JOIN journal_head h ON h.tenant_id = n.tenant_id
            WHERE CASE WHEN p.seq IS NOT NULL THEN n.prev_hash <> p.hash
              ELSE h.tenant_id IS NULL OR n.seq <> h.seq + 1 OR n.prev_hash <> h.hash END
          ) THEN
            RAISE EXCEPTION ${sql.lit(OUT_OF_CHAIN)};
          END IF;
          UPDATE journal_head h SET seq = last.seq, hash = last.hash
            FROM (SELECT DISTINCT ON (tenant_id) tenant_id, seq, hash FROM new_rows ORDER BY tenant_id, seq DESC) last
            WHERE h.tenant_id = last.tenant_id;
          RETURN NULL;
        END $$`.execute(db);
      await sql`CREATE TRIGGER journal_in_chain AFTER INSERT ON journal REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION art28_journal_in_chain()`.execute(db);
      await sql`CREATE FUNCTION art28_journal_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.tenant_id = OLD.tenant_id THEN RETURN NEW; END IF;
          IF TG_OP = 'INSERT' AND NEW.seq = 0 AND NEW.hash = ${sql.lit(GENESIS_HASH)}
            AND (NOT EXISTS (SELECT 1 FROM journal j WHERE j.tenant_id = NEW.tenant_id)
              OR EXISTS (SELECT 1 FROM journal_head h WHERE h.tenant_id = NEW.tenant_id)) THEN RETURN NEW; END IF;
          RAISE EXCEPTION ${sql.lit(HEAD_GUARDED)};
        END $$`.execute(db);
      await sql`CREATE TRIGGER journal_head_guard BEFORE INSERT OR UPDATE OR DELETE ON journal_head
        FOR EACH ROW EXECUTE FUNCTION art28_journal_head_guard()`.execute(db);
      await sql`CREATE TRIGGER journal_head_no_truncate BEFORE TRUNCATE ON journal_head
        FOR EACH STATEMENT EXECUTE FUNCTION art28_journal_head_guard()`.execute(db);
    },
    async down(): Promise<void> {
      throw new Error("migration 0016 is not reverted: the journal head stays guarded");
    },
  };
}
