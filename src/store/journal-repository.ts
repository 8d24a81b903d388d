// The journal table: appends serialised per tenant through its head row, and reads in seq order for verification.

import { type Kysely, sql } from "kysely";
import { GENESIS_HASH, type JournalEntry, type NewJournalEvent } from "../domain/journal-event.js";
import type { Engine } from "./engine.js";
import { type ChainLink, canonicalJson, linkHash } from "./journal.js";
import type { Database, JournalTable } from "./schema.js";

// 8 columns a row: 1,000 rows stay under SQLite's 32,766 bound variables; PostgreSQL allows 65,535.
const INSERT_CHUNK = 1_000;
const UNNEST_CHUNK = 10_000;

export interface AppendContext {
  readonly tenant: string;
  readonly actor: string;
  readonly at: number;
}

export class JournalRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
  ) {}

  /**
   * Appends events after the tenant's head. Must run inside the caller's transaction: the head row is locked
   * (FOR UPDATE on PostgreSQL; BEGIN IMMEDIATE holds SQLite's write lock), so concurrent writers queue up
   * instead of forking the chain.
   */
  async append(context: AppendContext, events: readonly NewJournalEvent[]): Promise<JournalEntry[]> {
    if (events.length === 0) return [];
    const head = await this.lockHead(context.tenant);
    let seq = head.seq;
    let prevHash = head.hash;
    const rows: JournalTable[] = [];
    const entries: JournalEntry[] = [];
    for (const event of events) {
      seq++;
      const link = {
        tenant: context.tenant,
        seq,
        at: context.at,
        actor: context.actor,
        type: event.type,
        payload: canonicalJson(event.payload),
      };
      const hash = linkHash(prevHash, link);
      rows.push({
        tenant_id: link.tenant,
        seq,
        at: link.at,
        actor: link.actor,
        type: link.type,
        payload: link.payload,
        prev_hash: prevHash,
        hash,
      });
      entries.push({ ...link, payload: event.payload, prevHash, hash });
      prevHash = hash;
    }
    // Each row moves the head as it goes in (migration 0016's triggers): the database refuses a row out of chain.
    await this.insertRows(rows);
    return entries;
  }

  /** Copies chain rows verbatim (bundle import into an empty tenant); the head follows them as they go in. */
  async insertVerbatim(tenant: string, links: readonly ChainLink[]): Promise<void> {
    const head = await this.lockHead(tenant);
    if (head.seq !== 0) throw new Error(`journal of tenant ${tenant} is not empty`);
    const rows = links.map((l) => ({
      tenant_id: tenant,
      seq: l.seq,
      at: l.at,
      actor: l.actor,
      type: l.type,
      payload: l.payload,
      prev_hash: l.prevHash,
      hash: l.hash,
    }));
    await this.insertRows(rows);
  }

  private async insertRows(rows: readonly JournalTable[]): Promise<void> {
    if (this.engine === "postgres") {
      // One array parameter per column instead of eight per row: far less to encode and parse.
      for (let i = 0; i < rows.length; i += UNNEST_CHUNK) {
        const chunk = rows.slice(i, i + UNNEST_CHUNK);
        const column = <K extends keyof JournalTable>(key: K) => chunk.map((r) => r[key]);
        await sql`INSERT INTO journal (tenant_id, seq, at, actor, type, payload, prev_hash, hash)
          SELECT * FROM unnest(${column("tenant_id")}::text[], ${column("seq")}::bigint[], ${column("at")}::bigint[],
            ${column("actor")}::text[], ${column("type")}::text[], ${column("payload")}::text[],
            ${column("prev_hash")}::text[], ${column("hash")}::text[])`.execute(this.db);
      }
      return;
    }
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.db
        .insertInto("journal")
        .values(rows.slice(i, i + INSERT_CHUNK))
        .execute();
    }
  }

  /**
   * The tenant's head, locked, created empty on its first append. The database refuses to create a head over rows
   * that exist, so it is only inserted when none is found.
   */
  private async lockHead(tenant: string): Promise<{ seq: number; hash: string }> {
    let query = this.db.selectFrom("journal_head").select(["seq", "hash"]).where("tenant_id", "=", tenant);
    if (this.engine === "postgres") query = query.forUpdate();
    const head = await query.executeTakeFirst();
    if (head) return head;
    await this.db
      .insertInto("journal_head")
      .values({ tenant_id: tenant, seq: 0, hash: GENESIS_HASH })
      .onConflict((oc) => oc.column("tenant_id").doNothing())
      .execute();
    return query.executeTakeFirstOrThrow();
  }

  /** The first row after seq `seq`, if any: rows past the head mean the head was left behind by a forger. */
  async firstAfter(tenant: string, seq: number): Promise<number | null> {
    const row = await this.db
      .selectFrom("journal")
      .select("seq")
      .where("tenant_id", "=", tenant)
      .where("seq", ">", seq)
      .orderBy("seq")
      .limit(1)
      .executeTakeFirst();
    return row ? Number(row.seq) : null;
  }

  async head(tenant: string): Promise<{ seq: number; hash: string } | null> {
    const row = await this.db
      .selectFrom("journal_head")
      .select(["seq", "hash"])
      .where("tenant_id", "=", tenant)
      .executeTakeFirst();
    return row ?? null;
  }

  /** Rows after `afterSeq`, in seq order, at most `limit`: keyset pages for streaming. */
  async page(tenant: string, afterSeq: number, limit: number, upTo?: number): Promise<ChainLink[]> {
    let query = this.db
      .selectFrom("journal")
      .select(["seq", "at", "actor", "type", "payload", "prev_hash", "hash"])
      .where("tenant_id", "=", tenant)
      .where("seq", ">", afterSeq);
    if (upTo !== undefined) query = query.where("seq", "<=", upTo);
    const rows = await query.orderBy("seq").limit(limit).execute();
    return rows.map((r) => ({
      tenant,
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      type: r.type,
      payload: r.payload,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  }

  /**
   * Streams a tenant's chain in pages, after seq `afterSeq` and up to seq `upTo` when given (the head read when
   * streaming began). The next page is requested before the current one is handed over, so on PostgreSQL the
   * server reads while we hash.
   */
  async *stream(tenant: string, pageSize = 20_000, upTo?: number, afterSeq = 0): AsyncGenerator<ChainLink[]> {
    if (upTo !== undefined) {
      yield* this.streamRanges(tenant, pageSize, upTo, afterSeq);
      return;
    }
    let next: Promise<ChainLink[]> | null = this.page(tenant, afterSeq, pageSize);
    while (next) {
      const rows: ChainLink[] = await next;
      if (rows.length === 0) return;
      const last = (rows[rows.length - 1] as ChainLink).seq;
      next = rows.length < pageSize ? null : this.page(tenant, last, pageSize);
      yield rows;
    }
  }

  /**
   * Pages that are seq ranges of `pageSize` (seqs are unique integers, so none holds more rows): each query then
   * reads and orders one page's rows, where "after the last seq, the next `pageSize`" lets PostgreSQL, on a journal
   * it has not analysed yet, sort every remaining row for each page. After an empty range (a fault, or a head ahead
   * of the rows), the next page starts at the next row there is, if any.
   */
  private async *streamRanges(
    tenant: string,
    pageSize: number,
    upTo: number,
    afterSeq: number,
  ): AsyncGenerator<ChainLink[]> {
    const range = (after: number) => this.page(tenant, after, pageSize, Math.min(upTo, after + pageSize));
    let after = afterSeq;
    let next: Promise<ChainLink[]> | null = after < upTo ? range(after) : null;
    while (next) {
      let rows: ChainLink[] = await next;
      if (rows.length > 0) {
        after = Math.min(upTo, after + pageSize);
      } else {
        rows = await this.page(tenant, after, pageSize, upTo);
        if (rows.length === 0) return;
        after = (rows[rows.length - 1] as ChainLink).seq;
      }
      next = after < upTo ? range(after) : null;
      yield rows;
    }
  }

  /** Tenants that have a journal. */
  async tenants(): Promise<string[]> {
    const rows = await this.db.selectFrom("journal_head").select("tenant_id").orderBy("tenant_id").execute();
    return rows.map((r) => r.tenant_id);
  }

  async count(tenant: string): Promise<number> {
    const row = await this.db
      .selectFrom("journal")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("tenant_id", "=", tenant)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
