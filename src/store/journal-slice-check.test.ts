// A slice check holds only for complete, self-consistent slices, and stitching keeps only slices that follow on.

import { describe, expect, it } from "vitest";
import { GENESIS_HASH } from "../domain/journal-event.js";
import { linkHash } from "./journal-link-hash.js";
import { intactPrefix, type RawLink, SliceCheck, type SliceReport } from "./journal-slice-check.js";

const TENANT = "t-slice";

/** Links 1..n of a chain, as read for a slice check. */
function chain(n: number): RawLink[] {
  const rows: RawLink[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = {
      tenant: TENANT,
      seq,
      at: 1_000 + seq,
      actor: "a",
      type: "x.y",
      payload: `{"n":${seq}}`,
    };
    const hash = linkHash(prev, content);
    rows.push([seq, content.at, content.actor, content.type, content.payload, prev, hash]);
    prev = hash;
  }
  return rows;
}

function check(rows: readonly RawLink[], from: number, to: number): SliceReport {
  const slice = new SliceCheck(TENANT, from, to);
  for (const row of rows) if (row[0] >= from && row[0] <= to && !slice.push(row)) break;
  return slice.report();
}

describe("a slice check", () => {
  const rows = chain(10);

  it("holds for a complete slice, giving the hash it starts from and the one it ends on", () => {
    expect(check(rows, 4, 7)).toEqual({
      from: 4,
      to: 7,
      intact: true,
      firstPrev: rows[2]?.[6],
      lastHash: rows[6]?.[6],
    });
  });

  it("fails on a missing row, a short slice, a rewritten row or a broken link inside", () => {
    expect(
      check(
        rows.filter((r) => r[0] !== 5),
        4,
        7,
      ).intact,
    ).toBe(false);
    expect(check(rows.slice(0, 6), 4, 7).intact).toBe(false);
    const rewritten = rows.map(
      (r): RawLink => (r[0] === 6 ? ([...r.slice(0, 4), '{"n":0}', r[5], r[6]] as RawLink) : r),
    );
    expect(check(rewritten, 4, 7).intact).toBe(false);
    const relinked = rows.map(
      (r): RawLink => (r[0] === 6 ? ([...r.slice(0, 5), "0".repeat(64), r[6]] as RawLink) : r),
    );
    expect(check(relinked, 4, 7).intact).toBe(false);
  });
});

describe("stitching slices", () => {
  const rows = chain(10);
  const slices = [check(rows, 1, 4), check(rows, 5, 7), check(rows, 8, 10)];

  it("vouches for the whole chain when every slice holds and follows on", () => {
    expect(intactPrefix(slices)).toEqual({ seq: 10, hash: rows[9]?.[6] });
  });

  it("stops before a slice that does not hold, is missing, or does not cite the hash before it", () => {
    expect(intactPrefix([slices[0], check(rows.slice(0, 5), 5, 7), slices[2]] as SliceReport[]).seq).toBe(4);
    expect(intactPrefix([slices[0], slices[2]] as SliceReport[]).seq).toBe(4);
    // Rows 5..7 chained among themselves, from the genesis hash instead of row 4's: the slice holds on its own.
    const foreign = new SliceCheck(TENANT, 5, 7);
    let prev = GENESIS_HASH;
    for (const seq of [5, 6, 7]) {
      const hash = linkHash(prev, { tenant: TENANT, seq, at: 1, actor: "b", type: "x.y", payload: "{}" });
      foreign.push([seq, 1, "b", "x.y", "{}", prev, hash]);
      prev = hash;
    }
    expect(foreign.report().intact).toBe(true);
    expect(intactPrefix([slices[0], foreign.report(), slices[2]] as SliceReport[]).seq).toBe(4);
  });
});
