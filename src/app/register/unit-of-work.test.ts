import { describe, expect, it } from "vitest";
import { newTimeOrderedId } from "./unit-of-work.js";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("time-ordered ids", () => {
  it("are RFC 9562 version 7 UUIDs whose first 48 bits are the current Unix milliseconds", () => {
    const before = Date.now();
    const id = newTimeOrderedId();
    const after = Date.now();
    expect(id).toMatch(UUID_V7);
    const ms = Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after);
  });

  it("never repeat, and sort in the order of the milliseconds they were made in", async () => {
    const first = Array.from({ length: 10_000 }, newTimeOrderedId);
    await new Promise((resolve) => setTimeout(resolve, 2));
    const later = newTimeOrderedId();
    expect(new Set(first).size).toBe(first.length);
    for (const id of first) expect(id < later).toBe(true);
  });
});
